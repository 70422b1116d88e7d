"""Reading and writing a survey's questions and a place's answers (shared by
:mod:`.surveys` and :mod:`.survey_import`; callers own the session)."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import SurveyAnswer, SurveyQuestion
from coordinator_app.services.base import live, now


def questions(session: Session, round_id: uuid.UUID) -> list[SurveyQuestion]:
    stmt = select(SurveyQuestion).where(live(SurveyQuestion))
    stmt = stmt.where(SurveyQuestion.round_id == round_id)
    return list(
        session.exec(stmt.order_by(col(SurveyQuestion.position), col(SurveyQuestion.created_at)))
    )


def answers(session: Session, round_id: uuid.UUID, place_id: uuid.UUID) -> list[SurveyAnswer]:
    stmt = select(SurveyAnswer).where(live(SurveyAnswer)).where(SurveyAnswer.round_id == round_id)
    return list(session.exec(stmt.where(SurveyAnswer.place_id == place_id)).all())


def store_answers(
    session: Session,
    round_id: uuid.UUID,
    place_id: uuid.UUID,
    questions: dict[uuid.UUID, SurveyQuestion],
    values: dict[uuid.UUID, str],
) -> None:
    """Write checked answers of one place (a blank removes the answer)."""
    # Every answer of the place, removed ones too: an answer keeps the id derived
    # from (round, place, question) for good, so the same answer typed on two
    # desks is one row, and a blank that is filled again revives its row.
    stmt = select(SurveyAnswer).where(SurveyAnswer.round_id == round_id)
    existing = {
        a.question_id: a for a in session.exec(stmt.where(SurveyAnswer.place_id == place_id))
    }
    stamp = now()
    for question_id, value in values.items():
        answer = existing.get(question_id)
        if not value:
            if answer is not None and answer.deleted_at is None:
                answer.deleted_at = answer.updated_at = stamp
            continue
        prompt = questions[question_id].prompt
        if answer is None:
            ends = {"round_id": round_id, "place_id": place_id, "question_id": question_id}
            answer = SurveyAnswer(
                id=link_id("survey_answer", ends),
                round_id=round_id,
                place_id=place_id,
                question_id=question_id,
            )
            answer.created_at = stamp
            session.add(answer)
        elif answer.deleted_at is not None:
            answer.deleted_at = None
        elif answer.value == value and answer.question_text == prompt:
            continue
        answer.value, answer.question_text = value, prompt
        answer.updated_at, answer.accepted_at = stamp, None
    session.flush()
