"""The detail form of an area: name, kind, parent in the tree, and statistics."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.areas import AreaService, AreaStatistics, statistics_of
from coordinator_app.ui.common.fields import DateField, NumberField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.pickers import EnumCombo, Option, RecordCombo
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.dates import DateFormat


class RateField(QLineEdit):
    """A percentage such as ``27.8`` (``27.8%``, full-width digits accepted); empty: unknown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(120)
        self.setPlaceholderText(QCoreApplication.translate("RateField", "例: 27.8"))

    def rate(self) -> float | None:
        text = unicodedata.normalize("NFKC", self.text()).strip().removesuffix("%").strip()
        if not text:
            return None
        value = float(text)
        if math.isnan(value) or math.isinf(value):
            raise ValueError(text)
        return value

    def set_rate(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")

    def input_error(self) -> str | None:
        try:
            self.rate()
        except ValueError:
            return QCoreApplication.translate("RateField", "数字で入力してください(例: 27.8)")
        return None


def statistics_text(stats: AreaStatistics, dates: DateFormat) -> str:
    """``人口 478,570人・世帯数 218,097・高齢化率 27.8%(令和4年9月30日現在)``."""
    parts: list[str] = []
    if stats.population is not None:
        parts.append(
            QCoreApplication.translate("AreaEditor", "人口 {n}人").format(n=f"{stats.population:,}")
        )
    if stats.households is not None:
        parts.append(
            QCoreApplication.translate("AreaEditor", "世帯数 {n}").format(n=f"{stats.households:,}")
        )
    if stats.aging_rate is not None:
        parts.append(
            QCoreApplication.translate("AreaEditor", "高齢化率 {rate}%").format(
                rate=f"{stats.aging_rate:g}"
            )
        )
    if not parts:
        return ""
    text = QCoreApplication.translate("AreaEditor", "・").join(parts)
    if stats.as_of is not None:
        text += QCoreApplication.translate("AreaEditor", "({date}現在)").format(
            date=dates.format(stats.as_of)
        )
    return text


class AreaEditor(RecordEditor):
    """Name, reading, kind, parent area, statistics and notes of an area."""

    kind = RecordKind.AREA

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.kind_combo = EnumCombo(AreaKind)
        self.parent_combo = RecordCombo(none_text=self.tr("(なし・最上位)"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(120)
        self.population_field = NumberField()
        self.households_field = NumberField()
        self.aging_rate_field = RateField()
        self.stats_as_of_field = DateField(ctx.dates)
        self.stats_as_of_field.setToolTip(self.tr("令和4年9月末日 のようにも入力できます"))
        self.statistics_label = QLabel()
        self.statistics_label.setObjectName("area_statistics")
        self.statistics_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statistics_label.setWordWrap(True)
        form = self.add_form(FieldForm())
        form.add_field("name", self.tr("地域名"), self.name_edit, required=True)
        form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        form.add_field("kind", self.tr("種別"), self.kind_combo, required=True)
        form.add_field("parent_id", self.tr("上位地域"), self.parent_combo)
        form.add_field("notes", self.tr("メモ"), self.notes_edit)
        stats = self.add_form(FieldForm())
        stats.add_field("population", self.tr("人口(人)"), self.population_field)
        stats.add_field("households", self.tr("世帯数"), self.households_field)
        stats.add_field("aging_rate", self.tr("高齢化率(%)"), self.aging_rate_field)
        stats.add_field("stats_as_of", self.tr("基準日"), self.stats_as_of_field)
        stats_title = QLabel(self.tr("地域の統計"))
        font = stats_title.font()
        font.setBold(True)
        stats_title.setFont(font)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.statistics_label)
        column.addWidget(form)
        column.addWidget(stats_title)
        column.addWidget(stats)
        self.add_scrolled(holder)
        self.first_field = self.name_edit

    @property
    def service(self) -> AreaService:
        return self.ctx.services.areas

    def new_heading(self) -> str:
        return self.tr("新しい地域")

    def blank(self) -> Record:
        return Area(name="", kind=AreaKind.DAILY_LIFE_AREA)

    def refresh_choices(self) -> None:
        own_id = self.current_id
        self.parent_combo.set_options(
            Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
            for node in self.service.tree()
            if node.area.id != own_id
        )

    def fill(self, record: Any) -> None:
        area: Area = record
        self.name_edit.setText(area.name)
        self.kana_edit.setText(area.kana)
        self.kind_combo.set_value(area.kind)
        self.parent_combo.set_current_value(area.parent_id)
        self.notes_edit.setPlainText(area.notes)
        self.population_field.set_number(area.population)
        self.households_field.set_number(area.households)
        self.aging_rate_field.set_rate(area.aging_rate)
        self.stats_as_of_field.set_date(area.stats_as_of)
        summary = statistics_text(statistics_of(area), self.ctx.dates)
        self.statistics_label.setText(summary)
        self.statistics_label.setVisible(bool(summary))

    def apply(self, record: Any) -> None:
        area: Area = record
        area.name = self.name_edit.text()
        area.kana = self.kana_edit.text()
        area.kind = self.kind_combo.value()
        area.parent_id = self.parent_combo.current_value()  # type: ignore[assignment]
        area.notes = self.notes_edit.toPlainText()
        area.population = self.population_field.number()
        area.households = self.households_field.number()
        area.aging_rate = self.aging_rate_field.rate()
        area.stats_as_of = self.stats_as_of_field.date()
