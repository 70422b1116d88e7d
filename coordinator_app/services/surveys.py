"""通いの場調査: survey rounds, their questionnaire, answers per place, acceptance, results.

One user action is one transaction, as everywhere. The rules the municipality
relies on:

* a question that has answers keeps its kind (changing it would silently make
  the answers meaningless: add a new question instead);
* a removed question's answers are kept, each with the question's wording at
  the time it was answered;
* accepting a place's answers updates the mapped fields of the place through
  the place's own service (its cleaning and checks), all or nothing, and the
  changes can be shown before (:meth:`SurveyService.acceptance`).

Importing answers from a spreadsheet lives in :mod:`.survey_import` and the
results in :mod:`.survey_results`; both are reached through this service.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlmodel import Session, col, func, select

from coordinator_app.domain.gathering_places import STATUS_LABELS
from coordinator_app.domain.models import (
    GatheringPlace,
    Record,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.surveys import (
    PLACE_FIELDS,
    STATUS_OPTIONS,
    QuestionKind,
    kind_label,
    options_from_json,
    read_answer,
    status_of_answer,
    status_options_needed,
    unknown_status,
    wrong_kind,
)
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, field, invalid
from coordinator_app.domain.validation import (
    Errors,
    ValidationError,
    check_date_order,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services import survey_answers, survey_results
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import NotFoundError, live, now
from coordinator_app.services.gathering_places import GatheringPlaceService
from coordinator_app.services.survey_results import SurveyResults
from coordinator_app.storage.database import Database

if TYPE_CHECKING:
    # transfer.importing imports the registry, which imports this module; the
    # transfer modules load openpyxl, which the window must not pay for at start.
    from coordinator_app.services.transfer.cells import WriteReport
    from coordinator_app.services.transfer.fields import ImportKind
    from coordinator_app.services.transfer.importing import ImportOutcome
    from coordinator_app.services.transfer.mappings import Mapping
    from coordinator_app.services.transfer.reading import SourceTable

R = TypeVar("R", bound=Record)

KIND_LOCKED = QT_TRANSLATE_NOOP(
    "validation",
    "この質問にはすでに回答があるため、種類を「{old}」から変えられません。新しい質問として追加してください(これまでの回答はそのまま残ります)",
)


@dataclass(frozen=True)
class FieldChange:
    """One field of the place that accepting the answers changes."""

    field: str
    label: str
    before: str
    after: str


def answer_key(question_id: uuid.UUID) -> str:
    """The error key of a question's answer in a :class:`ValidationError`."""
    return f"q:{question_id.hex}"


def _place_text(place: GatheringPlace, key: str) -> str:
    value = getattr(place, key)
    if key == "status":
        return STATUS_LABELS[value]
    return "" if value is None else str(value)


