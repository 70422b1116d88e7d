"""The results of a survey round: the answers as a table and the counts a report needs.

Counts are over the places that answered. For each place the survey's
picture is used: a mapped answer (usual attendance, schedule, status) where
there is one, otherwise what the directory holds. A weekday "has no place"
in an area when no active answering place of that area meets on it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from coordinator_app.domain.gathering_places import (
    GatheringPlaceStatus,
    parse_schedule,
)
from coordinator_app.domain.models import (
    Area,
    GatheringPlace,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
)
from coordinator_app.domain.surveys import status_of_answer
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, joined
from coordinator_app.services.base import live, names_by_id
from coordinator_app.services.gathering_places import _area_order

if TYPE_CHECKING:
    from coordinator_app.services.transfer.cells import Cell, Sheet, WriteReport

WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("weekdays", "月"),
    QT_TRANSLATE_NOOP("weekdays", "火"),
    QT_TRANSLATE_NOOP("weekdays", "水"),
    QT_TRANSLATE_NOOP("weekdays", "木"),
    QT_TRANSLATE_NOOP("weekdays", "金"),
    QT_TRANSLATE_NOOP("weekdays", "土"),
    QT_TRANSLATE_NOOP("weekdays", "日"),
)
"""``domain.gathering_places.WEEKDAYS`` one by one, Monday first (English: Mon … Sun)."""

NO_AREA = Message("report", QT_TRANSLATE_NOOP("report", "地域未設定"))


def _question_header(position: int, prompt: str) -> Message:
    """``問1 参加者数`` (English: Q1 参加者数; the wording is the user's)."""
    return Message(
        "survey", QT_TRANSLATE_NOOP("survey", "問{n} {prompt}"), n=position, prompt=prompt
    )


@dataclass(frozen=True)
class ResultColumn:
    """A question as a column of the results (a removed one keeps its wording)."""

    question_id: uuid.UUID
    header: str
    removed: bool = False


@dataclass(frozen=True)
class ResultRow:
    place_id: uuid.UUID
    place: str
    area: str
    kind: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class AreaKindCount:
    area: str
    kind: str
    places: int
    participants: int


@dataclass(frozen=True)
class WeekdayGap:
    """An area and the weekdays on which none of its answering places meets."""

    area: str
    places: int
    missing: tuple[int, ...]

    @property
    def missing_text(self) -> str:
        if not self.missing:
            return Message("survey", QT_TRANSLATE_NOOP("survey", "なし"))
        return joined([Message("weekdays", WEEKDAY_NAMES[d]) for d in self.missing], "・")


@dataclass
class SurveyResults:
    round_name: str
    fiscal_year: int
    columns: list[ResultColumn] = field(default_factory=list)
    rows: list[ResultRow] = field(default_factory=list)
    counts: list[AreaKindCount] = field(default_factory=list)
    gaps: list[WeekdayGap] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    """Live places (not ended) without any answer in the round, by reading."""

    @property
    def places(self) -> int:
        return len(self.rows)

    @property
    def participants(self) -> int:
        return sum(c.participants for c in self.counts)


def build(session: Session, survey: SurveyRound) -> SurveyResults:
    questions = list(
        session.exec(
            select(SurveyQuestion)
            .where(SurveyQuestion.round_id == survey.id)
            .order_by(col(SurveyQuestion.position), col(SurveyQuestion.created_at))
        ).all()
    )
    answers = session.exec(
        select(SurveyAnswer).where(live(SurveyAnswer)).where(SurveyAnswer.round_id == survey.id)
    ).all()
    by_place: dict[uuid.UUID, dict[uuid.UUID, SurveyAnswer]] = {}
    for answer in answers:
        by_place.setdefault(answer.place_id, {})[answer.question_id] = answer
    answered_questions = {a.question_id for a in answers}
    columns = [
        ResultColumn(q.id, _question_header(q.position, q.prompt))
        for q in questions
        if q.deleted_at is None
    ]
    for q in questions:
        if q.deleted_at is not None and q.id in answered_questions:
            wording = next((a.question_text for a in answers if a.question_id == q.id), q.prompt)
            removed = Message(
                "survey", QT_TRANSLATE_NOOP("survey", "(削除した質問) {wording}"), wording=wording
            )
            columns.append(ResultColumn(q.id, removed, removed=True))
    mapped = {q.place_field: q.id for q in questions if q.deleted_at is None and q.place_field}
    places = list(
        session.exec(
            select(GatheringPlace).where(live(GatheringPlace)).order_by(GatheringPlace.sort_kana)
        ).all()
    )
    areas = names_by_id(session, Area, (p.area_id for p in places))
    order = _area_order(session)
    results = SurveyResults(round_name=survey.name, fiscal_year=survey.fiscal_year, columns=columns)
    counts: dict[tuple[uuid.UUID | None, str], list[int]] = {}
    coverage: dict[uuid.UUID | None, list[int]] = {}
    for place in places:
        given = by_place.get(place.id)
        if not given:
            if place.status != GatheringPlaceStatus.ENDED:
                results.unanswered.append(place.name)
            continue
        area = areas.get(place.area_id, NO_AREA) if place.area_id else NO_AREA
        results.rows.append(
            ResultRow(
                place_id=place.id,
                place=place.name,
                area=area,
                kind=place.kind,
                values=tuple(
                    given[c.question_id].value if c.question_id in given else "" for c in columns
                ),
            )
        )

        def answered(key: str, given: dict[uuid.UUID, SurveyAnswer] = given) -> str | None:
            question_id = mapped.get(key)
            answer = given.get(question_id) if question_id else None
            return answer.value if answer is not None else None

        attendance = answered("usual_attendance")
        participants = int(attendance) if attendance else (place.usual_attendance or 0)
        count = counts.setdefault((place.area_id, place.kind), [0, 0])
        count[0] += 1
        count[1] += participants
        status_text = answered("status")
        status = status_of_answer(status_text) if status_text else place.status
        schedule = answered("schedule_text")
        mask = parse_schedule(schedule).weekday_mask if schedule else place.weekday_mask
        cover = coverage.setdefault(place.area_id, [0, 0])
        cover[0] += 1
        if status == GatheringPlaceStatus.ACTIVE:
            cover[1] |= mask

    def area_sort(area_id: uuid.UUID | None) -> int:
        return order.get(area_id, len(order)) if area_id else len(order) + 1

    for (area_id, kind), (number, participants) in sorted(
        counts.items(), key=lambda item: (area_sort(item[0][0]), item[0][1])
    ):
        name = areas.get(area_id, NO_AREA) if area_id else NO_AREA
        results.counts.append(AreaKindCount(name, kind, number, participants))
    for area_id in sorted(coverage, key=area_sort):
        number, mask = coverage[area_id]
        name = areas.get(area_id, NO_AREA) if area_id else NO_AREA
        missing = tuple(d for d in range(7) if not mask & (1 << d))
        results.gaps.append(WeekdayGap(name, number, missing))
    return results


SHEET_ANSWERS = QT_TRANSLATE_NOOP("survey", "回答")
SHEET_COUNTS = QT_TRANSLATE_NOOP("survey", "地域・種類別")
SHEET_GAPS = QT_TRANSLATE_NOOP("survey", "通いの場がない曜日")
HEADER_PLACE = QT_TRANSLATE_NOOP("survey", "通いの場")
HEADER_AREA = QT_TRANSLATE_NOOP("survey", "地域")
HEADER_KIND = QT_TRANSLATE_NOOP("survey", "種類")
HEADER_PLACES = QT_TRANSLATE_NOOP("survey", "か所数")
HEADER_PARTICIPANTS = QT_TRANSLATE_NOOP("survey", "参加者数")
HEADER_ANSWERED = QT_TRANSLATE_NOOP("survey", "回答したか所数")
NOTES_TITLE = QT_TRANSLATE_NOOP("survey", "説明")
NOTE = QT_TRANSLATE_NOOP("survey", "{name}({year}年度)の集計")

Text = Callable[[object], str]
"""Shows a text (a message) in the export's language: ``str`` is Japanese (the window
passes ``ui.labels.message_text``, as for the activity report's .xlsx)."""


def _s(source: str) -> Message:
    return Message("survey", source)


def sheets(results: SurveyResults, text: Text = str) -> list[Sheet]:
    """The results as sheets: answers, counts per area and kind, weekdays without a place;
    titles, headers and the app's words (地域未設定, なし, weekdays) in ``text``'s language."""
    from coordinator_app.services.transfer.cells import Sheet  # openpyxl: only when saving

    def shown(values: Sequence[Cell]) -> list[Cell]:
        return [text(v) if isinstance(v, str) else v for v in values]

    def headed(values: Sequence[str]) -> list[str]:
        return [text(v) for v in values]

    answers = Sheet(
        title=text(_s(SHEET_ANSWERS)),
        headers=headed(
            [
                _s(HEADER_PLACE),
                _s(HEADER_AREA),
                _s(HEADER_KIND),
                *(c.header for c in results.columns),
            ]
        ),
        rows=[shown([r.place, r.area, r.kind, *r.values]) for r in results.rows],
        name="answers",
    )
    counts = Sheet(
        title=text(_s(SHEET_COUNTS)),
        headers=headed(
            [_s(HEADER_AREA), _s(HEADER_KIND), _s(HEADER_PLACES), _s(HEADER_PARTICIPANTS)]
        ),
        rows=[shown([c.area, c.kind, str(c.places), str(c.participants)]) for c in results.counts],
        name="counts",
    )
    gaps = Sheet(
        title=text(_s(SHEET_GAPS)),
        headers=headed([_s(HEADER_AREA), _s(HEADER_ANSWERED), _s(SHEET_GAPS)]),
        rows=[shown([g.area, str(g.places), g.missing_text]) for g in results.gaps],
        name="weekdays",
    )
    return [answers, counts, gaps]


def export(results: SurveyResults, path: Path, text: Text = str) -> WriteReport:
    """.xlsx: every sheet (all cells text); .csv: the answers table; in ``text``'s language."""
    from coordinator_app.services.transfer.cells import WriteReport, write_csv, write_xlsx
    from coordinator_app.services.transfer.reading import TransferError

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        note = Message("survey", NOTE, name=results.round_name, year=results.fiscal_year)
        return write_xlsx(
            sheets(results, text), path, notes=[text(note)], notes_title=text(_s(NOTES_TITLE))
        )
    if suffix == ".csv":
        write_csv(sheets(results, text)[0], path)
        return WriteReport()
    raise TransferError(
        Message("survey", QT_TRANSLATE_NOOP("survey", "保存できる形式は .xlsx と .csv です"))
    )
