"""Paints one timeline entry: the date as a heading, author and review state, the
whole text wrapped, the review comment, photo thumbnails and other files.

Text is drawn with ``QPainter.drawText`` (plain text: markup shows as typed).
The view asks only visible rows to paint; sizes are cached per entry and width.
Clicking a thumbnail emits :attr:`TimelineDelegate.photo_clicked`; clicking
the 確認 button of an unreviewed entry (supervisors) emits ``review_clicked``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from coordinator_app.services.progress_timeline import TimelineEntry
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import names_text
from coordinator_app.ui.projects.timeline_model import ENTRY_ROLE, THUMBNAIL, TimelineModel

AnyIndex = QModelIndex | QPersistentModelIndex

REVIEWED = QColor("#2e7d32")
UNREVIEWED = QColor("#b26a00")
CHANGED = QColor("#c62828")
UNREVIEWED_FILL = QColor("#fff6e0")
MUTED = QColor("#5f6b7a")
CARD_RULE = QColor("#d5dde6")
MARGIN = 8
BAR = 5
GAP = 6
PHOTO_GAP = 8
BUTTON_WIDTH = 96
BUTTON_HEIGHT = 24

# Flag combinations built once: combining Qt flags makes new enum members each
# time, which costs more than the drawing itself.
WRAP = int(Qt.TextFlag.TextWordWrap)
WRAP_TOP_LEFT = int(
    Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
)
RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
CENTRE_WRAP_ANYWHERE = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWrapAnywhere)
SELECTED = QStyle.StateFlag.State_Selected
HAS_FOCUS = QStyle.StateFlag.State_HasFocus


@dataclass(frozen=True)
class _Layout:
    heading: QRect
    text: QRect
    comment: QRect | None
    photos: list[tuple[uuid.UUID, QRect]]
    files: QRect | None
    button: QRect | None
    height: int


class TimelineDelegate(QStyledItemDelegate):
    """Draws :class:`TimelineEntry` rows of a :class:`TimelineModel`."""

    photo_clicked = Signal(object, object)
    """(entry id, attachment id)."""
    review_clicked = Signal(object)
    """(entry id): the 確認 button of an entry was clicked."""

    def __init__(self, dates: DateFormat, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dates = dates
        self.supervisor = False
        self._sizes: dict[tuple[object, ...], int] = {}

    def set_supervisor(self, supervisor: bool) -> None:
        self.supervisor = supervisor
        self._sizes.clear()

    def clear_cache(self) -> None:
        self._sizes.clear()

    # -- texts -------------------------------------------------------------------

    def review_text(self, item: TimelineEntry) -> str:
        state = item.state
        if state.reviewed:
            name = item.reviewer_name
            return self.tr("確認済({name})").format(name=name) if name else self.tr("確認済")
        if state.changed_since_review:
            return self.tr("確認後に変更・未確認")
        return self.tr("未確認")

    def heading_text(self, item: TimelineEntry) -> str:
        date_text = self.dates.format(item.entry.entry_date)
        author = item.entry.author or self.tr("(記入者なし)")
        return f"{date_text}　{author}"

    def comment_text(self, item: TimelineEntry) -> str:
        review = item.state.last_review
        if review is None or not review.comment:
            return ""
        return self.tr("確認コメント: {comment}").format(comment=review.comment)

    def files_text(self, item: TimelineEntry) -> str:
        if not item.files:
            return ""
        return self.tr("添付: {names}").format(names=names_text(f.filename for f in item.files))

    @staticmethod
    def colour(item: TimelineEntry) -> QColor:
        if item.state.reviewed:
            return REVIEWED
        return CHANGED if item.state.changed_since_review else UNREVIEWED

    # -- geometry ----------------------------------------------------------------

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        heading = QFont(option.font)
        heading.setBold(True)
        heading.setPointSizeF(option.font.pointSizeF() * 1.1)
        return heading, QFont(option.font)

    def _layout(self, option: QStyleOptionViewItem, item: TimelineEntry) -> _Layout:
        heading_font, body_font = self._fonts(option)
        rect = option.rect
        left = rect.left() + MARGIN + BAR + GAP
        width = max(rect.width() - (left - rect.left()) - MARGIN, 40)
        top = rect.top() + MARGIN
        heading_h = QFontMetrics(heading_font).height()
        heading = QRect(left, top, width, heading_h)
        button = None
        if self.supervisor and not item.state.reviewed:
            button = QRect(
                left + width - BUTTON_WIDTH, top, BUTTON_WIDTH, max(heading_h, BUTTON_HEIGHT)
            )
            heading.setHeight(button.height())
        top = heading.bottom() + 1 + GAP
        metrics = QFontMetrics(body_font)
        flags = WRAP
        text_h = metrics.boundingRect(QRect(0, 0, width, 100000), flags, item.entry.text).height()
        text = QRect(left, top, width, max(text_h, metrics.height()))
        top = text.bottom() + 1
        comment = None
        if comment_text := self.comment_text(item):
            h = metrics.boundingRect(QRect(0, 0, width, 100000), flags, comment_text).height()
            comment = QRect(left, top + GAP, width, h)
            top = comment.bottom() + 1
        photos: list[tuple[uuid.UUID, QRect]] = []
        if item.photos:
            top += GAP
            x = left
            for photo in item.photos:
                if x + THUMBNAIL.width() > left + width and photos:
                    x = left
                    top += THUMBNAIL.height() + PHOTO_GAP
                photos.append((photo.id, QRect(x, top, THUMBNAIL.width(), THUMBNAIL.height())))
                x += THUMBNAIL.width() + PHOTO_GAP
            top += THUMBNAIL.height()
        files = None
        if files_text := self.files_text(item):
            h = metrics.boundingRect(QRect(0, 0, width, 100000), flags, files_text).height()
            files = QRect(left, top + GAP, width, h)
            top = files.bottom() + 1
        height = top - rect.top() + MARGIN
        return _Layout(heading, text, comment, photos, files, button, height)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        item: TimelineEntry | None = index.data(ENTRY_ROLE)
        if item is None:
            return super().sizeHint(option, index)
        review = item.state.last_review
        key = (
            item.entry.id,
            item.entry.updated_at,
            review.id if review else None,
            len(item.photos),
            len(item.files),
            option.rect.width(),
            option.font.toString(),
        )
        height = self._sizes.get(key)
        if height is None:
            height = self._layout(option, item).height
            self._sizes[key] = height
        return QSize(option.rect.width(), height)

    # -- painting ----------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item: TimelineEntry | None = index.data(ENTRY_ROLE)
        if item is None:
            super().paint(painter, option, index)
            return
        layout = self._layout(option, item)
        heading_font, body_font = self._fonts(option)
        palette = option.palette
        rect = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & SELECTED)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            fill = palette.highlight().color().lighter(185)
        elif not item.state.reviewed:
            fill = UNREVIEWED_FILL
        else:
            fill = palette.base().color()
        painter.setPen(QPen(palette.highlight().color() if selected else CARD_RULE, 1))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(rect, 4, 4)
        colour = self.colour(item)
        painter.fillRect(QRect(rect.left() + 3, rect.top() + 4, BAR, rect.height() - 8), colour)
        if option.state & HAS_FOCUS:
            focus = QPen(palette.highlight().color(), 2)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        text_colour = palette.text().color()

        # Heading: date and author on the left, the review state (or button) on the right.
        state = self.review_text(item)
        painter.setFont(body_font)
        state_w = QFontMetrics(body_font).horizontalAdvance(state) + 4
        state_rect = QRect(layout.heading)
        if layout.button is not None:
            state_rect.setRight(layout.button.left() - GAP)
        painter.setPen(colour)
        state_font = QFont(body_font)
        state_font.setBold(not item.state.reviewed)
        painter.setFont(state_font)
        painter.drawText(state_rect, RIGHT_MIDDLE, state)
        painter.setFont(heading_font)
        painter.setPen(text_colour)
        title_rect = QRect(layout.heading)
        title_rect.setRight(state_rect.right() - state_w - GAP)
        elided = QFontMetrics(heading_font).elidedText(
            self.heading_text(item), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, LEFT_MIDDLE, elided)
        if layout.button is not None:
            painter.setPen(QPen(UNREVIEWED, 1))
            painter.setBrush(QBrush(QColor("#ffffff")))
            painter.drawRoundedRect(layout.button.adjusted(0, 1, 0, -1), 3, 3)
            painter.setFont(body_font)
            painter.drawText(layout.button, CENTRE, self.tr("確認する (K)"))

        # The whole text, wrapped; plain text.
        wrap = WRAP_TOP_LEFT
        painter.setFont(body_font)
        painter.setPen(text_colour)
        painter.drawText(layout.text, wrap, item.entry.text)
        painter.setPen(MUTED)
        if layout.comment is not None:
            painter.drawText(layout.comment, wrap, self.comment_text(item))
        model = index.model()
        for attachment_id, photo_rect in layout.photos:
            pixmap = None
            if isinstance(model, TimelineModel):
                size = next((p.size for p in item.photos if p.id == attachment_id), 0)
                pixmap = model.thumbnail(attachment_id, size)
            painter.setPen(QPen(CARD_RULE, 1))
            painter.setBrush(QBrush(QColor("#eef2f6")))
            painter.drawRect(photo_rect)
            if pixmap is not None:
                target = QRect(photo_rect)
                target.setSize(pixmap.size())
                target.moveCenter(photo_rect.center())
                painter.drawPixmap(target, pixmap)
            else:
                name = next((p.filename for p in item.photos if p.id == attachment_id), "")
                painter.setPen(MUTED)
                painter.drawText(
                    photo_rect.adjusted(4, 4, -4, -4),
                    CENTRE_WRAP_ANYWHERE,
                    self.tr("表示できません") + "\n" + name,
                )
        if layout.files is not None:
            painter.setPen(MUTED)
            painter.drawText(layout.files, wrap, self.files_text(item))
        painter.restore()

    # -- clicks ------------------------------------------------------------------

    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: AnyIndex
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            item: TimelineEntry | None = index.data(ENTRY_ROLE)
            if item is not None and event.button() == Qt.MouseButton.LeftButton:
                layout = self._layout(option, item)
                point = event.position().toPoint()
                for attachment_id, rect in layout.photos:
                    if rect.contains(point):
                        self.photo_clicked.emit(item.entry.id, attachment_id)
                        return True
                if layout.button is not None and layout.button.contains(point):
                    self.review_clicked.emit(item.entry.id)
                    return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]

    def photo_rects(self, option: QStyleOptionViewItem, index: AnyIndex) -> list[QRect]:
        """Where the thumbnails of ``index`` are drawn (for tests and accessibility)."""
        item: TimelineEntry | None = index.data(ENTRY_ROLE)
        return [] if item is None else [r for _i, r in self._layout(option, item).photos]

    def button_rect(self, option: QStyleOptionViewItem, index: AnyIndex) -> QRect | None:
        item: TimelineEntry | None = index.data(ENTRY_ROLE)
        return None if item is None else self._layout(option, item).button
