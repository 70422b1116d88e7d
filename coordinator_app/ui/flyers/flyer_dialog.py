"""チラシ作成: choose layout and design, edit this print's text, preview, save, print, batch.

The dialog reads through a :class:`FlyerDataBuilder` and draws with a
:class:`FlyerRenderer`; it changes nothing in the database. Edits of the
consult list and the message apply to this print only.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.documents.batch import FlyerBatch, safe_filename, write_atomically
from coordinator_app.documents.data.flyer import (
    DESIGN_LABELS,
    LAYOUT_LABELS,
    QR_LABELS,
    FlyerError,
    FlyerIssue,
    FlyerOverrides,
    Layout,
    QrContent,
    RenderedFlyer,
)
from coordinator_app.documents.design.text import non_empty_lines
from coordinator_app.documents.render.flyer import FlyerRenderer, renderer_for
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.screen_fit import fit_to_screen
from coordinator_app.ui.flyers.batch_runner import BatchRunner
from coordinator_app.ui.flyers.pdf_preview import PdfPreview
from coordinator_app.ui.flyers.printing import match_paper, print_pdf
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.prompts import DialogPrompts, Prompts, choose_pdf

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 300  # typing pauses this long before the preview is redrawn
_TEAM_KEY = None  # key of the team flyer's consult-list override


class FlyerDialog(QDialog):
    """The チラシ作成 dialog for one or more coordinators, or for an area's team.

    Args:
        services: the open database's services.
        coordinator_ids: the coordinators to print (the selection); may be empty
            when opened for an area.
        parent: the owning window.
        prompts: file pickers, print dialog and messages (tests pass a fake);
            the real dialogs when omitted.
        area_id: open on the team flyer of this area.
        today: the date deciding current posts (tests fix it).

    Signals:
        preview_updated(): the preview shows a new PDF (or the problems
            that prevent one).
    """

    preview_updated = Signal()

    def __init__(
        self,
        services: Services,
        coordinator_ids: Sequence[uuid.UUID],
        parent: QWidget | None = None,
        *,
        prompts: Prompts | None = None,
        area_id: uuid.UUID | None = None,
        today: date | None = None,
        wareki: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("チラシ作成"))
        self.resize(1100, 760)
        fit_to_screen(self)
        self._services = services
        self._prompts: Prompts = prompts or DialogPrompts()
        self._builder = FlyerDataBuilder(services, today=today, wareki=wareki)
        self._ids = list(dict.fromkeys(coordinator_ids))
        if not self._ids and area_id is not None:
            self._ids = [
                m.coordinator_id for m in self._builder.team(area_id).members if m.coordinator_id
            ]
        self._stored: dict[uuid.UUID | None, tuple[tuple[str, ...], str]] = {}
        self._overrides: dict[uuid.UUID | None, FlyerOverrides] = {}
        self._loading = False
        self.last_render: RenderedFlyer | None = None
        self.batch_runner = BatchRunner(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._build_widgets()
        make_keyboard_friendly(self)  # Tab leaves the message boxes: no keyboard trap
        self._fill(area_id)
        self._connect()
        if area_id is not None or not self._ids:
            self.layout_combo.setCurrentIndex(self.layout_combo.findData(Layout.TEAM))
        self._on_layout_changed()
        self.refresh_preview()

    # -- widgets ------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.coordinator_list = QListWidget(self)
        self.coordinator_list.setMaximumHeight(110)
        self.area_combo = QComboBox(self)
        self.layout_combo = QComboBox(self)
        self.design_combo = QComboBox(self)
        self.qr_combo = QComboBox(self)
        self.topics_edit = QPlainTextEdit(self)
        self.topics_edit.setPlaceholderText(self.tr("1行に1項目"))
        self.message_edit = QPlainTextEdit(self)
        self.message_edit.setMaximumHeight(90)
        self.reset_button = QPushButton(self.tr("登録内容に戻す"), self)
        self.issues_label = QLabel(self)
        self.issues_label.setTextFormat(Qt.TextFormat.PlainText)
        self.issues_label.setWordWrap(True)
        self.issues_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = PdfPreview(self)
        self.save_button = QPushButton(self.tr("PDFを保存…"), self)
        self.print_button = QPushButton(self.tr("印刷…"), self)
        self.selection_batch_button = QPushButton(self.tr("選んだ人を一括作成…"), self)
        self.selection_batch_button.setToolTip(
            self.tr("上の一覧のコーディネーター全員のチラシを、まとめて作成します")
        )
        self.batch_button = QPushButton(self.tr("担当中の全員を一括作成…"), self)
        self.separate_check = QCheckBox(self.tr("1人1ファイルに分ける"), self)
        self.separate_check.setChecked(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("レイアウト"), self.layout_combo)
        form.addRow(self.tr("デザイン"), self.design_combo)
        form.addRow(self.tr("QRコード"), self.qr_combo)
        form.addRow(self.tr("地区(チーム紹介)"), self.area_combo)
        edits = QGroupBox(self.tr("この印刷だけの変更"), self)
        edits_layout = QVBoxLayout(edits)
        edits_layout.addWidget(QLabel(self.tr("こんな時にご相談ください(1行に1項目)"), edits))
        edits_layout.addWidget(self.topics_edit, 2)
        edits_layout.addWidget(QLabel(self.tr("メッセージ"), edits))
        edits_layout.addWidget(self.message_edit, 1)
        edits_layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignRight)
        batch = QGroupBox(self.tr("一括作成"), self)
        batch_layout = QHBoxLayout(batch)
        batch_layout.addWidget(self.selection_batch_button)
        batch_layout.addWidget(self.batch_button)
        batch_layout.addWidget(self.separate_check)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("コーディネーター"), left))
        left_layout.addWidget(self.coordinator_list)
        left_layout.addLayout(form)
        left_layout.addWidget(edits, 1)
        left_layout.addWidget(self.issues_label)
        left_layout.addWidget(batch)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 720])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _fill(self, area_id: uuid.UUID | None) -> None:
        for layout, label in LAYOUT_LABELS.items():
            self.layout_combo.addItem(self.tr(label), layout)
        for key, label in DESIGN_LABELS.items():
            self.design_combo.addItem(self.tr(label), key)
        for qr, label in QR_LABELS.items():
            self.qr_combo.addItem(self.tr(label), qr)
        # Qt compares item data as QVariants: ids go in as text.
        self.area_combo.addItem(self.tr("市全域"), "")
        for node in self._services.areas.tree():
            self.area_combo.addItem("  " * node.depth + node.area.name, str(node.area.id))
        if area_id is not None:
            self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(str(area_id))))
        for coordinator_id in list(self._ids):
            try:
                data = self._builder.flyer(coordinator_id)
            except NotFoundError:
                # Deleted since the selection was made: leave it out.
                self._ids.remove(coordinator_id)
                continue
            self._stored[coordinator_id] = (data.consult_topics, data.coordinator.message)
            item = QListWidgetItem(data.coordinator.name, self.coordinator_list)
            item.setData(Qt.ItemDataRole.UserRole, str(coordinator_id))
        self._stored[_TEAM_KEY] = (self._builder.consult_topics(), "")
        if self._ids:
            self.coordinator_list.setCurrentRow(0)
        self._load_editors()

    def _connect(self) -> None:
        self.layout_combo.currentIndexChanged.connect(self._on_layout_changed)
        self.design_combo.currentIndexChanged.connect(self.schedule_preview)
        self.qr_combo.currentIndexChanged.connect(self._on_qr_changed)
        self.area_combo.currentIndexChanged.connect(self.schedule_preview)
        self.coordinator_list.currentRowChanged.connect(self._on_coordinator_changed)
        self.topics_edit.textChanged.connect(self._on_edited)
        self.message_edit.textChanged.connect(self._on_edited)
        self.reset_button.clicked.connect(self._reset_edits)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_flyers)
        self.batch_button.clicked.connect(self.run_batch)
        self.selection_batch_button.clicked.connect(self.run_selection_batch)

    # -- state --------------------------------------------------------------------

    @property
    def layout_choice(self) -> Layout:
        return Layout(self.layout_combo.currentData())

    @property
    def area_id(self) -> uuid.UUID | None:
        """The team flyer's area; ``None`` for the whole municipality."""
        data = self.area_combo.currentData()
        return uuid.UUID(data) if data else None

    @property
    def renderer(self) -> FlyerRenderer:
        return renderer_for(str(self.design_combo.currentData()))

    @property
    def overrides(self) -> dict[uuid.UUID | None, FlyerOverrides]:
        """This print's edits, by coordinator (``None``: the team flyer)."""
        return dict(self._overrides)

    def _edit_key(self) -> uuid.UUID | None:
        if self.layout_choice == Layout.TEAM:
            return _TEAM_KEY
        item = self.coordinator_list.currentItem()
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole)) if item is not None else _TEAM_KEY

    def _load_editors(self) -> None:
        key = self._edit_key()
        topics, message = self._stored.get(key, ((), ""))
        override = self._overrides.get(key, FlyerOverrides())
        if override.consult_topics is not None:
            topics = override.consult_topics
        if override.message is not None:
            message = override.message
        self._loading = True
        try:
            self.topics_edit.setPlainText("\n".join(topics))
            self.message_edit.setPlainText(message)
            self.message_edit.setEnabled(key is not _TEAM_KEY)
        finally:
            self._loading = False

    def _on_edited(self) -> None:
        if self._loading:
            return
        key = self._edit_key()
        topics, message = self._stored.get(key, ((), ""))
        new_topics = non_empty_lines(self.topics_edit.toPlainText())
        new_message = self.message_edit.toPlainText().strip()
        override = FlyerOverrides(
            consult_topics=new_topics if new_topics != topics else None,
            message=new_message if key is not _TEAM_KEY and new_message != message else None,
        )
        if override == FlyerOverrides():
            self._overrides.pop(key, None)
        else:
            self._overrides[key] = override
        self.schedule_preview()

    def _reset_edits(self) -> None:
        self._overrides.pop(self._edit_key(), None)
        self._load_editors()
        self.schedule_preview()

    def _on_coordinator_changed(self) -> None:
        self._load_editors()
        self.schedule_preview()

    def _on_layout_changed(self) -> None:
        team = self.layout_choice == Layout.TEAM
        self.area_combo.setEnabled(team)
        self.coordinator_list.setEnabled(not team)
        self.batch_button.setEnabled(not team)
        self.selection_batch_button.setEnabled(not team and len(self._ids) > 1)
        self.separate_check.setEnabled(not team)
        self._load_editors()
        self.schedule_preview()

    def _on_qr_changed(self) -> None:
        self._builder.qr = QrContent(self.qr_combo.currentData())
        self.schedule_preview()

    # -- rendering ----------------------------------------------------------------

    def schedule_preview(self) -> None:
        self._timer.start()

    def _coordinator_overrides(self) -> dict[uuid.UUID, FlyerOverrides]:
        return {k: v for k, v in self._overrides.items() if k is not None}

    def _render(self, *, everyone: bool) -> RenderedFlyer:
        renderer = self.renderer
        if self.layout_choice == Layout.TEAM:
            team = self._builder.team(self.area_id)
            override = self._overrides.get(_TEAM_KEY)
            if override is not None and override.consult_topics is not None:
                team = dataclasses.replace(team, consult_topics=override.consult_topics)
            return renderer.render_team(team)
        if not self._ids:
            raise ValueError(self.tr("コーディネーターが選ばれていません"))
        key = self._edit_key()
        ids = self._ids if everyone or key is None else [key]
        flyers = self._builder.flyers(ids, self._coordinator_overrides())
        return renderer.render(flyers, self.layout_choice)

    def refresh_preview(self) -> None:
        """Redraw the preview now (the timer calls this after edits)."""
        self._timer.stop()
        try:
            rendered = self._render(everyone=False)
        except FlyerError as exc:
            self.last_render = None
            self.preview.clear()
            self._show_issues(exc.issues, error=True)
        except ValueError as exc:
            self.last_render = None
            self.preview.clear()
            self.issues_label.setText(error_text(exc))
        except Exception as exc:  # any failure must reach the user, not only the log
            log.exception("flyer preview failed")
            self.last_render = None
            self.preview.clear()
            self.issues_label.setText(
                self.tr("チラシを作成できませんでした: {error}").format(error=exc)
            )
        else:
            self.last_render = rendered
            self.preview.show_pdf(rendered.pdf)
            self._show_issues(list(rendered.warnings), error=False)
        ready = self.last_render is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.preview_updated.emit()

    def _show_issues(self, issues: Sequence[FlyerIssue], *, error: bool) -> None:
        if not issues:
            self.issues_label.clear()
            self.issues_label.setStyleSheet("")
            return
        head = (
            self.tr("PDFを作成できません:")
            if error
            else self.tr("注意(印刷はできますが、省略または置き換えた文字があります):")
        )
        self.issues_label.setText("\n".join([head, *(f"・{i.message}" for i in issues)]))
        self.issues_label.setStyleSheet("color: #b00020;" if error else "color: #8a5300;")

    def _render_all_or_warn(self) -> RenderedFlyer | None:
        try:
            return self._render(everyone=True)
        except (FlyerError, ValueError) as exc:
            text = error_text(exc)
        except Exception as exc:  # any failure must reach the user, not only the log
            log.exception("flyer failed")
            text = self.tr("チラシを作成できませんでした: {error}").format(error=exc)
        self._prompts.warn(self, title=self.tr("チラシ作成"), text=text)
        return None

    def _issues_note(self, warnings: Sequence[FlyerIssue]) -> str:
        """What was shortened or replaced in print; empty when nothing was."""
        head = self.tr("次の項目は省略または置き換えて印刷しました:")
        return "\n".join([head, *(f"・{w}" for w in warnings)]) if warnings else ""

    # -- actions ------------------------------------------------------------------

    def _suggested_name(self) -> str:
        layout = self.layout_choice
        if layout == Layout.TEAM:
            who = self.area_combo.currentText().strip()
        elif len(self._ids) == 1:
            who = self.coordinator_list.item(0).text()
        else:
            who = f"{len(self._ids)}人"
        return f"紹介チラシ_{safe_filename(who)}_{layout.value}.pdf"

    def save_pdf(self) -> Path | None:
        """Save every listed coordinator's flyer (or the team flyer) as one PDF."""
        rendered = self._render_all_or_warn()
        if rendered is None:
            return None
        path = choose_pdf(self._prompts, self, suggested=self._suggested_name())
        if path is None:
            return None
        try:
            write_atomically(path, rendered.pdf)
        except OSError as exc:
            text = self.tr("「{path}」に保存できませんでした。\n\n{error}")
            error = exc.strerror or exc
            self._prompts.warn(
                self, title=self.tr("PDFを保存"), text=text.format(path=path, error=error)
            )
            return None
        note = self._issues_note(rendered.warnings)
        self._prompts.file_saved(self, title=self.tr("PDFを保存"), path=path, note=note)
        return path

    def print_flyers(self) -> bool:
        """Print through the system print dialog; True when sent to the printer."""
        rendered = self._render_all_or_warn()
        if rendered is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        match_paper(printer, rendered.pdf)
        if not self._prompts.setup_printer(
            self, printer, title=QCoreApplication.translate("FlyerPrompts", "チラシを印刷")
        ):
            return False
        try:
            print_pdf(rendered.pdf, printer)
        except RuntimeError as exc:
            self._prompts.warn(self, title=self.tr("印刷"), text=error_text(exc))
            return False
        return True

    def run_batch(self) -> None:
        """Flyers of every coordinator holding a current post, with progress and cancel."""
        ids = self._builder.active_coordinator_ids()
        if ids:
            self._batch(ids, who=self.tr("全員"))
            return
        text = self.tr("担当中のコーディネーターがいません。")
        self._prompts.inform(self, title=self.tr("一括作成"), text=text)

    def run_selection_batch(self) -> None:
        """Flyers of the coordinators the dialog was opened with (the list's selection)."""
        self._batch(list(self._ids), who=self.tr("%1人").replace("%1", str(len(self._ids))))

    def _batch(self, ids: list[uuid.UUID], *, who: str) -> None:
        title = self.tr("一括作成")
        separate = self.separate_check.isChecked()
        if separate:
            target = self._prompts.choose_folder(self, title=self.tr("保存先のフォルダを選ぶ"))
        else:
            target = choose_pdf(
                self._prompts, self, suggested=f"紹介チラシ_{who}_{self.layout_choice.value}.pdf"
            )
        if target is None:
            return
        batch = FlyerBatch(self._builder, self.renderer, self.layout_choice)
        try:
            result = self.batch_runner.run(
                batch, ids, target, separate=separate, overrides=self._coordinator_overrides()
            )
        except (FlyerError, OSError) as exc:
            self._prompts.warn(self, title=title, text=error_text(exc))
            return
        if result.cancelled:
            done = self.tr("中止しました。")
            if result.files:
                done += self.tr("作成済みのファイル: %1件").replace("%1", str(len(result.files)))
        else:
            done = self.tr("%1人分のチラシを作成しました。").replace("%1", str(len(ids)))
        if result.warnings and not result.cancelled:
            note = self._issues_note(result.warnings)
            self._prompts.warn(self, title=title, text=f"{done}\n{note}")
        else:
            self._prompts.inform(self, title=title, text=done)
