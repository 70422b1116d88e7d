"""Issue 10: a date field says why a date-shaped text is not a date."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.dates import DateFormat


def test_date_errors_say_why(qtbot: QtBot) -> None:
    field = DateField(DateFormat(wareki=True))
    qtbot.addWidget(field)
    expected = {
        "2023-02-30": "2023年2月は28日までです(2月30日はありません)",
        "2023年4月31日": "2023年4月は30日までです(4月31日はありません)",
        "令和元年4月30日": "令和は2019年5月1日から。この日は平成31年4月30日です",
        "令和5年2月29日": "令和5年2月は28日までです",
        "きのう": "日付として読めません(例: 2022-04-01、令和4年4月1日)",
    }
    for text, message in expected.items():
        field.setText(text)
        error = field.input_error()
        assert error is not None and message in error, (text, error)
    field.setText("令和元年5月1日")
    assert field.input_error() is None
