"""The 通いの場 page: the place list (filters by area, kind, weekday, status) and the form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QWidget

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.gathering_place_editor import GatheringPlaceEditor
from coordinator_app.ui.gathering_places.gathering_place_model import GatheringPlaceTableModel
from coordinator_app.ui.gathering_places.guidebook_dialog import GuidebookDialog
from coordinator_app.ui.gathering_places.labels import status_labels, weekday_labels
from coordinator_app.ui.gathering_places.survey_window import SurveyWindow


class GatheringPlacePage(RecordPage):
    """Gathering places with filters by area (and the areas below it), kind, weekday, status."""

    kind = RecordKind.GATHERING_PLACE
    watched = frozenset({RecordKind.AREA, RecordKind.ORGANISATION})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=GatheringPlaceTableModel(ctx.services.gathering_places, ctx.dates),
            editor=GatheringPlaceEditor(ctx),
            parent=parent,
        )
        self.setObjectName("gathering_place_page")
        self.area_filter = self.add_filter_combo("area_id", self.tr("すべての地域"), [])
        self.kind_filter = self.add_filter_combo("kind", self.tr("すべての種類"), [])
        self.weekday_filter = self.add_filter_combo(
            "weekday", self.tr("すべての曜日"), list(enumerate(weekday_labels()))
        )
        self.status_filter = self.add_filter_combo(
            "status", self.tr("すべての状況"), [(s.value, t) for s, t in status_labels().items()]
        )
        for combo in self.filter_combos.values():
            # Four filters share one row: let them shrink (long area names are
            # still readable in the open list) so the page fits a small screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
        self._fill_choice_filters()
        ctx.events.sig_records_changed.connect(self._choices_changed)
        self.action_guidebook = QAction(self.tr("ガイドブックを作成…"), self)
        self.action_guidebook.setToolTip(
            self.tr("活動中の通いの場を地区ごとにまとめた冊子(PDF)を作ります")
        )
        self.action_guidebook.triggered.connect(self.open_guidebook)
        self.add_page_action(self.action_guidebook)
        self.guidebook_dialog: GuidebookDialog | None = None
        self.action_surveys = QAction(self.tr("調査…"), self)
        self.action_surveys.setToolTip(
            self.tr("通いの場調査: 質問票、回答の入力・取り込み、通いの場への反映、集計")
        )
        self.action_surveys.triggered.connect(self.open_surveys)
        self.add_page_action(self.action_surveys)
        self.survey_window: SurveyWindow | None = None

    def open_guidebook(self) -> GuidebookDialog:
        """The guidebook window (one per page, brought to the front when open)."""
        if self.guidebook_dialog is None:
            self.guidebook_dialog = GuidebookDialog(self.ctx, self)
        self.guidebook_dialog.show()
        self.guidebook_dialog.raise_()
        return self.guidebook_dialog

    def open_surveys(self) -> SurveyWindow:
        """The survey window (one per page, brought to the front when open)."""
        if self.survey_window is None:
            self.survey_window = SurveyWindow(self.ctx, self)
        self.survey_window.show()
        self.survey_window.raise_()
        self.survey_window.activateWindow()
        return self.survey_window

    def filter_value(self, key: str, data: object) -> object:
        if key == "status" and data is not None:
            return GatheringPlaceStatus(str(data))
        return data

    def _choices_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.AREA, RecordKind.GATHERING_PLACE):
            self._fill_choice_filters()

    def _fill_choice_filters(self) -> None:
        services = self.ctx.services
        areas = [
            (node.area.id, "　" * node.depth + node.area.name) for node in services.areas.tree()
        ]
        _refill(self.area_filter, areas)
        kinds = services.gathering_places.kinds()
        # Shown in the window's language; filtering uses the stored (Japanese) kind.
        _refill(
            self.kind_filter,
            [(k, QCoreApplication.translate("GatheringPlaceKind", k)) for k in kinds],
        )


def _refill(combo: QComboBox, choices: list[tuple[object, str]]) -> None:
    """Replace a filter's choices, keeping the chosen one when it still exists."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        while combo.count() > 1:
            combo.removeItem(1)
        for value, text in choices:
            combo.addItem(text, value)
        index = next((i for i in range(combo.count()) if combo.itemData(i) == chosen), 0)
        combo.setCurrentIndex(index)
    finally:
        combo.blockSignals(False)
