"""The tables of 似ている記録の確認: the groups, and the records of one group."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from coordinator_app.services.look_alikes import Creator, LookAlike, LookAlikeGroup
from coordinator_app.ui.common.table_model import ChildTableModel, Column, ColumnKind
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import kind_label

T = TypeVar("T")


def local_time(moment: datetime | str) -> str:
    """A stored or server time as 2026-05-01 14:03 in local time."""
    if isinstance(moment, str):
        if not moment:
            return ""
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return str(moment)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class _GivenRows(ChildTableModel[T]):
    """Rows handed over whole by the dialog (no owner record to load them by)."""

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        """The rows come from :meth:`set_rows`; nothing to reload here."""


class LookAlikeGroupModel(_GivenRows[LookAlikeGroup]):
    """One row per group: kind, name, reading, how many records."""

    KIND, NAME, KANA, COUNT = range(4)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("種類"), kind=ColumnKind.SHORT),
            Column(self.tr("名称"), kind=ColumnKind.NAME),
            Column(self.tr("ふりがな"), kind=ColumnKind.NAME),
            Column(self.tr("件数"), numeric=True),
        ]

    def record_id(self, row: LookAlikeGroup) -> uuid.UUID:
        return row.records[0].id

    def display(self, row: LookAlikeGroup, column: int) -> object:
        first = row.records[0]
        if column == self.KIND:
            return kind_label(row.kind)
        if column == self.NAME:
            return first.name
        if column == self.KANA:
            return next((r.kana for r in row.records if r.kana), "")
        return len(row.records)


class LookAlikeRecordModel(_GivenRows[LookAlike]):
    """The records of one group, oldest first, with where each came from.

    ``creators`` (who first sent a record, from the server's history) arrives
    later from the sync thread; ``asking`` says it is on its way.
    """

    NAME, KANA, DETAIL, CREATED, ORIGIN = range(5)

    def __init__(self, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.creators: dict[uuid.UUID, Creator] = {}
        self.asking = False

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("名称"), kind=ColumnKind.NAME),
            Column(self.tr("ふりがな"), kind=ColumnKind.NAME),
            Column(self.tr("所属・所在など"), kind=ColumnKind.NAME),
            Column(self.tr("作成日時"), kind=ColumnKind.DATETIME),
            Column(self.tr("登録元"), kind=ColumnKind.NAME),
        ]

    def record_id(self, row: LookAlike) -> uuid.UUID:
        return row.id

    def display(self, row: LookAlike, column: int) -> object:
        if column == self.NAME:
            return row.name
        if column == self.KANA:
            return row.kana
        if column == self.DETAIL:
            return row.detail
        if column == self.CREATED:
            return local_time(row.created_at)
        return self.origin(row)

    def origin(self, row: LookAlike) -> str:
        """Which desk the record came from, as far as this desk knows."""
        if row.unsent:
            return self.tr("この端末(未送信)")
        creator = self.creators.get(row.id)
        if creator is not None:
            when = local_time(creator.at)
            if creator.this_desk:
                return self.tr("この端末({user}、{when}に送信)").format(
                    user=creator.user, when=when
                )
            return self.tr("ほかの端末({user}、{when}に送信)").format(user=creator.user, when=when)
        return self.tr("確認中…") if self.asking else "—"
