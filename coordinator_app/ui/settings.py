"""Per-user preferences of this machine: language, date style, window layout.

Stored with QSettings (INI format). The composition root decides where the
file lives; tests point it at a temporary path.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from coordinator_app.services.reviews import DEFAULT_STALLED_DAYS

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
MAX_STALLED_DAYS = 365


def settings_store(path: Path | None = None) -> QSettings:
    """A QSettings in INI format, at ``path`` or in the per-user config location."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "coordinator-app",
        "coordinator-app",
    )


class AppSettings:
    """Typed access to the preferences in a QSettings store."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    # -- preferences -------------------------------------------------------------

    @property
    def language(self) -> str:
        value = str(self.store.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.store.setValue("ui/language", value)

    @property
    def wareki(self) -> bool:
        """Show dates in the Japanese era (令和4年4月1日) instead of 2022-04-01."""
        return _as_bool(self.store.value("ui/wareki", False))

    @wareki.setter
    def wareki(self, value: bool) -> None:
        self.store.setValue("ui/wareki", bool(value))

    # -- current user and review -------------------------------------------------

    def profile_id(self, database: Path) -> uuid.UUID | None:
        """The profile chosen on this machine for ``database``; None before the first choice.

        Kept per database file: profiles live in the database, so the demo copy
        or a second database must not overwrite the choice made for the real one.
        """
        value = self.store.value(_profile_key(database))
        try:
            return uuid.UUID(str(value)) if value else None
        except ValueError:
            return None

    def set_profile_id(self, database: Path, profile_id: uuid.UUID | None) -> None:
        if profile_id is None:
            self.store.remove(_profile_key(database))
        else:
            self.store.setValue(_profile_key(database), str(profile_id))

    @property
    def stalled_days(self) -> int:
        """Days without a progress entry after which an active project counts as stalled."""
        try:
            value = int(self.store.value("review/stalled_days", DEFAULT_STALLED_DAYS))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_STALLED_DAYS
        return min(max(value, 1), MAX_STALLED_DAYS)

    @stalled_days.setter
    def stalled_days(self, value: int) -> None:
        self.store.setValue("review/stalled_days", min(max(int(value), 1), MAX_STALLED_DAYS))

    # -- layout ------------------------------------------------------------------

    @property
    def last_page(self) -> int:
        try:
            return int(self.store.value("window/last_page", 0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0

    @last_page.setter
    def last_page(self, value: int) -> None:
        self.store.setValue("window/last_page", int(value))

    def layout_state(self, key: str) -> QByteArray | None:
        """A saved geometry or splitter state, None when never saved."""
        value = self.store.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout_state(self, key: str, state: QByteArray) -> None:
        self.store.setValue(f"layout/{key}", state)

    def sync(self) -> None:
        self.store.sync()


@functools.lru_cache(maxsize=16)
def _profile_key(database: Path) -> str:
    # Cached: every control that writes asks for the profile (resolve() reads the
    # file system for each component of the path).
    digest = hashlib.sha1(str(database.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"profile/{digest}"


def _as_bool(value: object) -> bool:
    # INI files give "true"/"false" strings back.
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)
