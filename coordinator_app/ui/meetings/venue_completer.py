"""会場 completion: the venues of recent meetings, a list the user can prune, and a
popup that opens above the field so that it never hides the fields still to fill.

- offered: the venues of live meetings held in the last :data:`VENUE_YEARS`
  years (and planned ones), most recently used first;
- Delete (or Shift+Delete) on a highlighted suggestion removes it from the
  suggestions for good (a typo, a hall that closed); the meetings keep it;
- the popup shows at most :data:`VISIBLE_VENUES` rows, above the field;
- the venues are read when the field first gets the focus (or :attr:`venues` is
  asked for), not when the form is built: most forms are opened to read.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, QPoint, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from coordinator_app.services.meetings import MeetingService
from coordinator_app.ui.settings import AppSettings

VENUE_YEARS = 2
"""Venues of meetings older than this are no longer suggested."""
VISIBLE_VENUES = 5
HIDDEN_SETTING = "meetings/hidden_venues"


class HiddenVenues:
    """Venues the user removed from the suggestions (per user, as a JSON list)."""

    def __init__(self, settings: AppSettings) -> None:
        self._settings = settings

    def names(self) -> set[str]:
        raw = self._settings.store.value(HIDDEN_SETTING, "")
        try:
            values = json.loads(str(raw)) if raw else []
        except ValueError:
            return set()
        return {str(v) for v in values} if isinstance(values, list) else set()

    def add(self, venue: str) -> None:
        names = self.names() | {venue}
        self._settings.store.setValue(HIDDEN_SETTING, json.dumps(sorted(names), ensure_ascii=False))


class VenueCompleter(QCompleter):
    """The completer of one 会場 field (see the module docstring)."""

    def __init__(self, edit: QLineEdit, meetings: MeetingService, settings: AppSettings) -> None:
        self._venues = QStringListModel()
        super().__init__(self._venues, edit)
        self._venues.setParent(self)
        self._stale = True
        self._edit = edit
        self._meetings = meetings
        self.hidden = HiddenVenues(settings)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(VISIBLE_VENUES)
        edit.setCompleter(self)
        edit.setToolTip(
            self.tr("以前の会場から選べます。候補の上で Delete を押すと候補から外します")
        )
        self.popup().installEventFilter(self)
        edit.installEventFilter(self)

    @property
    def venues(self) -> QStringListModel:
        """The suggestions (read now if they were not yet, or are out of date)."""
        if self._stale:
            self.load()
        return self._venues

    @property
    def loaded(self) -> bool:
        return not self._stale

    def refresh(self) -> None:
        """The venues changed: read them again when next needed (at once if the
        field has the focus)."""
        self._stale = True
        if self._edit.hasFocus():
            self.load()

    def load(self, today: date | None = None) -> None:
        """Read the suggestions (recent live meetings' venues, minus the removed)."""
        since = (today or date.today()) - timedelta(days=365 * VENUE_YEARS)
        hidden = self.hidden.names()
        self._stale = False
        self._venues.setStringList(
            [v for v in self._meetings.venues(since=since) if v not in hidden]
        )

    def remove(self, venue: str) -> None:
        """Never suggest ``venue`` again (the meetings that used it keep it)."""
        self.hidden.add(venue)
        self.load()
        if self.popup().isVisible():
            self.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            if event.type() == QEvent.Type.FocusIn and self._stale:
                self.load()
            return super().eventFilter(watched, event)
        popup = self.popup()
        if watched is popup:
            if event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if event.key() == Qt.Key.Key_Delete:
                    index = popup.currentIndex()
                    if index.isValid():
                        self.remove(str(index.data()))
                        return True
            elif event.type() in (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize):
                self._place_above()
        return super().eventFilter(watched, event)

    def _place_above(self) -> None:
        """Above the field: what lies below it (開催方法, 定員…) stays visible."""
        popup = self.popup()
        top_left = self._edit.mapToGlobal(QPoint(0, 0))
        target = QPoint(top_left.x(), top_left.y() - popup.height())
        screen = self._edit.screen()
        if screen is not None and target.y() < screen.availableGeometry().top():
            return  # no room above (the field is at the top of the screen): Qt's place
        if popup.pos() != target:
            popup.move(target)
