"""The UI's shared wings: page factories, the main window's helpers on narrow
callables, one attachment panel for every owner, one list-table set-up."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ProgressEntry
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.attachment_model import AttachmentTableModel
from coordinator_app.ui.common.attachment_panel import AttachmentPanel
from coordinator_app.ui.common.list_table import SelectionMode, list_table
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.feature_windows import FeatureWindows
from coordinator_app.ui.main.pages import PAGE_SPECS
from tests.conftest import Factory
from tests.ui.conftest import reopened

UI = Path(__file__).parents[2] / "coordinator_app" / "ui"


def test_every_page_factory_builds_the_page_of_its_kind(qtbot: QtBot, ctx: UiContext) -> None:
    for spec in PAGE_SPECS:
        page = spec.build(ctx)
        qtbot.addWidget(page)
        assert page.kind == spec.kind


def test_page_modules_are_imported_only_when_their_page_is_built() -> None:
    code = (
        "import sys\n"
        "import coordinator_app.ui.main.pages as pages\n"
        "late = [m for m in sys.modules if m.startswith('coordinator_app.ui.')\n"
        "        and m.endswith('_page') and m != 'coordinator_app.ui.common.record_page']\n"
        "print(','.join(late))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == ""


def test_feature_windows_need_only_a_parent_and_a_way_to_add_commands(
    qtbot: QtBot, ctx: UiContext
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    added: list[tuple[str, str, tuple[str, ...]]] = []

    def add_command(
        menu: str,
        text: str,
        slot: Callable[[], object],
        *,
        shortcuts: Sequence[str] = (),
        icon_name: str = "",
        toolbar: bool = False,
    ) -> QAction:
        added.append((menu, text, tuple(shortcuts)))
        return QAction(text, parent)

    features = FeatureWindows(ctx, parent, add_command=add_command)
    features.install()
    assert [(menu, keys) for menu, _text, keys in added] == [
        ("edit", ("Ctrl+Shift+M",)),
        ("view", ("Ctrl+7",)),
        ("tools", ("Ctrl+Shift+R",)),
        ("tools", ("Ctrl+Shift+P",)),
        ("tools", ()),
    ]
    assert features.action_new_meeting is not None


def test_tables_are_set_up_by_the_list_table_helper_only() -> None:
    """A QTableView is built in one place; the copies of its set-up do not come back."""
    builders = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "QTableView":
                    builders.append(path.relative_to(UI).as_posix())
    assert builders == ["common/list_table.py"]


def test_a_list_table_is_a_read_only_list_of_rows(qtbot: QtBot) -> None:
    model = QStringListModel(["一", "二", "三"])
    table = list_table(model, selection=SelectionMode.SingleSelection, stretch=0, tooltip="説明")
    qtbot.addWidget(table)
    assert table.model() is model
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.verticalHeader().isHidden() and not table.wordWrap()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert not header.stretchLastSection()
    assert table.toolTip() == "説明"


class Answers:
    """What the panel asks, answered: the files to attach and yes to every question."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.warnings: list[str] = []

    def confirm(self, parent: object, *, title: str, text: str, accept_text: str = "") -> bool:
        return True

    def warn(self, parent: object, *, title: str, text: str) -> None:
        self.warnings.append(text)

    def choose_open_files(self, parent: object, *, title: str, filters: str) -> list[Path]:
        return self.files

    def choose_save_file(
        self, parent: object, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        return None

    def open_file(self, path: Path) -> bool:
        return True


@pytest.mark.parametrize("owner", ["meeting_id", "project_id", "progress_entry_id"])
def test_one_attachment_panel_serves_every_owner(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database, tmp_path: Path, owner: str
) -> None:
    project = make.project()
    owner_id = {
        "meeting_id": lambda: make.meeting().id,
        "project_id": lambda: project.id,
        "progress_entry_id": lambda: (
            make.s.progress.save(
                ProgressEntry(project_id=project.id, entry_date=date(2026, 5, 8), text="講座")
            ).id
        ),
    }[owner]()
    photo = tmp_path / "写真.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#4caf50"))
    assert image.save(str(photo))
    handout = tmp_path / "資料.pdf"
    handout.write_bytes(b"%PDF-1.4 handout")
    answers = Answers([photo, handout])
    panel = AttachmentPanel(ctx, owner=owner, prompts=answers, title="添付")  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.set_owner(owner_id)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 2 and not answers.warnings
    icons = [
        panel.model.index(row, AttachmentTableModel.NAME).data(Qt.ItemDataRole.DecorationRole)
        for row in range(2)
    ]
    file_icon = panel.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    names = [panel.model.index(row, AttachmentTableModel.NAME).data() for row in range(2)]
    thumbnail = icons[names.index("写真.png")]
    assert thumbnail.pixmap(32, 32).toImage() != file_icon.pixmap(32, 32).toImage()
    panel.select(panel.model.id_at(names.index("資料.pdf")))
    assert panel.delete_selected()
    assert panel.model.rowCount() == 1
    with reopened(db) as stored:
        assert [a.filename for a in stored.attachments.list_for(**{owner: owner_id})] == [
            "写真.png"
        ]
    ctx.undo_stack.undo()
    assert panel.model.rowCount() == 2
