"""A photo of a progress entry at full size (opened from a timeline thumbnail)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class PhotoDialog(QDialog):
    """Shows the image at 100 % in a scroll area; Esc or 閉じる closes it.

    Attributes:
        image: the decoded photo (null when the bytes are not an image).
    """

    def __init__(self, *, filename: str, content: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(filename)
        data = QBuffer()
        data.setData(QByteArray(content))
        data.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(data)
        reader.setAutoTransform(True)  # phone photos stand the right way up
        self.image: QImage = reader.read()
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        if self.image.isNull():
            self.label.setText(
                self.tr("「{name}」は画像として表示できません").format(name=filename)
            )
        else:
            self.label.setPixmap(QPixmap.fromImage(self.image))
        area = QScrollArea(self)
        area.setWidget(self.label)
        area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area.setWidgetResizable(self.image.isNull())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableSize() * 0.85 if screen is not None else None
        width, height = self.image.width() + 40, self.image.height() + 80
        if available is not None:
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(max(width, 320), max(height, 200))
