"""The guidebook window: choose the whole municipality or one district, then save the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.documents.data.guidebook import GuidebookData
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import message_text

if TYPE_CHECKING:
    from coordinator_app.documents.data.common import RenderedDocument
    from coordinator_app.documents.render.guidebook import GuidebookRenderer
    from coordinator_app.ui.gathering_places.guidebook_worker import GuidebookWorker


class GuidebookDialog(QDialog):
    """通いの場ガイドブック: the places it will hold, and 保存 as PDF.

    The PDF is made in a worker thread under a progress bar with 中止; the window
    stays responsive meanwhile.

    Attributes:
        written: the files saved from this window (tests read it).

    Signals:
        render_done(path or None): the rendering ended, written to ``path`` (None: cancelled,
            failed or not written).
    """

    render_done = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.written: list[Path] = []
        self.worker: GuidebookWorker | None = None
        self._target = Path()
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
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("中止"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(running)
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
            self.tr(
                "活動中の通いの場 {count} か所を {areas} 地域に分けて載せます",
                "",
                len(data.entries),
            ).format(count=len(data.entries), areas=len(data.sections))
        )
        self.save_button.setEnabled(bool(data.entries))

    def _renderer(self) -> GuidebookRenderer:
        from coordinator_app.documents.render.guidebook import GuidebookRenderer

        return GuidebookRenderer(booklet=self.booklet_check.isChecked())

    def _overflow_accepted(self, data: GuidebookData, renderer: GuidebookRenderer) -> bool:
        """Names the places too long for one page; True when there are none or the user
        chooses to print them shortened."""
        from coordinator_app.documents.render.guidebook_check import overflowing_places

        names = overflowing_places(data, renderer)
        if not names:
            return True
        return self.ctx.prompts.confirm(
            self,
            title=self.tr("ガイドブック"),
            text=self.tr(
                "次の {count} か所は文字が多く、1ページに収まりません:\n{names}\n\n"
                "このまま作ると、入りきらない部分を省略して印刷します。"
                "やめて通いの場の内容を短くすることもできます。",
                "",
                len(names),
            ).format(count=len(names), names="\n".join(f"・{name}" for name in names)),
            accept_text=self.tr("省略して作る"),
        )

    def save(self) -> None:
        """Ask where, then make the PDF in the background; :attr:`render_done` says when it
        has been written (or not)."""
        from coordinator_app.documents.batch import safe_filename

        if self.worker is not None:
            return
        data = self._data()
        renderer = self._renderer()
        if not self._overflow_accepted(data, renderer):
            return
        path = self.ctx.prompts.choose_save_file(
            self,
            title=self.tr("ガイドブックを保存"),
            suggested=safe_filename(f"{data.title}_{data.scope}") + ".pdf",
            filters=self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._start(renderer, data, path)

    def _start(self, renderer: GuidebookRenderer, data: GuidebookData, path: Path) -> None:
        from coordinator_app.ui.gathering_places.guidebook_worker import GuidebookWorker

        worker = GuidebookWorker(renderer, data)
        self.worker = worker
        worker.progressed.connect(self._progressed)
        # Bound methods of this window: queued into its thread (a lambda would run in
        # the worker's).
        self._target = path
        worker.rendered.connect(self._write)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        self._set_running(True)
        worker.start()

    def cancel(self) -> None:
        """Stops the rendering under way; nothing is written."""
        if self.worker is not None:
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("中止しています…"))
            self.worker.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.save_button.setEnabled(not running)
        self.area_combo.setEnabled(not running)
        self.booklet_check.setEnabled(not running)
        if running:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("作成しています… %p%"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _cancelled(self) -> None:
        self._finish(None)

    def _write(self, rendered: RenderedDocument) -> None:
        from coordinator_app.documents.batch import write_atomically

        path = self._target

        try:
            write_atomically(path, rendered.pdf)
        except OSError as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("ガイドブック"),
                text=self.tr("保存できませんでした: {error}").format(error=exc),
            )
            self._finish(None)
            return
        self.written.append(path)
        self._finish(path)
        self.ctx.prompts.file_saved(
            self,
            title=self.tr("ガイドブック"),
            path=path,
            note="\n".join(message_text(w) for w in rendered.warnings),
        )

    def _failed(self, message: str) -> None:
        self._finish(None)
        self.ctx.prompts.warn(
            self,
            title=self.tr("ガイドブック"),
            text=self.tr("ガイドブックを作れませんでした: {error}").format(error=message),
        )

    def _finish(self, path: Path | None) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
            worker.thread.deleteLater()
            worker.deleteLater()
        self._set_running(False)
        self._update_summary()
        self.render_done.emit(path)

    def done(self, result: int) -> None:
        """Closing the window while rendering cancels it first (nothing is written)."""
        if self.worker is not None:
            worker = self.worker
            worker.cancel()
            worker.wait()
            self.worker = None
            worker.thread.deleteLater()
            worker.deleteLater()
        super().done(result)
