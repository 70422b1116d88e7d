"""The guidebook window: choose the whole municipality or one district, then save the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.documents.data.guidebook import GuidebookData
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext

if TYPE_CHECKING:
    from coordinator_app.documents.render.guidebook import GuidebookRenderer


class GuidebookDialog(QDialog):
    """通いの場ガイドブック: the places it will hold, and 保存 as PDF.

    Attributes:
        written: the files saved from this window (tests read it).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("通いの場ガイドブック"))
        self.area_combo = QComboBox()
        self.area_combo.addItem(self.tr("市町村全体"), None)
        for node in ctx.services.areas.tree():
            self.area_combo.addItem("　" * node.depth + node.area.name, node.area.id)
        self.booklet_check = QCheckBox(self.tr("A5の冊子にする(A4横に2ページずつ、二つ折りの順)"))
        self.booklet_check.setToolTip(
            self.tr("両面印刷(短辺とじ)して重ね、まん中で折ると冊子になります")
        )
        self.summary = plain(QLabel())
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self.tr("PDFを保存…"))
        self.save_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("範囲"), self.area_combo)
        form.addRow(self.tr("形式"), self.booklet_check)
        form.addRow("", self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.area_combo.currentIndexChanged.connect(self._update_summary)
        self.save_button.clicked.connect(self.save)
        self._update_summary()

    def _data(self) -> GuidebookData:
        services = self.ctx.services
        return services.gathering_places.guidebook(
            services.settings.municipality(), self.area_combo.currentData(), today=date.today()
        )

    def _update_summary(self, *_args: object) -> None:
        data = self._data()
        self.summary.setText(
            self.tr("活動中の通いの場 {count} か所を {areas} 地域に分けて載せます").format(
                count=len(data.entries), areas=len(data.sections)
            )
        )
        self.save_button.setEnabled(bool(data.entries))

    def _renderer(self) -> GuidebookRenderer:
        from coordinator_app.documents.render.guidebook import GuidebookRenderer

        return GuidebookRenderer(booklet=self.booklet_check.isChecked())

    def _overflow_accepted(self, data: GuidebookData) -> bool:
        """Names the places too long for one page; True when there are none or the user
        chooses to print them shortened."""
        from coordinator_app.documents.render.guidebook_check import overflowing_places

        names = overflowing_places(data, self._renderer())
        if not names:
            return True
        return self.ctx.prompts.confirm(
            self,
            title=self.tr("ガイドブック"),
            text=self.tr(
                "次の {count} か所は文字が多く、1ページに収まりません:\n{names}\n\n"
                "このまま作ると、入りきらない部分を省略して印刷します。"
                "やめて通いの場の内容を短くすることもできます。"
            ).format(count=len(names), names="\n".join(f"・{name}" for name in names)),
            accept_text=self.tr("省略して作る"),
        )

    def save(self) -> Path | None:
        """Ask where, make the PDF and write it; warnings are shown, the file kept."""
        from coordinator_app.documents.batch import safe_filename, write_atomically

        data = self._data()
        if not self._overflow_accepted(data):
            return None
        path = self.ctx.prompts.choose_save_file(
            self,
            title=self.tr("ガイドブックを保存"),
            suggested=safe_filename(f"{data.title}_{data.scope}") + ".pdf",
            filters=self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        rendered = self._renderer().render(data)
        try:
            write_atomically(path, rendered.pdf)
        except OSError as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("ガイドブック"),
                text=self.tr("保存できませんでした: {error}").format(error=exc),
            )
            return None
        self.written.append(path)
        self.ctx.prompts.file_saved(
            self,
            title=self.tr("ガイドブック"),
            path=path,
            note="\n".join(rendered.warnings),
        )
        return path