class SurveyService(Guarded):
    """Survey rounds of the gathering places and everything recorded in them."""

    def __init__(self, db: Database, places: GatheringPlaceService | None = None) -> None:
        self.db = db
        self.places = places or GatheringPlaceService(db)

    # -- rounds ------------------------------------------------------------------------

    @reads
    def rounds(self) -> list[SurveyRound]:
        """Live rounds, the newest fiscal year first."""
        with self.db.reading() as session:
            stmt = select(SurveyRound).where(live(SurveyRound))
            stmt = stmt.order_by(col(SurveyRound.fiscal_year).desc(), SurveyRound.name)
            return list(session.exec(stmt).all())

    @reads
    def get_round(self, round_id: uuid.UUID) -> SurveyRound:
        with self.db.reading() as session:
            return _live(session, SurveyRound, round_id, RecordKind.SURVEY_ROUND)

    @writes
    def save_round(self, survey: SurveyRound) -> SurveyRound:
        """Create or update a round (name, fiscal year, dates, status, notes)."""
        survey.name = clean_text(survey.name)
        survey.notes = clean_text(survey.notes, multiline=True)
        errors = Errors()
        check_required(errors, "name", "調査名", survey.name)
        check_length(errors, "name", "調査名", survey.name, 200)
        if not 1989 <= int(survey.fiscal_year or 0) <= 2200:
            errors.add(
                "fiscal_year",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "年度を正しく入力してください(例: 2024)"),
                ),
            )
        check_date_order(errors, "ends_on", survey.starts_on, survey.ends_on, label="終了日")
        errors.raise_if_any()
        with self.db.writing() as session:
            existing = session.get(SurveyRound, survey.id)
            if existing is None:
                survey.created_at = survey.updated_at = now()
                session.add(survey)
                return survey
            if existing.deleted_at is not None:
                raise NotFoundError(RecordKind.SURVEY_ROUND, survey.id)
            for name in ("name", "fiscal_year", "starts_on", "ends_on", "status", "notes"):
                setattr(existing, name, getattr(survey, name))
            existing.updated_at = now()
            session.flush()
            return existing

    @writes
    def delete_round(self, round_id: uuid.UUID) -> SurveyRound:
        """Remove a round (its questions and answers go with it; :meth:`restore_round` undoes)."""
        with self.db.writing() as session:
            survey = _live(session, SurveyRound, round_id, RecordKind.SURVEY_ROUND)
            stamp = now()
            survey.deleted_at = survey.updated_at = stamp
            for model in (SurveyQuestion, SurveyAnswer):
                rows = session.exec(
                    select(model).where(live(model)).where(model.round_id == round_id)
                ).all()
                for row in rows:
                    row.deleted_at = row.updated_at = stamp
            session.flush()
            return survey

    @writes
    def restore_round(self, round_id: uuid.UUID) -> SurveyRound:
        """Bring back a removed round with what was removed with it."""
        with self.db.writing() as session:
            survey = session.get(SurveyRound, round_id)
            if survey is None or survey.deleted_at is None:
                raise NotFoundError(RecordKind.SURVEY_ROUND, round_id)
            stamp = survey.deleted_at
            survey.deleted_at = None
            survey.updated_at = now()
            for model in (SurveyQuestion, SurveyAnswer):
                rows = session.exec(select(model).where(model.round_id == round_id)).all()
                for row in rows:
                    if row.deleted_at == stamp:
                        row.deleted_at = None
            session.flush()
            return survey

    # -- the questionnaire ---------------------------------------------------------------

    @reads
    def questions(self, round_id: uuid.UUID) -> list[SurveyQuestion]:
        """The round's questions in order."""
        with self.db.reading() as session:
            return survey_answers.questions(session, round_id)

    @writes
    def save_question(self, question: SurveyQuestion) -> SurveyQuestion:
        """Add a question at the end, or change one.

        Raises:
            ValidationError: no wording, a choice without two options, a mapping
                that does not fit the kind, the same wording twice, or a change
                of kind for a question that has answers.
        """
        question.prompt = clean_text(question.prompt)
        options = options_from_json(question.options)
        with self.db.writing() as session:
            _live(session, SurveyRound, question.round_id, RecordKind.SURVEY_ROUND)
            existing = session.get(SurveyQuestion, question.id)
            if existing is not None and existing.deleted_at is not None:
                raise NotFoundError(RecordKind.SURVEY_QUESTION, question.id)
            errors = Errors()
            _check_question(session, question, options, errors)
            kind_changed = existing is not None and existing.kind != question.kind
            if kind_changed and _answer_count(session, question_id=question.id):
                assert existing is not None
                errors.add("kind", invalid(KIND_LOCKED, old=kind_label(existing.kind)))
            errors.raise_if_any()
            if existing is None:
                question.position = len(survey_answers.questions(session, question.round_id)) + 1
                question.created_at = question.updated_at = now()
                session.add(question)
                return question
            for name in ("prompt", "kind", "options", "place_field"):
                setattr(existing, name, getattr(question, name))
            existing.updated_at = now()
            session.flush()
            return existing

    @writes
    def move_question(self, question_id: uuid.UUID, offset: int) -> list[SurveyQuestion]:
        """Move a question up (-1) or down (+1); returns the questions in their new order."""
        with self.db.writing() as session:
            question = _live(session, SurveyQuestion, question_id, RecordKind.SURVEY_QUESTION)
            ordered = survey_answers.questions(session, question.round_id)
            index = next(i for i, q in enumerate(ordered) if q.id == question_id)
            target = max(0, min(len(ordered) - 1, index + offset))
            ordered.insert(target, ordered.pop(index))
            _renumber(ordered)
            session.flush()
            return ordered

    @writes
    def remove_question(self, question_id: uuid.UUID) -> int:
        """Remove a question; its answers are kept with their wording. Returns how many."""
        with self.db.writing() as session:
            question = _live(session, SurveyQuestion, question_id, RecordKind.SURVEY_QUESTION)
            question.deleted_at = question.updated_at = now()
            session.flush()
            _renumber(survey_answers.questions(session, question.round_id))
            return _answer_count(session, question_id=question_id)

    # -- answers -------------------------------------------------------------------------

    @reads
    def answers(self, round_id: uuid.UUID, place_id: uuid.UUID) -> dict[uuid.UUID, str]:
        """A place's answers in the round, by question id (removed questions included)."""
        with self.db.reading() as session:
            return {
                a.question_id: a.value for a in survey_answers.answers(session, round_id, place_id)
            }

    @reads
    def answered_places(self, round_id: uuid.UUID) -> set[uuid.UUID]:
        with self.db.reading() as session:
            stmt = select(SurveyAnswer.place_id).where(live(SurveyAnswer))
            return set(session.exec(stmt.where(SurveyAnswer.round_id == round_id)).all())

    @writes
    def save_answers(
        self, round_id: uuid.UUID, place_id: uuid.UUID, values: dict[uuid.UUID, str]
    ) -> dict[uuid.UUID, str]:
        """Store a place's answers as typed (a blank clears one); all checked first.

        Raises:
            ValidationError: per question (key :func:`answer_key`), nothing stored.
        """
        with self.db.writing() as session:
            _live(session, SurveyRound, round_id, RecordKind.SURVEY_ROUND)
            _live(session, GatheringPlace, place_id, RecordKind.GATHERING_PLACE)
            questions = {q.id: q for q in survey_answers.questions(session, round_id)}
            errors = Errors()
            cleaned: dict[uuid.UUID, str] = {}
            for question_id, text in values.items():
                question = questions.get(question_id)
                if question is None:
                    errors.add(
                        answer_key(question_id),
                        invalid(QT_TRANSLATE_NOOP("validation", "この質問は削除されています")),
                    )
                    continue
                value, problem = read_answer(
                    question.kind, options_from_json(question.options), text
                )
                if problem:
                    errors.add(answer_key(question_id), problem)
                cleaned[question_id] = value
            errors.raise_if_any()
            survey_answers.store_answers(session, round_id, place_id, questions, cleaned)
            return {
                a.question_id: a.value for a in survey_answers.answers(session, round_id, place_id)
            }

    # -- import from a spreadsheet -----------------------------------------------------

    @reads
    def import_kind(self, round_id: uuid.UUID) -> ImportKind:
        """The round's questions as import fields (with the place's name, required)."""
        from coordinator_app.services import survey_import

        return survey_import.import_kind(self.questions(round_id))

    @reads
    def preview_import(
        self, round_id: uuid.UUID, table: SourceTable, mapping: Mapping
    ) -> ImportOutcome:
        """Every row of the file with its problems, exactly as :meth:`run_import` treats it."""
        from coordinator_app.services import survey_import

        return survey_import.run(self.db, round_id, table, mapping, commit=False)

    @writes
    def run_import(
        self, round_id: uuid.UUID, table: SourceTable, mapping: Mapping
    ) -> ImportOutcome:
        """Store the answers of every valid row in one transaction; the others are skipped."""
        from coordinator_app.services import survey_import

        return survey_import.run(self.db, round_id, table, mapping, commit=True)

    # -- accepting answers into the place ------------------------------------------------

    @reads
    def acceptance(self, round_id: uuid.UUID, place_id: uuid.UUID) -> list[FieldChange]:
        """What accepting the place's answers would change: field, before, after."""
        with self.db.reading() as session:
            place = _live(session, GatheringPlace, place_id, RecordKind.GATHERING_PLACE)
            return _changes(session, round_id, place)

    @writes
    def accept(self, round_id: uuid.UUID, place_id: uuid.UUID) -> list[FieldChange]:
        """Update the place's mapped fields from its answers, all in one transaction.

        Raises:
            ValidationError: the place refuses a value (its own message); nothing changed.
        """
        with self.db.writing() as session:
            place = _live(session, GatheringPlace, place_id, RecordKind.GATHERING_PLACE)
            changes = _changes(session, round_id, place)
            if not changes:
                return []
            updated = GatheringPlace(**place.model_dump())
            for change in changes:
                _apply(updated, change)
            try:
                self.places._save(session, updated)
            except ValidationError as exc:
                labels = {c.field: c.label for c in changes}
                raise ValidationError(
                    {
                        k: f"{labels.get(k, '')}: {v}" if k in labels else v
                        for k, v in exc.errors.items()
                    }
                ) from exc
            stamp = now()
            for answer in survey_answers.answers(session, round_id, place_id):
                answer.accepted_at = stamp
            session.flush()
            return changes

    # -- results -----------------------------------------------------------------------

    @reads
    def results(self, round_id: uuid.UUID) -> SurveyResults:
        """The round's table (place x question) and its counts per area and kind."""
        with self.db.reading() as session:
            survey = _live(session, SurveyRound, round_id, RecordKind.SURVEY_ROUND)
            return survey_results.build(session, survey)

    @reads
    def export_results(
        self, round_id: uuid.UUID, path: Path, text: survey_results.Text = str
    ) -> WriteReport:
        """Write the results to ``path`` (.xlsx: every table; .csv: the answers); cells as text,
        the app's words in ``text``'s language (the window passes ``message_text``)."""
        return survey_results.export(self.results(round_id), path, text)


