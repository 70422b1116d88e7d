"""Issue 18: the survey results' .xlsx follows the window's language like the activity
report's: sheet names, headers and the app's words in English in the English window,
Japanese in the Japanese one; the user's words (places, areas, questions) as typed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import GatheringPlace, SurveyQuestion, SurveyRound
from coordinator_app.domain.surveys import QuestionKind
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.gathering_place_page import GatheringPlacePage
from coordinator_app.ui.gathering_places.survey_window import TAB_RESULTS
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, "en") if request.param == "en" else []
    yield request.param
    remove_translators(qapp, translators)


def _a_round(services: Services, make: Factory) -> None:
    area = make.area("児島", parent=make.city("倉敷市"))
    place = services.gathering_places.save(
        GatheringPlace(
            name="ひだまりサロン", kind="サロン", area_id=area.id, schedule_text="毎週火曜"
        )
    )
    survey = services.surveys.save_round(
        SurveyRound(name="令和6年度 通いの場調査", fiscal_year=2024, starts_on=date(2024, 6, 1))
    )
    question = services.surveys.save_question(
        SurveyQuestion(
            round_id=survey.id,
            prompt="ふだんの参加者数",
            kind=QuestionKind.NUMBER,
            place_field="usual_attendance",
        )
    )
    services.surveys.save_answers(survey.id, place.id, {question.id: "12"})


def test_the_survey_results_workbook_is_in_the_windows_language(
    language: str,
    qtbot: QtBot,
    ctx: UiContext,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    _a_round(ctx.services, make)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    index = next(i for i, p in enumerate(window.pages) if isinstance(p, GatheringPlacePage))
    window.show_page(index)
    page = window.pages[index]
    assert isinstance(page, GatheringPlacePage)
    page.action_surveys.trigger()
    survey = page.survey_window
    assert survey is not None
    survey.round_list.setCurrentRow(0)
    survey.tabs.setCurrentIndex(TAB_RESULTS)
    out = tmp_path / "results.xlsx"
    prompts.save_files.append(out)
    qtbot.mouseClick(survey.results.export_button, Qt.MouseButton.LeftButton)
    assert prompts.saved and prompts.saved[0][0] == out
    book = load_workbook(out)
    if language == "en":
        assert book.sheetnames == [
            "About",
            "Answers",
            "By area and kind",
            "Weekdays without a place",
        ]
        assert book["About"]["A1"].value == "Results of 令和6年度 通いの場調査 (fiscal year 2024)"
        answers = book["Answers"]
        assert [c.value for c in answers[1]] == [
            "Gathering place",
            "Area",
            "Kind",
            "Q1 ふだんの参加者数",
        ]
        assert [c.value for c in book["By area and kind"][1]] == [
            "Area",
            "Kind",
            "Places",
            "Participants",
        ]
        gaps = book["Weekdays without a place"]
        assert [c.value for c in gaps[1]] == ["Area", "Places answered", "Weekdays without a place"]
        assert gaps["C2"].value == "Mon, Wed, Thu, Fri, Sat, Sun"
        for sheet in book.worksheets[1:]:  # the app's own words: English; the user's as typed
            for cell in sheet[1]:
                assert not JAPANESE.search(str(cell.value).replace("ふだんの参加者数", ""))
    else:
        assert book.sheetnames == ["説明", "回答", "地域・種類別", "通いの場がない曜日"]
        assert [c.value for c in book["回答"][1]] == [
            "通いの場",
            "地域",
            "種類",
            "問1 ふだんの参加者数",
        ]
        assert book["通いの場がない曜日"]["C2"].value == "月・水・木・金・土・日"
    assert book[book.sheetnames[1]]["A2"].value == "ひだまりサロン"
    assert book[book.sheetnames[1]]["D2"].value == "12"
    survey.close()
