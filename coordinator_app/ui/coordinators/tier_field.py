"""The 層 field shared by coordinators' posts and councils: national tiers and
the municipality's local tiers in one list, and a button to edit that list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from coordinator_app.domain.enums import Tier
from coordinator_app.domain.tiers import NATIONAL_TIERS, LocalTier, national_label
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_label, message_text


def _key(tier: int, label: str) -> str:
    return f"{tier}|{label}"


class TierField(QWidget):
    """第1層 / 第2層 / 第3層, then each local tier named with the tier it counts as.

    Signals:
        changed(): the user chose another tier.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, load: bool = True) -> None:
        """``load=False``: the owner fills the list (:meth:`reload`) before it is shown."""
        super().__init__(parent)
        self.ctx = ctx
        self.combo = QComboBox(self)
        self.combo.setObjectName("tier_combo")
        self.edit_button = QPushButton(self.tr("呼び名…"), self)
        self.edit_button.setToolTip(
            self.tr("0層・1.5層など、この自治体の層の呼び名と集計先を設定します")
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.edit_button)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.edit_button.clicked.connect(self.edit_local_tiers)
        if load:
            self.reload()

    def reload(self) -> None:
        """Re-read the municipality's list, keeping the current choice."""
        self._fill(self.ctx.services.tiers.local_tiers(), self.value())

    def _fill(self, local_tiers: list[LocalTier], keep: tuple[int, str] | None) -> None:
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for tier in NATIONAL_TIERS:
                self.combo.addItem(enum_label(Tier(tier)), _key(tier, ""))
            for local in local_tiers:
                text = self.tr("{label}({tier}として集計)").format(
                    label=local.label, tier=enum_label(Tier(local.counts_as))
                )
                self.combo.addItem(text, _key(local.counts_as, local.label))
            if keep is not None:
                self._select(*keep)
            else:
                self.combo.setCurrentIndex(-1)
        finally:
            self.combo.blockSignals(False)

    def set_value(self, tier: int | None, label: str = "") -> None:
        """Show (tier, label); a pair not on the list (old data) is shown as it is."""
        self.combo.blockSignals(True)
        try:
            if tier is None:
                self.combo.setCurrentIndex(-1)
            else:
                self._select(tier, label)
        finally:
            self.combo.blockSignals(False)

    def _select(self, tier: int, label: str) -> None:
        index = self.combo.findData(_key(tier, label))
        if index < 0:
            shown = label or message_text(national_label(tier))
            self.combo.addItem(
                self.tr("{label}(一覧にない呼び名)").format(label=shown), _key(tier, label)
            )
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def value(self) -> tuple[int, str] | None:
        """(national tier, local label or "") or None when nothing is chosen."""
        data = self.combo.currentData()
        if not isinstance(data, str):
            return None
        tier, _, label = data.partition("|")
        return int(tier), label

    def edit_local_tiers(self) -> None:
        from coordinator_app.ui.coordinators.local_tier_dialog import LocalTierDialog

        dialog = LocalTierDialog(self.ctx, parent=self.window())
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
