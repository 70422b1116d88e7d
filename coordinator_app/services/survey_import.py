"""Answers of a survey round from a spreadsheet, on the transfer machinery.

The file is read by :mod:`.transfer.reading`, its columns mapped with
:mod:`.transfer.mappings` (remembered by header, so next year's sheet with
the same questions maps itself) and every row previewed as
:class:`~.transfer.importing.PreviewRow` before anything is stored. A row
names its place by name; its answers are read as the form reads them. The
preview and the import run the same code; the import commits all valid rows
in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import Session, select

from coordinator_app.domain.models import GatheringPlace, SurveyQuestion, SurveyRound
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.surveys import options_from_json, read_answer
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, joined
from coordinator_app.services import survey_answers
from coordinator_app.services.base import NotFoundError, live
from coordinator_app.services.transfer.fields import ImportField, ImportKind, name_key
from coordinator_app.services.transfer.importing import ImportOutcome, PreviewRow, RowStatus
from coordinator_app.services.transfer.mappings import Mapping, mapping_problems
from coordinator_app.services.transfer.reading import SourceTable, TransferError
from coordinator_app.storage.database import Database

KIND_KEY = "survey_answers"
PLACE_FIELD = ImportField(
    "place",
    "通いの場",
    ("名称", "通いの場名", "会の名前", "団体名", "サロン名", "名前", "活動名"),
    required=True,
)


def question_key(question: SurveyQuestion) -> str:
    """A question's field key: its wording, so a remembered mapping fits next year's round."""
    return "q:" + question.prompt


def import_kind(questions: Sequence[SurveyQuestion]) -> ImportKind:
    fields = [PLACE_FIELD]
    for q in questions:
        fields.append(ImportField(question_key(q), q.prompt, (f"問{q.position}", f"Q{q.position}")))
    return ImportKind(
        key=KIND_KEY,
        label="調査の回答",
        model=GatheringPlace,
        service_attr="gathering_places",
        fields=tuple(fields),
    )


def _places(session: Session) -> dict[str, list[GatheringPlace]]:
    found: dict[str, list[GatheringPlace]] = {}
    for place in session.exec(select(GatheringPlace).where(live(GatheringPlace))).all():
        found.setdefault(name_key(place.name), []).append(place)
    return found


def run(
    db: Database, round_id: uuid.UUID, table: SourceTable, mapping: Mapping, *, commit: bool
) -> ImportOutcome:
    """Preview (``commit=False``, nothing written) or store the answers of every valid row.

    Raises:
        TransferError: the mapping lacks the place's name or maps a field twice.
    """
    with db.writing() as session:
        survey = session.get(SurveyRound, round_id)
        if survey is None or survey.deleted_at is not None:
            raise NotFoundError(RecordKind.SURVEY_ROUND, round_id)
        questions = survey_answers.questions(session, round_id)
        kind = import_kind(questions)
        problems = mapping_problems(kind, table.headers, mapping)
        if problems:
            raise TransferError(joined(problems, "\n"))
        by_key = {question_key(q): q for q in questions}
        by_id = {q.id: q for q in questions}
        places = _places(session)
        seen: dict[uuid.UUID, int] = {}
        rows = []
        for source in table.rows:
            values = {key: source.get(index) for index, key in mapping.items() if key}
            row = PreviewRow(line=source.line, source=source, values=values)
            rows.append(row)
            name = values.get("place", "").strip()
            matches = places.get(name_key(name), []) if name else []
            if not name:
                row.problems["place"] = Message(
                    "survey", QT_TRANSLATE_NOOP("survey", "通いの場の名前が空欄です")
                )
            elif not matches:
                row.problems["place"] = Message(
                    "survey",
                    QT_TRANSLATE_NOOP(
                        "survey", "通いの場「{name}」が見つかりません(先に登録してください)"
                    ),
                    name=name,
                )
            elif len(matches) > 1:
                row.problems["place"] = Message(
                    "survey",
                    QT_TRANSLATE_NOOP("survey", "「{name}」という通いの場が複数あります"),
                    name=name,
                )
            answers: dict[uuid.UUID, str] = {}
            for key, text in values.items():
                question = by_key.get(key)
                if question is None:
                    continue
                value, problem = read_answer(
                    question.kind, options_from_json(question.options), text
                )
                if problem:
                    row.problems[key] = problem
                elif value:
                    answers[question.id] = value
            if row.problems:
                row.status = RowStatus.ERROR
                continue
            place = matches[0]
            if place.id in seen:
                row.status = RowStatus.DUPLICATE
                row.duplicate_of = Message(
                    "import",
                    QT_TRANSLATE_NOOP("import", "{where}「{name}」"),
                    where=Message(
                        "import", QT_TRANSLATE_NOOP("import", "{line}行目の"), line=seen[place.id]
                    ),
                    name=place.name,
                )
                continue
            seen[place.id] = source.line
            survey_answers.store_answers(session, round_id, place.id, by_id, answers)
            row.record_id = place.id if commit else None
        if not commit:
            session.rollback()
    return ImportOutcome(kind=kind, table=table, rows=rows, committed=commit)
