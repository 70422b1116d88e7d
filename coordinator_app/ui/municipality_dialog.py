"""The municipality profile: who issues the flyers, minutes and reports.

Flyers print it in their お問い合わせ box, minutes and the activity report
name it as the issuer. Reached from ファイル > 自治体の情報… and asked once at
first start (after the user profile; skippable).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.settings import MAX_LOGO_BYTES, MunicipalityProfile
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.photo_field import ImageField
from coordinator_app.ui.common.saving import cannot_save, save_form, show_errors
from coordinator_app.ui.context import UiContext

LOGO_THUMBNAIL = QSize(160, 80)
LOGO_MAX_SIDE = 1200
"""A logo file over the stored limit is scaled down to this many pixels a side."""

_TEXT_FIELDS = (
    "name",
    "department",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "reception_hours",
)


class LogoField(ImageField):
    """Pick (through the prompts service), show and remove the municipality's logo.

    A file that is not an image is refused with a message under the field;
    a big one is scaled down to PNG (PNG keeps transparency).

    Signals:
        refused(str): the picked file cannot be a logo (the Japanese reason).
    """

    refused = Signal(str)
    thumbnail_size = LOGO_THUMBNAIL
    max_stored_bytes = MAX_LOGO_BYTES
    max_side = LOGO_MAX_SIDE
    stored_format = ("PNG", -1)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx.prompts,
            QCoreApplication.translate("LogoField", "ロゴ画像を選ぶ…"),
            QCoreApplication.translate("LogoField", "ロゴを外す"),
            parent,
        )

    def logo(self) -> bytes | None:
        return self.image()

    def set_logo(self, data: bytes | None) -> None:
        self.set_image(data)

    def refuse(self, text: str) -> None:
        self.refused.emit(text)

    def unreadable_file_text(self, path: Path, exc: OSError) -> str:
        return QCoreApplication.translate(
            "LogoField", "ファイル「{name}」を開けません: {error}"
        ).format(name=path.name, error=exc.strerror or exc)

    def too_big_text(self, path: Path) -> str:
        return QCoreApplication.translate(
            "LogoField", "「{name}」は大きすぎます(50MBまで)。"
        ).format(name=path.name)

    def not_an_image_text(self, path: Path) -> str:
        return QCoreApplication.translate(
            "LogoField",
            "「{name}」は画像として読めません(PNG・JPEG などを選んでください)。",
        ).format(name=path.name)

    def empty_text(self) -> str:
        return QCoreApplication.translate("LogoField", "ロゴなし")

    def undisplayable_text(self) -> str:
        return QCoreApplication.translate("LogoField", "表示できません")


class MunicipalityDialog(QDialog):
    """Edit the municipality profile; 保存 stores it in one transaction.

    A refused save keeps everything typed and shows each message under its
    field. ``skippable`` (first start) names the cancel button あとで入力する.

    Attributes:
        saved: the stored profile once 保存 succeeded.
    """

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, skippable: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: MunicipalityProfile | None = None
        self._profile = ctx.services.settings.municipality()
        self.setWindowTitle(self.tr("自治体の情報"))
        intro = QLabel(
            self.tr(
                "チラシの「お問い合わせ」欄、議事録と活動報告の発行者として印刷されます。"
                "あとで「ファイル > 自治体の情報」から変更できます。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {name: QLineEdit(self) for name in _TEXT_FIELDS}
        self.edits["name"].setPlaceholderText(self.tr("例: 福生市"))
        self.edits["department"].setPlaceholderText(self.tr("例: 福祉保健部 介護福祉課 地域支援係"))
        self.edits["phone"].setPlaceholderText(self.tr("例: 042-551-1511"))
        self.edits["fax"].setPlaceholderText(self.tr("例: 042-530-5800"))
        self.edits["email"].setPlaceholderText(self.tr("例: chiiki@city.example.lg.jp"))
        self.edits["website"].setPlaceholderText(self.tr("例: https://www.city.example.lg.jp/"))
        self.edits["reception_hours"].setPlaceholderText(
            self.tr("例: 平日 8時30分〜17時15分(土日祝日・年末年始を除く)")
        )
        self.logo_field = LogoField(ctx, self)
        self.form = FieldForm(self)
        labels = {
            "name": self.tr("自治体名"),
            "department": self.tr("担当部署"),
            "address": self.tr("住所"),
            "phone": self.tr("電話"),
            "fax": self.tr("FAX"),
            "email": self.tr("メール"),
            "website": self.tr("ウェブ"),
            "reception_hours": self.tr("受付時間"),
        }
        for name in _TEXT_FIELDS:
            self.form.add_field(name, labels[name], self.edits[name])
            self.edits[name].setText(getattr(self._profile, name))
        self.form.add_field("logo", self.tr("ロゴ"), self.logo_field)
        self.logo_field.set_logo(self._profile.logo)
        self.logo_field.refused.connect(self._logo_refused)
        self.logo_field.changed.connect(lambda: self.form.error_label("logo").hide())

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("あとで入力する") if skippable else self.tr("キャンセル"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def profile(self) -> MunicipalityProfile:
        """The profile as the form shows it (the fields not on this form kept as stored)."""
        values = {name: self.edits[name].text() for name in _TEXT_FIELDS}
        return MunicipalityProfile(
            **values,
            role_explanation=self._profile.role_explanation,
            default_consult_topics=self._profile.default_consult_topics,
            logo=self.logo_field.logo(),
        )

    def save(self) -> bool:
        """Store the form; on a refusal show the messages by the fields and keep the form."""
        outcome = save_form(
            lambda: self.ctx.services.settings.save_municipality(self.profile()),
            forms=[self.form],
            show=self._show,
            warn=cannot_save(self.ctx.prompts, self),
        )
        if outcome.stored is None:
            return False
        self.saved = self._profile = outcome.stored
        self.accept()
        return True

    def _show(self, errors: dict[str, str]) -> None:
        first = show_errors([self.form], errors)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _logo_refused(self, message: str) -> None:
        self.form.show_errors({"logo": message})


def ask_for_municipality(
    ctx: UiContext, parent: QWidget | None = None
) -> MunicipalityProfile | None:
    """At first start: the municipality profile, unless one is stored; the user may skip it.

    Returns:
        The stored profile, or None when skipped.
    """
    if ctx.services.settings.municipality().name:
        return None
    dialog = MunicipalityDialog(ctx, parent, skippable=True)
    dialog.exec()
    return dialog.saved
