"""The tables of the gathering places (通いの場) and their surveys (通いの場調査).

Kept beside ``models.py`` (which lists them in ``ALL_TABLES``) so that neither
module grows past the size the project allows.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field

from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.record import Record
from coordinator_app.domain.surveys import QuestionKind, SurveyStatus
from coordinator_app.domain.types import UTCDateTime, enum_column


class GatheringPlace(Record, table=True):
    """通いの場: a サロン, 体操教室, 認知症カフェ … residents can go to.

    ``kind`` is one of the municipality's list (``gathering_places.kinds``
    setting, defaults in ``domain/gathering_places.py``). The schedule is kept
    three ways: as typed (``schedule_text``), as rules (``schedule_rules``,
    JSON) and as a readable label; ``weekday_mask`` lets the list filter by
    weekday. Text the parser could not read stays in the label word for word.
    """

    __tablename__ = "gathering_place"

    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    kind: str = Field(default="", max_length=50, index=True)
    area_id: uuid.UUID | None = Field(default=None, foreign_key="area.id", index=True)
    address: str = Field(default="", max_length=300)
    meeting_place: str = Field(default="", max_length=300, description="会場: 公民館, 集会所 …")
    schedule_text: str = Field(default="", max_length=500)
    schedule_rules: str = Field(default="")
    schedule_label: str = Field(default="", max_length=500)
    weekday_mask: int = Field(default=0)
    fee: str = Field(default="", max_length=100, description="参加費: 100円, 無料 …")
    capacity: int | None = None
    usual_attendance: int | None = None
    eligibility: str = Field(default="", max_length=300, description="対象: どなたでも …")
    barrier_free: bool = Field(default=False)
    transport: bool = Field(default=False, description="送迎あり")
    organisation_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisation.id", index=True
    )
    contact_name: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=40)
    contact_printable: bool = Field(default=False, description="連絡先を冊子に載せてよい")
    website: str = Field(default="", max_length=500)
    photo: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary, nullable=True))
    status: GatheringPlaceStatus = Field(
        default=GatheringPlaceStatus.ACTIVE,
        sa_column=enum_column(GatheringPlaceStatus, index=True),
    )
    started_on: date | None = None
    status_since: date | None = Field(default=None, description="休止・終了した日")
    notes: str = Field(default="")


class SurveyRound(Record, table=True):
    """通いの場調査: one survey round (令和6年度 通いの場調査) of the gathering places."""

    __tablename__ = "survey_round"

    name: str = Field(max_length=200)
    fiscal_year: int = Field(index=True)
    starts_on: date | None = None
    ends_on: date | None = None
    status: SurveyStatus = Field(default=SurveyStatus.PLANNING, sa_column=enum_column(SurveyStatus))
    notes: str = Field(default="")


class SurveyQuestion(Record, table=True):
    """One question of a round's questionnaire, in ``position`` order.

    ``options`` holds a choice question's options (JSON list); ``place_field``
    names the place field an accepted answer updates ("" = none).
    """

    __tablename__ = "survey_question"

    round_id: uuid.UUID = Field(foreign_key="survey_round.id", index=True)
    position: int = Field(default=0)
    prompt: str = Field(max_length=300)
    kind: QuestionKind = Field(default=QuestionKind.TEXT, sa_column=enum_column(QuestionKind))
    options: str = Field(default="")
    place_field: str = Field(default="", max_length=40)


class SurveyAnswer(Record, table=True):
    """A place's answer to one question, with the question's wording when answered."""

    __tablename__ = "survey_answer"

    round_id: uuid.UUID = Field(foreign_key="survey_round.id", index=True)
    place_id: uuid.UUID = Field(foreign_key="gathering_place.id", index=True)
    question_id: uuid.UUID = Field(foreign_key="survey_question.id", index=True)
    question_text: str = Field(default="", max_length=300)
    value: str = Field(default="")
    accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the value was accepted into the place (None: not yet, or changed since)."""
