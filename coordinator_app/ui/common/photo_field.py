"""A photo picked from a file, shown as a thumbnail and stored as bytes."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coordinator_app.ui.prompts import Prompts, choose_image

THUMBNAIL = QSize(96, 120)
MAX_STORED_BYTES = 5 * 1024 * 1024
"""Larger files are scaled down (the service refuses more than 5 MB)."""
MAX_SIDE = 2000
MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""Larger files are refused before they are read (a photo is scaled down, but a 3 GB
file would be loaded whole first)."""


class ImageField(QWidget):
    """Pick (through the prompts service), show and clear an image kept as bytes.

    The photo and logo fields differ only in sizes, the stored format and their
    words (the hooks at the end). A file that is too big is refused before it is
    read; one that is not an image is refused; one over the stored limit is
    scaled down.

    Signals:
        changed(): an image was picked or removed.
    """

    changed = Signal()
    thumbnail_size: ClassVar[QSize] = THUMBNAIL
    max_stored_bytes: ClassVar[int] = MAX_STORED_BYTES
    max_side: ClassVar[int] = MAX_SIDE
    stored_format: ClassVar[tuple[str, int]] = ("JPEG", 90)

    def __init__(
        self, prompts: Prompts, choose_text: str, clear_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._image: bytes | None = None
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(self.thumbnail_size)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setTextFormat(Qt.TextFormat.PlainText)
        self.thumbnail.setStyleSheet("border: 1px solid #b0bec5; background: #fafafa;")
        self.choose_button = QPushButton(choose_text, self)
        self.clear_button = QPushButton(clear_text, self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)
        self._show()

    def image(self) -> bytes | None:
        return self._image

    def set_image(self, data: bytes | None) -> None:
        self._image = data
        self._show()

    def choose(self) -> None:
        path = choose_image(self._prompts, self)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> bool:
        """Take the image at ``path``; False (and the reason shown) when it cannot be."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            self.refuse(self.unreadable_file_text(path, exc))
            return False
        if size > MAX_SOURCE_BYTES:
            self.refuse(self.too_big_text(path))
            return False
        image = QImage(str(path))
        if image.isNull():
            self.refuse(self.not_an_image_text(path))
            return False
        data = path.read_bytes()
        if len(data) > self.max_stored_bytes:
            data = encode_at_most(image, self.max_side, *self.stored_format)
        self.set_image(data)
        self.changed.emit()
        return True

    def clear(self) -> None:
        if self._image is None:
            return
        self.set_image(None)
        self.changed.emit()

    def _show(self) -> None:
        self.clear_button.setEnabled(self._image is not None)
        if self._image is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.empty_text())
            return
        show_thumbnail(self.thumbnail, self._image, self.thumbnail_size, self.undisplayable_text())

    # -- hooks: how the field refuses a file, and its words ------------------------

    def refuse(self, text: str) -> None:
        raise NotImplementedError

    def unreadable_file_text(self, path: Path, exc: OSError) -> str:
        raise NotImplementedError

    def too_big_text(self, path: Path) -> str:
        raise NotImplementedError

    def not_an_image_text(self, path: Path) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def undisplayable_text(self) -> str:
        raise NotImplementedError


class PhotoField(ImageField):
    """A person's or place's photo; a refused file is explained in a message box."""

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(
            prompts,
            QCoreApplication.translate("PhotoField", "写真を選ぶ…"),
            QCoreApplication.translate("PhotoField", "写真を外す"),
            parent,
        )

    def photo(self) -> bytes | None:
        return self.image()

    def set_photo(self, data: bytes | None) -> None:
        self.set_image(data)

    def refuse(self, text: str) -> None:
        self._prompts.warn(self, title=QCoreApplication.translate("PhotoField", "写真"), text=text)

    def unreadable_file_text(self, path: Path, exc: OSError) -> str:
        return QCoreApplication.translate("PhotoField", "ファイルを読めません: {error}").format(
            error=exc.strerror or exc
        )

    def too_big_text(self, path: Path) -> str:
        return QCoreApplication.translate(
            "PhotoField", "写真のファイルが大きすぎます(50MBまで): {name}"
        ).format(name=path.name)

    def not_an_image_text(self, path: Path) -> str:
        return QCoreApplication.translate(
            "PhotoField", "画像として読めないファイルです: {name}"
        ).format(name=path.name)

    def empty_text(self) -> str:
        return QCoreApplication.translate("PhotoField", "写真なし")

    def undisplayable_text(self) -> str:
        return QCoreApplication.translate("PhotoField", "表示できません")


def show_thumbnail(label: QLabel, data: bytes, size: QSize, unreadable: str) -> None:
    """Show image ``data`` scaled into ``size`` on ``label``, or ``unreadable`` if Qt
    cannot decode it."""
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        label.setPixmap(QPixmap())
        label.setText(unreadable)
        return
    label.setText("")
    label.setPixmap(
        pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    )


def encode_at_most(image: QImage, max_side: int, image_format: str, quality: int = -1) -> bytes:
    """``image`` scaled down to at most ``max_side`` pixels a side, encoded as
    ``image_format`` ("JPEG", "PNG"; ``quality`` -1: Qt's default)."""
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, image_format, quality)
    buffer.close()
    return bytes(array.data())