def _live(session: Session, model: type[R], record_id: uuid.UUID, kind: RecordKind) -> R:
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(kind, record_id)
    return obj


def _renumber(ordered: list[SurveyQuestion]) -> None:
    for position, question in enumerate(ordered, start=1):
        if question.position != position:
            question.position = position
            question.updated_at = now()


def _answer_count(session: Session, *, question_id: uuid.UUID) -> int:
    stmt = select(func.count()).select_from(SurveyAnswer).where(live(SurveyAnswer))
    return int(session.exec(stmt.where(SurveyAnswer.question_id == question_id)).one())


def _check_question(
    session: Session, question: SurveyQuestion, options: list[str], errors: Errors
) -> None:
    check_required(errors, "prompt", "質問", question.prompt)
    check_length(errors, "prompt", "質問", question.prompt, 300)
    if question.kind == QuestionKind.CHOICE and len(options) < 2:
        errors.add(
            "options",
            Message(
                "validation",
                QT_TRANSLATE_NOOP("validation", "選択式の質問には選択肢を2つ以上入力してください"),
            ),
        )
    if question.kind != QuestionKind.CHOICE and options:
        question.options = ""
    if question.place_field:
        target = PLACE_FIELDS.get(question.place_field)
        if target is None:
            errors.add(
                "place_field",
                Message(
                    "validation", QT_TRANSLATE_NOOP("validation", "反映先の項目が分かりません")
                ),
            )
        elif question.kind not in target.kinds:
            errors.add("place_field", wrong_kind(target))
        elif question.place_field == "status" and not set(options) <= set(STATUS_OPTIONS):
            errors.add("options", status_options_needed())
    for other in survey_answers.questions(session, question.round_id):
        if other.id == question.id:
            continue
        if other.prompt == question.prompt:
            errors.add(
                "prompt",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "同じ質問「{prompt}」がすでにあります"),
                    prompt=question.prompt,
                ),
            )
        if question.place_field and other.place_field == question.place_field:
            label = PLACE_FIELDS[question.place_field].label
            errors.add(
                "place_field",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "「{label}」にはすでに問{n}が反映されます"),
                    label=field(label),
                    n=other.position,
                ),
            )


def _changes(session: Session, round_id: uuid.UUID, place: GatheringPlace) -> list[FieldChange]:
    answers = {a.question_id: a.value for a in survey_answers.answers(session, round_id, place.id)}
    changes = []
    for question in survey_answers.questions(session, round_id):
        value = answers.get(question.id, "")
        if not question.place_field or not value:
            continue
        target = PLACE_FIELDS[question.place_field]
        before = _place_text(place, target.key)
        if value != before:
            changes.append(FieldChange(target.key, target.label, before, value))
    return changes


def _apply(place: GatheringPlace, change: FieldChange) -> None:
    if change.field in ("usual_attendance", "capacity"):
        setattr(place, change.field, int(change.after))
    elif change.field == "status":
        status = status_of_answer(change.after)
        if status is None:
            raise ValidationError({"status": unknown_status(change.after)})
        place.status = status
    else:
        setattr(place, change.field, change.after)
