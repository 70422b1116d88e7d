"""The kinds of record: the one list every layer names them by.

A kind's value is what the event hub, the search index and the sync log
store; its label is the Japanese name the window shows (translated through
``ui/labels.py``). Searchable kinds carry their search-index number: it is
part of every index row id (see :mod:`coordinator_app.storage.search_index`),
so it never changes and a new kind takes the next free number.
"""

from __future__ import annotations

from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads this file) and returns it unchanged.

    The domain imports no Qt; the UI translates the label at display time with
    ``QCoreApplication.translate("RecordKind", kind.label)``.
    """
    return text


class RecordKind(StrEnum):
    """A kind of record, its label, and how the search index treats it.

    Attributes:
        label: the Japanese name (会議, 進捗, …).
        search_number: the kind's number in the search index (None: not searchable).
        dated: whether the kind's search rows carry a date (a fiscal-year
            filter keeps dated kinds only).
        table: the database table holding the records of this kind.
    """

    label: str
    search_number: int | None
    dated: bool
    table: str

    def __new__(
        cls,
        value: str,
        label: str,
        search_number: int | None = None,
        dated: bool = False,
        table: str | None = None,
    ) -> RecordKind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.search_number = search_number
        member.dated = dated
        member.table = table or value
        return member

    AREA = ("area", QT_TRANSLATE_NOOP("RecordKind", "地域"), 9)
    ORGANISATION = ("organisation", QT_TRANSLATE_NOOP("RecordKind", "関係機関"), 6)
    CONTACT = ("contact", QT_TRANSLATE_NOOP("RecordKind", "担当者"), 7)
    COORDINATOR = ("coordinator", QT_TRANSLATE_NOOP("RecordKind", "コーディネーター"), 8)
    ASSIGNMENT = ("assignment", QT_TRANSLATE_NOOP("RecordKind", "担当"))
    COUNCIL = ("council", QT_TRANSLATE_NOOP("RecordKind", "協議体"), 5, True)
    COUNCIL_MEMBERSHIP = ("council_membership", QT_TRANSLATE_NOOP("RecordKind", "協議体の委員"))
    MEETING = ("meeting", QT_TRANSLATE_NOOP("RecordKind", "会議"), 1, True)
    MEETING_SERIES = ("meeting_series", QT_TRANSLATE_NOOP("RecordKind", "連続開催"))
    ACTION_ITEM = ("action_item", QT_TRANSLATE_NOOP("RecordKind", "対応事項"), 3, True)
    PROJECT = ("project", QT_TRANSLATE_NOOP("RecordKind", "プロジェクト"), 4, True)
    PROGRESS_ENTRY = ("progress_entry", QT_TRANSLATE_NOOP("RecordKind", "進捗"), 2, True)
    GATHERING_PLACE = ("gathering_place", QT_TRANSLATE_NOOP("RecordKind", "通いの場"), 10)
    ATTACHMENT = ("attachment", QT_TRANSLATE_NOOP("RecordKind", "添付ファイル"))
    REVIEW = ("review", QT_TRANSLATE_NOOP("RecordKind", "確認"))
    PROFILE = ("profile", QT_TRANSLATE_NOOP("RecordKind", "利用者"), None, False, "user_profile")

    @classmethod
    def searchable(cls) -> tuple[RecordKind, ...]:
        """The kinds in the search index, in index order (the order results are grouped in)."""
        kinds = [k for k in cls if k.search_number is not None]
        return tuple(sorted(kinds, key=lambda k: k.search_number or 0))

    @classmethod
    def of_table(cls, table: str) -> RecordKind | None:
        """The kind stored in ``table`` (None: the table holds no kind of record)."""
        return _BY_TABLE.get(table)


_BY_TABLE = {kind.table: kind for kind in RecordKind}
