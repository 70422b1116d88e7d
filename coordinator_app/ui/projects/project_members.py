"""メンバー: a project's team (coordinators and contact people) with roles.

The team is part of the project form: it is saved with 保存 together with
the partner organisations, in the same transaction.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.projects import (
    CONTACT_MEMBER,
    COORDINATOR_MEMBER,
    MEMBER_ROLES,
    ProjectMember,
)
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.option_sources import ContactOptions, TaggedOptions, options_of
from coordinator_app.ui.common.pickers import RecordCombo
from coordinator_app.ui.context import UiContext

_TAGS = {COORDINATOR_MEMBER: "coordinator:", CONTACT_MEMBER: "contact:"}
NAME, AFFILIATION, ROLE = range(3)
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class ProjectMemberPanel(QWidget):
    """A person picker with 追加, the team table (役割 editable) and 外す.

    Signals:
        changed(): the team or a role changed.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_combo = RecordCombo(self, none_text=self.tr("(メンバーを選ぶ)"))
        self.person_combo.setObjectName("member_person")
        coordinator_label = self.tr("コーディネーター")
        self.person_combo.set_options(
            TaggedOptions(
                [
                    (
                        _TAGS[COORDINATOR_MEMBER],
                        options_of(ctx.services.coordinators),
                        f"({coordinator_label})",
                    ),
                    (_TAGS[CONTACT_MEMBER], ContactOptions(ctx.services), ""),
                ]
            )
        )
        self.add_button = QPushButton(icon("new"), self.tr("追加"), self)
        self.remove_button = QPushButton(icon("delete"), self.tr("外す"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("member_table")
        self.table.setHorizontalHeaderLabels([self.tr("氏名"), self.tr("所属"), self.tr("役割")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(160)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AFFILIATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        # Room for the longest offered role and the combo's arrow.
        header.resizeSection(ROLE, self.fontMetrics().horizontalAdvance("サブリーダー") + 48)
        hint = QLabel(
            self.tr("役割は一覧から選ぶか入力します(リーダー、メンバーなど)。保存で確定します。"),
            self,
        )
        hint.setWordWrap(True)
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.person_combo, 1)
        picker_row.addWidget(self.add_button)
        picker_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(picker_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- reading and writing the team --------------------------------------------

    def set_members(self, members: list[ProjectMember]) -> None:
        self.table.setRowCount(0)
        for member in members:
            self._append(member)
        self._update_buttons()

    def members(self) -> list[ProjectMember]:
        result: list[ProjectMember] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            combo = self.table.cellWidget(row, ROLE)
            assert item is not None and isinstance(combo, QComboBox)
            kind, person_id = item.data(MEMBER_ROLE)
            result.append(ProjectMember(kind, person_id, combo.currentText()))
        return result

    def row_of(self, kind: str, person_id: uuid.UUID) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            if item is not None and item.data(MEMBER_ROLE) == (kind, person_id):
                return row
        return -1

    # -- actions -----------------------------------------------------------------

    def add_chosen(self) -> bool:
        """Add the person chosen in the picker (the first one a leader)."""
        value = self.person_combo.current_value()
        if not isinstance(value, str):
            return False
        found = [(k, tag) for k, tag in _TAGS.items() if value.startswith(tag)]
        if not found:
            return False
        kind, tag = found[0]
        person_id = uuid.UUID(value.removeprefix(tag))
        existing = self.row_of(kind, person_id)
        if existing >= 0:
            self.table.selectRow(existing)
            return False
        label = self.person_combo.currentText()
        name, affiliation = self._split(kind, label)
        role = MEMBER_ROLES[0] if self.table.rowCount() == 0 else "メンバー"
        self._append(ProjectMember(kind, person_id, role, name, affiliation))
        self.table.selectRow(self.table.rowCount() - 1)
        self.person_combo.set_current_value(None)
        self.changed.emit()
        return True

    def remove_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        self.table.removeRow(rows[0].row())
        self._update_buttons()
        self.changed.emit()
        return True

    def set_editable(self, editable: bool) -> None:
        for widget in (self.person_combo, self.add_button, self.remove_button, self.table):
            widget.setEnabled(editable)

    # -- internals ---------------------------------------------------------------

    def _split(self, kind: str, label: str) -> tuple[str, str]:
        if kind == COORDINATOR_MEMBER:
            return label.rsplit("(", 1)[0], self.tr("コーディネーター")
        name, _, rest = label.partition("(")
        return name, rest.removesuffix(")")

    def _append(self, member: ProjectMember) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(member.name)
        name.setData(MEMBER_ROLE, (member.kind, member.person_id))
        self.table.setItem(row, NAME, name)
        affiliation = member.organisation_name
        if member.kind == COORDINATOR_MEMBER:
            affiliation = self.tr("コーディネーター")
        self.table.setItem(row, AFFILIATION, QTableWidgetItem(affiliation))
        role = QComboBox(self.table)
        role.setEditable(True)
        role.addItems(list(MEMBER_ROLES))
        role.setCurrentText(member.role)
        role.editTextChanged.connect(lambda _t: self.changed.emit())
        self.table.setCellWidget(row, ROLE, role)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
