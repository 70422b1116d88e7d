"""The current user: the profile chosen on this machine for the open database.

Every view asks here instead of keeping its own copy, so a change of profile
(announced with ``sig_display_changed``) is seen everywhere at once.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.services.base import NotFoundError
from coordinator_app.ui.context import UiContext


def current_profile(ctx: UiContext) -> UserProfile | None:
    """The profile in use; None when none was chosen or it has been deleted."""
    profile_id = ctx.settings.profile_id(ctx.services.db.path)
    if profile_id is None:
        return None
    try:
        return ctx.services.profiles.get(profile_id)
    except NotFoundError:
        return None


def is_supervisor(ctx: UiContext) -> bool:
    """True when the current user reviews (project data is then read-only)."""
    profile = current_profile(ctx)
    return profile is not None and profile.role == ProfileRole.SUPERVISOR


def needs_profile(ctx: UiContext) -> bool:
    """True at first start (or when the chosen profile no longer exists)."""
    return current_profile(ctx) is None


def set_current_profile(ctx: UiContext, profile_id: uuid.UUID | None) -> None:
    """Use ``profile_id`` from now on and let every view re-check what it may edit."""
    if ctx.settings.profile_id(ctx.services.db.path) == profile_id:
        return
    ctx.settings.set_profile_id(ctx.services.db.path, profile_id)
    ctx.settings.sync()
    ctx.events.sig_display_changed.emit()


def role_label(role: ProfileRole | None) -> str:
    """コーディネーター or 上司(確認者), in the current UI language."""
    if role == ProfileRole.SUPERVISOR:
        return QCoreApplication.translate("profiles", "上司(確認者)")
    if role == ProfileRole.COORDINATOR:
        return QCoreApplication.translate("profiles", "コーディネーター")
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
