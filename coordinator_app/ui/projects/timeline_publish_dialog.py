"""紹介ページ: the user picks entries and photos and saves the project page as PDF or HTML.

Unreviewed entries start unchecked and locked; 未確認の進捗も載せる unlocks
them. The 紹介文 typed here is kept with the project for the next page.
"""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.project_pages import PageCandidate
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.projects.timeline_model import thumbnail_of

ID_ROLE = Qt.ItemDataRole.UserRole
PHOTO_ICON = QSize(64, 48)


class ProjectPageDialog(QDialog):
    """Choose what goes on the page, then 保存 as PDF or HTML.

    Attributes:
        written: the files saved from this dialog, in order.
        warnings: what the last save could not include (e.g. an unreadable photo).
    """

    def __init__(
        self, ctx: UiContext, *, project_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.service = ctx.services.project_pages
        self.written: list[Path] = []
        self.warnings: list[str] = []
        project = ctx.services.projects.get(project_id)
        self.title = project.title
        self.setWindowTitle(self.tr("紹介ページ(PDF・HTML)"))

        self.narrative_edit = QPlainTextEdit(self)
        self.narrative_edit.setPlaceholderText(
            self.tr("紹介文(任意): 概要の後に載せる、取り組みの背景や経緯")
        )
        self.narrative_edit.setPlainText(self.service.narrative(project_id))
        self.narrative_edit.setMaximumHeight(130)
        self.include_check = QCheckBox(self.tr("未確認の進捗も載せる"), self)
        self.wareki_check = QCheckBox(self.tr("日付を和暦で表示"), self)
        self.wareki_check.setChecked(ctx.dates.wareki)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("載せる進捗と写真"), self.tr("確認")])
        self.tree.setRootIsDecorated(True)
        self.tree.setIconSize(PHOTO_ICON)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.candidates = self.service.candidates(project_id)
        self._fill(self.candidates)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)

        self.pdf_button = QPushButton(self.tr("PDFを保存…"), self)
        self.html_button = QPushButton(self.tr("HTMLを保存…"), self)
        self.pdf_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.pdf_button)
        row.addWidget(self.html_button)
        row.addStretch(1)
        row.addWidget(buttons)
        options = QHBoxLayout()
        options.addWidget(self.include_check)
        options.addWidget(self.wareki_check)
        options.addStretch(1)

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("「{title}」を公開用のページにします。").format(title=self.title))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("紹介文"), self))
        layout.addWidget(self.narrative_edit)
        layout.addLayout(options)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(row)
        self.include_check.toggled.connect(self._include_toggled)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.html_button.clicked.connect(lambda: self.save("html"))
        self.resize(720, 620)

    # -- choices -----------------------------------------------------------------

    def _fill(self, candidates: list[PageCandidate]) -> None:
        for candidate in candidates:
            entry = candidate.entry
            first = entry.text.splitlines()[0] if entry.text else ""
            item = QTreeWidgetItem(
                [
                    f"{self.ctx.dates.format(entry.entry_date)}  {first[:60]}",
                    self.tr("確認済") if candidate.reviewed else self.tr("未確認"),
                ]
            )
            item.setData(0, ID_ROLE, entry.id)
            item.setToolTip(0, entry.text)
            item.setCheckState(
                0, Qt.CheckState.Checked if candidate.reviewed else Qt.CheckState.Unchecked
            )
            if not candidate.reviewed:
                item.setDisabled(True)
            for photo in candidate.photos:
                child = QTreeWidgetItem([photo.filename, ""])
                child.setData(0, ID_ROLE, photo.id)
                child.setCheckState(0, Qt.CheckState.Checked)
                child.setIcon(0, self._thumbnail(photo.id))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)

    def _thumbnail(self, attachment_id: uuid.UUID) -> QIcon:
        pixmap = None
        with contextlib.suppress(NotFoundError):  # deleted meanwhile: a file icon
            pixmap = thumbnail_of(self.ctx.services.attachments.content(attachment_id))
        if pixmap is None:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return QIcon(pixmap)

    def _include_toggled(self, include: bool) -> None:
        for i, candidate in enumerate(self.candidates):
            if candidate.reviewed:
                continue
            item = self.tree.topLevelItem(i)
            item.setDisabled(not include)
            item.setCheckState(0, Qt.CheckState.Checked if include else Qt.CheckState.Unchecked)

    def chosen(self) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
        """The checked entries and the checked photos of those entries."""
        entries: list[uuid.UUID] = []
        photos: list[uuid.UUID] = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.isDisabled() or item.checkState(0) != Qt.CheckState.Checked:
                continue
            entries.append(item.data(0, ID_ROLE))
            for j in range(item.childCount()):
                child = item.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    photos.append(child.data(0, ID_ROLE))
        return entries, photos

    # -- saving ------------------------------------------------------------------

    def render(self, kind: str) -> tuple[bytes, list[str]] | None:
        """The page as PDF or HTML bytes with its warnings (None: refused, user told)."""
        entries, photos = self.chosen()
        try:
            narrative = self.service.save_narrative(
                self.project_id, self.narrative_edit.toPlainText()
            )
            data = self.service.build(
                self.project_id,
                entry_ids=entries,
                photo_ids=photos,
                include_unreviewed=self.include_check.isChecked(),
                narrative=narrative,
                wareki=self.wareki_check.isChecked(),
            )
        except (ValidationError, NotFoundError) as exc:
            self._show(error_text(exc), error=True)
            return None
        if kind == "pdf":
            from coordinator_app.documents.render.project_page import ProjectPageRenderer

            rendered = ProjectPageRenderer().render(data)
            return rendered.pdf, rendered.warnings
        from coordinator_app.documents.render.project_page_html import ProjectPageHtmlRenderer

        page = ProjectPageHtmlRenderer().render(data)
        return page.html, page.warnings

    def save(self, kind: str) -> Path | None:
        """Ask where, render and write the page; the warnings are shown, the file kept."""
        from coordinator_app.documents.batch import safe_filename, write_atomically

        suffix = ".pdf" if kind == "pdf" else ".html"
        path = self.ctx.prompts.choose_save_file(
            self,
            title=self.tr("紹介ページを保存"),
            suggested=safe_filename(self.title) + suffix,
            filters=self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("HTML (*.html *.htm)"),
        )
        if path is None:
            return None
        if path.suffix.lower() not in (suffix, ".htm" if kind == "html" else suffix):
            path = path.with_name(path.name + suffix)
        result = self.render(kind)
        if result is None:
            return None
        content, made = result
        self.warnings = [message_text(w) for w in made]  # a deleted photo … in the UI language
        try:
            write_atomically(path, content)
        except OSError as exc:
            self._show(self.tr("保存できませんでした: {error}").format(error=exc), error=True)
            return None
        self.written.append(path)
        text = self.tr("保存しました: {path}").format(path=path)
        if self.warnings:
            text += "\n" + "\n".join(self.warnings)
            self.ctx.prompts.warn(self, title=self.tr("紹介ページ"), text="\n".join(self.warnings))
        self._show(text, error=bool(self.warnings))
        return path

    def _show(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b71c1c;" if error else "color: #1b5e20;")
