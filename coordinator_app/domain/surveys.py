"""通いの場調査: a survey round's questions and how an answer's text is read.

A round (令和6年度 通いの場調査) has a questionnaire the municipality edits:
ordered questions of three kinds (number, choice, text). A question may be
mapped to a field of the place (usual attendance, fee, schedule, status …):
accepting a place's answers then updates that field. Answers are kept as
text with the question's wording at the time, so a questionnaire changed
after answers exist keeps the old answers readable.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from coordinator_app.domain.gathering_places import STATUS_LABELS, GatheringPlaceStatus
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, invalid, joined

MAX_ANSWER_CHARS = 2000
MAX_NUMBER = 1_000_000


class SurveyStatus(StrEnum):
    PLANNING = "planning"
    OPEN = "open"
    CLOSED = "closed"


SURVEY_STATUS_LABELS = {
    SurveyStatus.PLANNING: "準備中",
    SurveyStatus.OPEN: "実施中",
    SurveyStatus.CLOSED: "終了",
}


class QuestionKind(StrEnum):
    NUMBER = "number"
    CHOICE = "choice"
    TEXT = "text"


QUESTION_KIND_LABELS = {
    QuestionKind.NUMBER: "数値",
    QuestionKind.CHOICE: "選択",
    QuestionKind.TEXT: "記述",
}


@dataclass(frozen=True)
class PlaceField:
    """A field of the place an answer can update."""

    key: str
    label: str
    kinds: tuple[QuestionKind, ...]


PLACE_FIELDS: dict[str, PlaceField] = {
    f.key: f
    for f in (
        PlaceField("usual_attendance", "参加者数(ふだん)", (QuestionKind.NUMBER,)),
        PlaceField("capacity", "定員", (QuestionKind.NUMBER,)),
        PlaceField("fee", "参加費", (QuestionKind.TEXT, QuestionKind.CHOICE)),
        PlaceField("schedule_text", "日時", (QuestionKind.TEXT,)),
        PlaceField("meeting_place", "会場", (QuestionKind.TEXT, QuestionKind.CHOICE)),
        PlaceField("eligibility", "対象", (QuestionKind.TEXT, QuestionKind.CHOICE)),
        PlaceField("status", "状況", (QuestionKind.CHOICE,)),
    )
}
"""Place fields a question may be mapped to, and the question kinds that fit each."""

STATUS_OPTIONS = tuple(STATUS_LABELS.values())
"""The options a question mapped to the status must offer (活動中, 休止中, 終了)."""


def options_to_json(options: list[str]) -> str:
    return json.dumps(options, ensure_ascii=False) if options else ""


def options_from_json(text: str) -> list[str]:
    if not text:
        return []
    return [str(o) for o in json.loads(text)]


def split_options(text: str) -> list[str]:
    """Choices typed one per line (or separated by 、): trimmed, blanks and repeats dropped."""
    seen: list[str] = []
    for line in text.replace("、", "\n").splitlines():
        option = line.strip()
        if option and option not in seen:
            seen.append(option)
    return seen


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def read_answer(kind: QuestionKind, options: list[str], text: str) -> tuple[str, str]:
    """An answer as typed -> (the text stored, a Japanese problem or "").

    A number may be typed in full width or with 人/名/, (１２人 -> 12); a choice
    must be one of the options (width and spaces do not matter); "" is no answer.
    """
    value = text.strip()
    if not value:
        return "", ""
    if len(value) > MAX_ANSWER_CHARS:
        return value, Message(
            "survey",
            QT_TRANSLATE_NOOP("survey", "回答は{n}文字以内にしてください"),
            n=MAX_ANSWER_CHARS,
        )
    if kind == QuestionKind.NUMBER:
        folded = unicodedata.normalize("NFKC", value).replace(",", "").strip()
        for suffix in ("人", "名", "か所", "回", "円"):
            folded = folded.removesuffix(suffix).strip()
        if not folded.isdigit():
            return value, Message(
                "survey",
                QT_TRANSLATE_NOOP(
                    "survey", "「{value}」は数ではありません(0以上の整数で入力してください)"
                ),
                value=value,
            )
        number = int(folded)
        if number > MAX_NUMBER:
            return value, Message(
                "survey", QT_TRANSLATE_NOOP("survey", "「{value}」は大きすぎます"), value=value
            )
        return str(number), ""
    if kind == QuestionKind.CHOICE:
        for option in options:
            if _fold(option) == _fold(value):
                return option, ""
        return value, Message(
            "survey",
            QT_TRANSLATE_NOOP("survey", "「{value}」は選択肢にありません(選択肢: {options})"),
            value=value,
            options="、".join(options),
        )
    return value, ""


def status_of_answer(text: str) -> GatheringPlaceStatus | None:
    for status, label in STATUS_LABELS.items():
        if _fold(label) == _fold(text):
            return status
    return None


def kind_label(kind: QuestionKind) -> Message:
    """数値, 選択 or 記述 as a message value (its English is in the ``Surveys`` context)."""
    return Message("Surveys", QUESTION_KIND_LABELS[kind])


def wrong_kind(target: PlaceField) -> Message:
    """「定員」に反映する質問は数値式にしてください (the kinds that fit ``target``)."""
    kinds = joined([kind_label(k) for k in target.kinds], "・")
    return invalid(
        QT_TRANSLATE_NOOP("validation", "「{field}」に反映する質問は{kinds}式にしてください"),
        field=Message("Surveys", target.label),
        kinds=kinds,
    )


def status_options_needed() -> Message:
    """The options a question mapped to the status must offer, as a message."""
    return invalid(
        QT_TRANSLATE_NOOP("validation", "状況に反映する質問の選択肢は{options}にしてください"),
        options=joined([Message("GatheringPlaces", o) for o in STATUS_OPTIONS], "・"),
    )


def unknown_status(value: str) -> Message:
    return invalid(QT_TRANSLATE_NOOP("validation", "状況「{value}」が分かりません"), value=value)
