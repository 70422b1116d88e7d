"""A photo picked from a file, shown as a thumbnail and stored as bytes."""

from __future__ import annotations

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


class PhotoField(QWidget):
    """Pick (through the prompts service), show and clear a photo.

    Signals:
        changed(): a photo was picked or removed.
    """

    changed = Signal()

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._photo: bytes | None = None
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #b0bec5; background: #fafafa;")
        self.choose_button = QPushButton(
            QCoreApplication.translate("PhotoField", "写真を選ぶ…"), self
        )
        self.clear_button = QPushButton(
            QCoreApplication.translate("PhotoField", "写真を外す"), self
        )
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

    def photo(self) -> bytes | None:
        return self._photo

    def set_photo(self, data: bytes | None) -> None:
        self._photo = data
        self._show()

    def choose(self) -> None:
        path = choose_image(self._prompts, self)
        if path is None:
            return
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._refuse(
                QCoreApplication.translate("PhotoField", "ファイルを読めません: {error}").format(
                    error=exc.strerror or exc
                )
            )
            return
        if size > MAX_SOURCE_BYTES:
            self._refuse(
                QCoreApplication.translate(
                    "PhotoField", "写真のファイルが大きすぎます(50MBまで): {name}"
                ).format(name=path.name)
            )
            return
        image = QImage(str(path))
        if image.isNull():
            self._prompts.warn(
                self,
                title=QCoreApplication.translate("PhotoField", "写真"),
                text=QCoreApplication.translate(
                    "PhotoField", "画像として読めないファイルです: {name}"
                ).format(name=path.name),
            )
            return
        data = path.read_bytes()
        if len(data) > MAX_STORED_BYTES:
            data = encode_at_most(image, MAX_SIDE, "JPEG", 90)
        self.set_photo(data)
        self.changed.emit()

    def _refuse(self, text: str) -> None:
        self._prompts.warn(self, title=QCoreApplication.translate("PhotoField", "写真"), text=text)

    def clear(self) -> None:
        if self._photo is None:
            return
        self.set_photo(None)
        self.changed.emit()

    def _show(self) -> None:
        self.clear_button.setEnabled(self._photo is not None)
        if self._photo is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(QCoreApplication.translate("PhotoField", "写真なし"))
            return
        show_thumbnail(
            self.thumbnail,
            self._photo,
            THUMBNAIL,
            QCoreApplication.translate("PhotoField", "表示できません"),
        )


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
