"""The kinds of record: the one list every layer names them by.

A kind's value is what the event hub, the search index and the sync log
store; its label is the Japanese name the window shows (translated through
``ui/labels.py``). Searchable kinds carry their search-index number: it is
part of every index row id (see :mod:`coordinator_app.storage.search_index`),
so it never changes and a new kind takes the next free number.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads this file) and returns it unchanged.

    The domain imports no Qt; the UI translates the label at display time with
    ``QCoreApplication.translate("RecordKind", kind.label)``.
    """
    return text


class RecordKind(StrEnum):
    """A kind of record; its label and how the search index treats it are in :data:`_TRAITS`."""

    AREA = "area"
    ORGANISATION = "organisation"
    CONTACT = "contact"
    COORDINATOR = "coordinator"
    ASSIGNMENT = "assignment"
    COUNCIL = "council"
    COUNCIL_MEMBERSHIP = "council_membership"
    MEETING = "meeting"
    MEETING_SERIES = "meeting_series"
    ACTION_ITEM = "action_item"
    PROJECT = "project"
    PROGRESS_ENTRY = "progress_entry"
    GATHERING_PLACE = "gathering_place"
    ATTACHMENT = "attachment"
    REVIEW = "review"
    PROFILE = "profile"
    SURVEY_ROUND = "survey_round"
    SURVEY_QUESTION = "survey_question"
    SURVEY_ANSWER = "survey_answer"

    @property
    def label(self) -> str:
        """The Japanese name (会議, 進捗, …); the UI shows it through ``ui.labels.kind_label``."""
        return _TRAITS[self].label

    @property
    def search_number(self) -> int | None:
        """The kind's number in the search index (None: not searchable)."""
        return _TRAITS[self].search_number

    @property
    def dated(self) -> bool:
        """Whether the kind's search rows carry a date (a fiscal-year filter keeps these)."""
        return _TRAITS[self].dated

    @property
    def table(self) -> str:
        """The database table holding the records of this kind."""
        return _TRAITS[self].table or self.value

    @classmethod
    def searchable(cls) -> tuple[RecordKind, ...]:
        """The kinds in the search index, in index order (the order results are grouped in)."""
        return tuple(
            sorted((k for k in cls if k.search_number), key=lambda k: k.search_number or 0)
        )

    @classmethod
    def of_table(cls, table: str) -> RecordKind | None:
        """The kind stored in ``table`` (None: the table holds no kind of record)."""
        return _BY_TABLE.get(table)


@dataclass(frozen=True)
class _Traits:
    label: str
    search_number: int | None = None
    dated: bool = False
    table: str | None = None
    """When the table is not named like the kind."""


_TRAITS: dict[RecordKind, _Traits] = {
    RecordKind.AREA: _Traits(QT_TRANSLATE_NOOP("RecordKind", "地域"), 9),
    RecordKind.ORGANISATION: _Traits(QT_TRANSLATE_NOOP("RecordKind", "関係機関"), 6),
    RecordKind.CONTACT: _Traits(QT_TRANSLATE_NOOP("RecordKind", "担当者"), 7),
    RecordKind.COORDINATOR: _Traits(QT_TRANSLATE_NOOP("RecordKind", "コーディネーター"), 8),
    RecordKind.ASSIGNMENT: _Traits(QT_TRANSLATE_NOOP("RecordKind", "担当")),
    RecordKind.COUNCIL: _Traits(QT_TRANSLATE_NOOP("RecordKind", "協議体"), 5, dated=True),
    RecordKind.COUNCIL_MEMBERSHIP: _Traits(QT_TRANSLATE_NOOP("RecordKind", "協議体の委員")),
    RecordKind.MEETING: _Traits(QT_TRANSLATE_NOOP("RecordKind", "会議"), 1, dated=True),
    RecordKind.MEETING_SERIES: _Traits(QT_TRANSLATE_NOOP("RecordKind", "連続開催")),
    RecordKind.ACTION_ITEM: _Traits(QT_TRANSLATE_NOOP("RecordKind", "対応事項"), 3, dated=True),
    RecordKind.PROJECT: _Traits(QT_TRANSLATE_NOOP("RecordKind", "プロジェクト"), 4, dated=True),
    RecordKind.PROGRESS_ENTRY: _Traits(QT_TRANSLATE_NOOP("RecordKind", "進捗"), 2, dated=True),
    RecordKind.GATHERING_PLACE: _Traits(QT_TRANSLATE_NOOP("RecordKind", "通いの場"), 10),
    RecordKind.ATTACHMENT: _Traits(QT_TRANSLATE_NOOP("RecordKind", "添付ファイル")),
    RecordKind.REVIEW: _Traits(QT_TRANSLATE_NOOP("RecordKind", "確認")),
    RecordKind.PROFILE: _Traits(QT_TRANSLATE_NOOP("RecordKind", "利用者"), table="user_profile"),
    RecordKind.SURVEY_ROUND: _Traits(QT_TRANSLATE_NOOP("RecordKind", "通いの場調査")),
    RecordKind.SURVEY_QUESTION: _Traits(QT_TRANSLATE_NOOP("RecordKind", "調査の質問")),
    RecordKind.SURVEY_ANSWER: _Traits(QT_TRANSLATE_NOOP("RecordKind", "調査の回答")),
}
"""Per kind: its label, search-index number (fixed forever: part of every index
row id; a new searchable kind takes the next free number) and table."""

_BY_TABLE = {kind.table: kind for kind in RecordKind}
