"""Choose several records: a search box over a list of check boxes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from coordinator_app.ui.common.option_sources import Option, OptionSource, StaticOptions
from coordinator_app.ui.common.picker_base import (
    SEARCH_DELAY_MS,
    SEARCH_LIMIT,
    as_source,
    more_hint,
)
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.labels import names_text

SUMMARY_NAMES = 5
"""A check list's summary names this many of the checked records."""
_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""A check list item's value as text (Qt compares Python objects by identity)."""


def _missing() -> str:
    return QCoreApplication.translate("RecordCombo", "(見つかりません)")


def _key(value: object) -> str:
    return f"{type(value).__name__}:{value}"


class CheckList(QWidget):
    """Choose several records: a search box over a list of check boxes.

    The list shows at most :data:`SEARCH_LIMIT` matches of the search box in
    the source's own order (areas stay in their hierarchy), checked ones
    checked where they stand; checked records the search does not show
    follow under a 「選択中」 heading while the search box is empty, and the
    summary names them. Nothing is ever moved above the matches, so the first
    row is always the first match, and a tick changes only by a click on that
    very item (the item carries its value; rows are never counted).

    Signals:
        changed(): the user checked or unchecked an item.

    Attributes:
        more: the last search found more than :data:`SEARCH_LIMIT` matches.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, source: OptionSource | None = None):
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(
            QCoreApplication.translate("CheckList", "名前・ふりがなで絞り込み")
        )
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(120)
        self.summary = plain(QLabel(self))
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self._source: OptionSource = source if source is not None else StaticOptions(())
        self._checked: dict[object, Option] = {}
        self._matches: list[Option] = []
        self._shown: list[Option] = []
        self._by_key: dict[str, Option] = {}
        self.more = False
        self._searched = True
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.filter.textChanged.connect(self._timer.start)
        self.filter.returnPressed.connect(self.run_search)
        self.list.itemChanged.connect(self._item_changed)
        self._update_summary()

    @property
    def source(self) -> OptionSource:
        return self._source

    def set_options(self, options: OptionSource | Iterable[Option], *, lazy: bool = False) -> None:
        """Use ``options`` (a source, or a short fixed list), keeping the checked ones
        that still exist.

        ``lazy``: search when the list is first shown (or an item is asked for), not now.
        """
        self._source = as_source(options)
        self.refresh(lazy=lazy)

    def refresh(self, *, lazy: bool = False) -> None:
        """Search again (records may have changed). A checked record that no longer
        exists stays checked as 「(見つかりません)」, so that saving reports it instead
        of silently dropping it; only the user's click unticks it."""
        if self._checked:
            still = {o.value: o for o in self._source.lookup(list(self._checked))}
            self._checked = {v: still.get(v, Option(v, _missing())) for v in self._checked}
        if lazy and not self.isVisible():
            self._searched = False
            self._matches, self.more = [], False
            self._show()
        else:
            self.run_search()

    def ensure_searched(self) -> None:
        """The matches of a lazy :meth:`set_options`, searched now if not yet."""
        if not self._searched:
            self.run_search()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_searched()  # before the first paint: the user never sees it unsearched
        super().showEvent(event)

    def search(self, text: str) -> None:
        """Show the matches of ``text`` (what the search box does after a pause)."""
        self.filter.blockSignals(True)
        self.filter.setText(text)
        self.filter.blockSignals(False)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        self._searched = True
        found = self._source.search(self.filter.text(), limit=SEARCH_LIMIT + 1)
        self.more = len(found) > SEARCH_LIMIT
        self._matches = found[:SEARCH_LIMIT]
        self._show()

    def checked_values(self) -> list[object]:
        """The checked values (those loaded first, in display order, then newly checked)."""
        return list(self._checked)

    def set_checked_values(self, values: Iterable[object]) -> None:
        wanted = list(dict.fromkeys(values))
        found = {o.value: o for o in self._source.lookup(wanted)} if wanted else {}
        self._checked = {v: found[v] for v in wanted if v in found}
        self._show()

    def item_for(self, value: object) -> QListWidgetItem | None:
        self.ensure_searched()
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == value:
                return self.list.item(i)
        return None

    def _show(self) -> None:
        shown_values = {o.value for o in self._matches}
        rest = (
            []
            if self.filter.text().strip()
            else [o for v, o in self._checked.items() if v not in shown_values]
        )
        self._shown = self._matches + rest
        self._by_key = {_key(o.value): o for o in self._shown}
        self._loading = True
        try:
            self.list.clear()
            for option in self._matches:
                self._add_item(option)
            if rest:
                heading = QListWidgetItem(
                    QCoreApplication.translate("CheckList", "選択中(ほかの候補)"), self.list
                )
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                for option in rest:
                    self._add_item(option)
        finally:
            self._loading = False
        self._update_summary()

    def _add_item(self, option: Option) -> None:
        item = QListWidgetItem(option.text, self.list)
        item.setData(Qt.ItemDataRole.UserRole, option.value)
        item.setData(_KEY_ROLE, _key(option.value))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(
            Qt.CheckState.Checked if option.value in self._checked else Qt.CheckState.Unchecked
        )

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        option = self._by_key.get(item.data(_KEY_ROLE))
        if option is None:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._checked[option.value] = option
        else:
            self._checked.pop(option.value, None)
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        text = QCoreApplication.translate("CheckList", "{count}件を選択").format(
            count=len(self._checked)
        )
        names = [o.text.strip() for o in self._checked.values()]
        if names:
            text += ": " + names_text(names[:SUMMARY_NAMES])
            if len(names) > SUMMARY_NAMES:
                text += "…"
        if self.more:
            text += "  " + more_hint()
        self.summary.setText(text)
