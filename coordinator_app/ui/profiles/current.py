"""The current user: the profile chosen on this machine for the open database.

Every view asks here instead of keeping its own copy, so a change of profile
(announced with ``sig_display_changed``) is seen everywhere at once.

A desk logged in to a sync server has no choice: its user is the server
account (:func:`follow_account`), with the account's role, and the picker
only shows who is logged in until the desk logs out. A desk that never
connects chooses its profile as before.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.access import Account
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.registry import Services
from coordinator_app.services.storage_errors import WRITE_ERRORS
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.settings import AppSettings


def profile_of(settings: AppSettings, services: Services) -> UserProfile | None:
    """The profile chosen on this machine for ``services``' database (None: none, or
    deleted); while the desk is logged in, the server account's profile whatever was
    chosen. The services' :class:`~coordinator_app.services.access.Actor` asks this."""
    account = services.actor.account
    profile_id = (
        account.profile_id if account is not None else settings.profile_id(services.db.path)
    )
    if profile_id is None:
        return None
    try:
        return services.profiles.get(profile_id)
    except NotFoundError:
        return None


def follow_profile(settings: AppSettings, services: Services) -> None:
    """Make every service check its writes against the profile chosen in ``settings``."""
    services.actor.follow(lambda: profile_of(settings, services))


def current_profile(ctx: UiContext) -> UserProfile | None:
    """The profile in use; None when none was chosen or it has been deleted."""
    return profile_of(ctx.settings, ctx.services)


def may_write(ctx: UiContext) -> bool:
    """False for a supervisor's profile: records are read (and progress reviewed) only.

    The same answer the services' guard gives, so the window greys out exactly what
    the services would refuse."""
    return ctx.services.actor.may_write


def read_only_tip(*, logged_in: bool = False) -> str:
    """The tooltip of a control greyed out for a supervisor's profile (``logged_in``:
    a supervisor's server account, whose role only the admin changes)."""
    if logged_in:
        return QCoreApplication.translate(
            "profiles",
            "ログイン中のアカウントは上司(確認者)なので、閲覧と確認だけができます"
            "(サーバーもそれ以外の変更を受け付けません)",
        )
    return QCoreApplication.translate(
        "profiles",
        "上司(確認者)のプロファイルでは閲覧と確認だけができます。"
        "記録・編集はコーディネーターのプロファイルで行ってください(ツール → 利用者の切り替え)",
    )


def is_supervisor(ctx: UiContext) -> bool:
    """True when the current user reviews (project data is then read-only)."""
    profile = current_profile(ctx)
    return profile is not None and profile.role == ProfileRole.SUPERVISOR


def needs_profile(ctx: UiContext) -> bool:
    """True at first start (or when the chosen profile no longer exists)."""
    return current_profile(ctx) is None


def logged_in_account(ctx: UiContext) -> Account | None:
    """The server account this desk is logged in as; None while it works alone."""
    return ctx.services.actor.account


def may_switch_profile(ctx: UiContext) -> bool:
    """False while logged in: the user is the server account, nobody else."""
    return logged_in_account(ctx) is None


def set_current_profile(ctx: UiContext, profile_id: uuid.UUID | None) -> None:
    """Use ``profile_id`` from now on and let every view re-check what it may edit.

    Ignored while the desk is logged in as another account's profile."""
    account = logged_in_account(ctx)
    if account is not None and profile_id != account.profile_id:
        return
    if ctx.settings.profile_id(ctx.services.db.path) == profile_id:
        return
    ctx.settings.set_profile_id(ctx.services.db.path, profile_id)
    ctx.settings.sync()
    ctx.events.sig_display_changed.emit()


def follow_account(ctx: UiContext, account: Account | None) -> None:
    """The desk logged in as ``account`` (None: it logged out).

    Logged in, the profile in use is the account's: made present on this desk if
    the pull has not brought it yet, given the account's role, and remembered as
    this database's choice (so it stays after a logout). Every view then re-checks
    what it may edit (a supervisor's account reads and reviews only).
    """
    services = ctx.services
    services.actor.account = account
    if account is not None:
        try:
            services.profiles.adopt_account(account.profile_id, account)
        except (ValidationError, *WRITE_ERRORS):
            pass  # a read-only or full disk: the pulled profile will do, the role holds
        ctx.settings.set_profile_id(services.db.path, account.profile_id)
        ctx.settings.sync()
    ctx.events.sig_display_changed.emit()


def account_text(account: Account) -> str:
    """``takahashi — コーディネーター``: the account and its role on the server."""
    return f"{account.name} — {role_label(account.role)}"


def role_label(role: ProfileRole | None) -> str:
    """コーディネーター or 上司(確認者), in the current UI language."""
    if role == ProfileRole.SUPERVISOR:
        return QCoreApplication.translate("profiles", "上司(確認者)")
    if role == ProfileRole.COORDINATOR:
        return QCoreApplication.translate("profiles", "コーディネーター")
    if role == ProfileRole.ADMIN:
        return QCoreApplication.translate("profiles", "管理者")
    return ""


def profile_text(profile: UserProfile) -> str:
    """``高橋 美咲 — コーディネーター`` or ``山本 健 — 係長・上司(確認者)``.

    A title that already names the role (``第1層コーディネーター``) stands alone:
    ``高橋 美咲 — 第1層コーディネーター``, never ``…コーディネーター・コーディネーター``.
    """
    role = role_label(profile.role)
    title = profile.title.strip()
    if role and title and (role in title or title in role):
        role = ""
    details = "・".join(d for d in (title, role) if d)
    return f"{profile.name} — {details}" if details else profile.name


_OWN_TIP = "write_gate_tip"
_ROLE_READ_ONLY = "read_only_by_role"


def gate_writes(ctx: UiContext, controls: Iterable[QWidget | QAction], *, enabled: bool) -> None:
    """Enable ``controls`` that change data when ``enabled`` and the profile may write.

    Greyed out for a supervisor, with :func:`read_only_tip` as tooltip (the control's
    own tooltip comes back when the profile changes).
    """
    writable = may_write(ctx)
    tip = read_only_tip(logged_in=logged_in_account(ctx) is not None)
    for control in controls:
        if control.property(_OWN_TIP) is None:
            control.setProperty(_OWN_TIP, control.toolTip())
        control.setEnabled(enabled and writable)
        control.setToolTip(control.property(_OWN_TIP) if writable else tip)


def set_fields_read_only(forms: Iterable[QWidget], read_only: bool) -> None:
    """Make the fields of ``forms`` read-only (texts stay selectable) or editable again.

    Only what this function made read-only is made editable again, so a field a
    form keeps read-only for its own reasons stays so.
    """
    for form in forms:
        for widget in form.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
                if read_only and not widget.isReadOnly():
                    widget.setReadOnly(True)
                    widget.setProperty(_ROLE_READ_ONLY, True)
                elif not read_only and widget.property(_ROLE_READ_ONLY):
                    widget.setReadOnly(False)
                    widget.setProperty(_ROLE_READ_ONLY, False)
            elif isinstance(widget, QComboBox | QAbstractButton | QAbstractItemView):
                if read_only and widget.isEnabled():
                    widget.setEnabled(False)
                    widget.setProperty(_ROLE_READ_ONLY, True)
                elif not read_only and widget.property(_ROLE_READ_ONLY):
                    widget.setEnabled(True)
                    widget.setProperty(_ROLE_READ_ONLY, False)
