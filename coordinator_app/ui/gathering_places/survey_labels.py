"""Survey labels in the UI language: statuses, question kinds, place fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.surveys import QuestionKind, SurveyStatus


def survey_status_labels() -> dict[SurveyStatus, str]:
    return {
        SurveyStatus.PLANNING: QCoreApplication.translate("Surveys", "準備中"),
        SurveyStatus.OPEN: QCoreApplication.translate("Surveys", "実施中"),
        SurveyStatus.CLOSED: QCoreApplication.translate("Surveys", "終了"),
    }


def question_kind_labels() -> dict[QuestionKind, str]:
    return {
        QuestionKind.NUMBER: QCoreApplication.translate("Surveys", "数値"),
        QuestionKind.CHOICE: QCoreApplication.translate("Surveys", "選択"),
        QuestionKind.TEXT: QCoreApplication.translate("Surveys", "記述"),
    }


def place_field_labels() -> dict[str, str]:
    """The place fields a question can update (keys of ``domain.surveys.PLACE_FIELDS``)."""
    return {
        "usual_attendance": QCoreApplication.translate("Surveys", "参加者数(ふだん)"),
        "capacity": QCoreApplication.translate("Surveys", "定員"),
        "fee": QCoreApplication.translate("Surveys", "参加費"),
        "schedule_text": QCoreApplication.translate("Surveys", "日時"),
        "meeting_place": QCoreApplication.translate("Surveys", "会場"),
        "eligibility": QCoreApplication.translate("Surveys", "対象"),
        "status": QCoreApplication.translate("Surveys", "状況"),
    }
