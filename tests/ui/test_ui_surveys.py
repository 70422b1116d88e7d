"""通いの場調査 through the window: a round, its questions, answers for two places,
accepting them into a place, the results and their export, and an import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.models import GatheringPlace
from coordinator_app.domain.surveys import QuestionKind, SurveyStatus
from coordinator_app.storage.database import Database
from coordinator_app.ui.gathering_places.gathering_place_page import GatheringPlacePage
from coordinator_app.ui.gathering_places.survey_question_dialog import SurveyQuestionDialog
from coordinator_app.ui.gathering_places.survey_window import TAB_ANSWERS, TAB_RESULTS, SurveyWindow
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened
from tests.ui.fake_prompts import FakePrompts

CTRL = Qt.KeyboardModifier.ControlModifier


def _survey_window(qtbot: QtBot, window: MainWindow) -> SurveyWindow:
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.current_page
    assert isinstance(page, GatheringPlacePage)
    page.action_surveys.trigger()
    assert page.survey_window is not None
    qtbot.waitExposed(page.survey_window)
    qtbot.waitUntil(page.survey_window.isActiveWindow)  # its shortcuts (Ctrl+S …) work
    return page.survey_window


def _activate(qtbot: QtBot, survey: SurveyWindow) -> None:
    survey.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is survey)


def _add_question(
    qtbot: QtBot, survey: SurveyWindow, prompt: str, kind: str, field: str = ""
) -> SurveyQuestionDialog:
    qtbot.mouseClick(survey.questionnaire.add_button, Qt.MouseButton.LeftButton)
    dialog = survey.questionnaire.dialog
    assert dialog is not None
    enter(qtbot, dialog.prompt_edit, prompt)
    choose(dialog.kind_combo, kind)
    if field:
        choose(dialog.field_combo, field)
    accept(qtbot, dialog, dialog.save_button)
    return dialog


def _places(make: Factory, services: object) -> tuple[GatheringPlace, GatheringPlace]:
    city = make.city("倉敷市")
    kojima = make.area("児島", parent=city)
    save = services.gathering_places.save  # type: ignore[attr-defined]
    salon = save(
        GatheringPlace(
            name="ひだまりサロン",
            kana="ひだまりさろん",
            kind="サロン",
            area_id=kojima.id,
            usual_attendance=8,
            schedule_text="毎週火曜 10:00〜12:00",
        )
    )
    exercise = save(
        GatheringPlace(
            name="いきいき体操",
            kana="いきいきたいそう",
            kind="体操教室",
            area_id=kojima.id,
            schedule_text="毎週金曜",
        )
    )
    return salon, exercise


def test_a_survey_round_end_to_end(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    salon, exercise = _places(make, window.ctx.services)
    survey = _survey_window(qtbot, window)

    # A round.
    qtbot.mouseClick(survey.new_button, Qt.MouseButton.LeftButton)
    dialog = survey.round_dialog
    assert dialog is not None
    accept_refused = dialog.save_button
    qtbot.mouseClick(accept_refused, Qt.MouseButton.LeftButton)
    assert "調査名" in dialog.error_label.text()  # nothing typed: refused, dialog stays
    enter(qtbot, dialog.name_edit, "令和6年度 通いの場調査")
    dialog.year_spin.setValue(2024)
    enter(qtbot, dialog.starts_field, "2024-06-01")
    choose(dialog.status_combo, "実施中")
    accept(qtbot, dialog, dialog.save_button)
    assert survey.round_list.count() == 1

    # The questionnaire: a number, a choice mapped to the status, free text.
    _add_question(qtbot, survey, "ふだんの参加者数", "数値", "参加者数(ふだん)")
    status_dialog = _add_question(qtbot, survey, "活動の状況", "選択", "状況")
    assert status_dialog.options_edit.toPlainText() == "活動中\n休止中\n終了"
    _add_question(qtbot, survey, "困っていること", "記述")
    _add_question(qtbot, survey, "会場", "記述")
    survey.questionnaire.view.selectRow(3)
    prompts.answers.append(True)
    qtbot.mouseClick(survey.questionnaire.remove_button, Qt.MouseButton.LeftButton)
    survey.questionnaire.view.selectRow(2)
    qtbot.mouseClick(survey.questionnaire.up_button, Qt.MouseButton.LeftButton)
    assert [q.prompt for q in survey.questionnaire.questions] == [
        "ふだんの参加者数",
        "困っていること",
        "活動の状況",
    ]

    # Answers for two places, typed; a bad number is refused and kept.
    survey.tabs.setCurrentIndex(TAB_ANSWERS)
    _activate(qtbot, survey)  # the closed dialogs hand the keyboard back
    answers = survey.answers
    assert [answers.place_list.item(i).text().strip() for i in range(2)] == [
        "いきいき体操",
        "ひだまりサロン",
    ]
    answers.place_list.setCurrentRow(1)
    attendance, worries, status = survey.questionnaire.questions
    number = answers.inputs[attendance.id]
    assert isinstance(number, QLineEdit)
    qtbot.waitUntil(number.isVisible)  # the form is built for the round's questions
    enter(qtbot, number, "たくさん")
    qtbot.keyClick(number, Qt.Key.Key_S, CTRL)
    assert "問1" in answers.error_label.text() and number.text() == "たくさん"
    enter(qtbot, number, "15")
    enter(qtbot, answers.inputs[worries.id], "会場が狭い")  # type: ignore[arg-type]
    combo = answers.inputs[status.id]
    assert isinstance(combo, QComboBox)
    choose(combo, "活動中")
    qtbot.keyClick(number, Qt.Key.Key_S, CTRL)
    assert answers.error_label.text() == ""
    assert answers.place_list.item(1).text().startswith("✓")

    answers.place_list.setCurrentRow(0)
    enter(qtbot, answers.inputs[attendance.id], "10")  # type: ignore[arg-type]
    choose(answers.inputs[status.id], "休止中")  # type: ignore[arg-type]
    qtbot.keyClick(answers.inputs[attendance.id], Qt.Key.Key_Return, CTRL)
    assert answers.place_list.currentRow() == 1  # saved and moved on
    assert answers.inputs[attendance.id].text() == "15"  # type: ignore[union-attr]

    # Accept ひだまりサロン's answers: before -> after first, then stored.
    qtbot.mouseClick(answers.accept_button, Qt.MouseButton.LeftButton)
    accept_dialog = answers.accept_dialog
    assert accept_dialog is not None
    model = accept_dialog.view.model()
    shown = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert shown == [["参加者数(ふだん)", "8", "15"]]  # the status is unchanged (活動中)
    accept(qtbot, accept_dialog, accept_dialog.accept_button)

    # The results.
    survey.tabs.setCurrentIndex(TAB_RESULTS)
    results = survey.results
    assert "回答 2 か所" in results.summary.text() and "参加者 25 人" in results.summary.text()
    counts = results.counts_view.model()
    rows = [[counts.index(r, c).data() for c in range(4)] for r in range(counts.rowCount())]
    assert rows == [
        ["児島", "サロン", "1", "15"],
        ["児島", "体操教室", "1", "10"],
        ["合計", "", "2", "25"],
    ]
    gaps = results.gaps_view.model()
    assert gaps.index(0, 2).data() == "月・水・木・金・土・日"  # いきいき体操 is paused
    out = tmp_path / "集計.xlsx"
    prompts.save_files.append(out)
    qtbot.mouseClick(results.export_button, Qt.MouseButton.LeftButton)
    assert prompts.saved and prompts.saved[0][0] == out
    book = load_workbook(out)
    assert book["地域・種類別"]["D2"].value == "15"

    with reopened(db) as services:
        (stored,) = services.surveys.rounds()
        assert (stored.name, stored.fiscal_year, stored.status) == (
            "令和6年度 通いの場調査",
            2024,
            SurveyStatus.OPEN,
        )
        assert stored.starts_on is not None and stored.starts_on.isoformat() == "2024-06-01"
        questions = services.surveys.questions(stored.id)
        assert [(q.position, q.prompt, q.kind, q.place_field) for q in questions] == [
            (1, "ふだんの参加者数", QuestionKind.NUMBER, "usual_attendance"),
            (2, "困っていること", QuestionKind.TEXT, ""),
            (3, "活動の状況", QuestionKind.CHOICE, "status"),
        ]
        by_prompt = {q.prompt: q.id for q in questions}
        assert services.surveys.answers(stored.id, salon.id) == {
            by_prompt["ふだんの参加者数"]: "15",
            by_prompt["困っていること"]: "会場が狭い",
            by_prompt["活動の状況"]: "活動中",
        }
        assert services.surveys.answers(stored.id, exercise.id) == {
            by_prompt["ふだんの参加者数"]: "10",
            by_prompt["活動の状況"]: "休止中",
        }
        assert services.gathering_places.get(salon.id).usual_attendance == 15
        place = services.gathering_places.get(exercise.id)
        assert (place.usual_attendance, place.status) == (None, GatheringPlaceStatus.ACTIVE)


def test_answers_imported_through_the_wizard(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    salon, exercise = _places(make, window.ctx.services)
    services = window.ctx.services
    from coordinator_app.domain.models import SurveyQuestion, SurveyRound

    stored = services.surveys.save_round(
        SurveyRound(name="令和6年度 通いの場調査", fiscal_year=2024)
    )
    services.surveys.save_question(
        SurveyQuestion(
            round_id=stored.id,
            prompt="ふだんの参加者数",
            kind=QuestionKind.NUMBER,
            place_field="usual_attendance",
        )
    )
    source = tmp_path / "回答.csv"
    source.write_text(
        "通いの場名,ふだんの参加者数\nひだまりサロン,20\n知らない会,3\n", encoding="utf-8"
    )
    survey = _survey_window(qtbot, window)
    survey.tabs.setCurrentIndex(TAB_ANSWERS)
    prompts.open_files.append(source)
    qtbot.mouseClick(survey.answers.import_button, Qt.MouseButton.LeftButton)
    wizard = survey.answers.import_wizard
    assert isinstance(wizard, QWizard)
    qtbot.mouseClick(wizard.source_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.source_page.isComplete()
    wizard.next()
    assert wizard.state.mapping == {0: "place", 1: "q:ふだんの参加者数"}
    wizard.next()
    assert wizard.state.preview is not None
    assert wizard.state.preview.summary().startswith("1件を取り込めます")
    assert services.surveys.answered_places(stored.id) == set()
    wizard.next()  # 取り込む
    assert wizard.state.outcome is not None and wizard.state.outcome.committed
    assert survey.answers.place_list.item(1).text().startswith("✓")

    with reopened(db) as fresh:
        (question,) = fresh.surveys.questions(stored.id)
        assert fresh.surveys.answers(stored.id, salon.id) == {question.id: "20"}
        assert fresh.surveys.answers(stored.id, exercise.id) == {}


def test_answers_typed_are_never_lost(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    """Moving to another place saves what was typed; a bad answer keeps the user there;
    a place changed elsewhere reloads the list without dropping the typing."""
    salon, exercise = _places(make, window.ctx.services)
    services = window.ctx.services
    from coordinator_app.domain.models import SurveyQuestion, SurveyRound

    stored = services.surveys.save_round(
        SurveyRound(name="令和6年度 通いの場調査", fiscal_year=2024)
    )
    question = services.surveys.save_question(
        SurveyQuestion(round_id=stored.id, prompt="ふだんの参加者数", kind=QuestionKind.NUMBER)
    )
    survey = _survey_window(qtbot, window)
    survey.tabs.setCurrentIndex(TAB_ANSWERS)
    answers = survey.answers
    answers.place_list.setCurrentRow(0)  # いきいき体操
    number = answers.inputs[question.id]
    assert isinstance(number, QLineEdit)
    qtbot.waitUntil(number.isVisible)
    enter(qtbot, number, "たくさん")
    answers.place_list.setCurrentRow(1)
    assert answers.place_list.currentRow() == 0 and number.text() == "たくさん"
    assert "数ではありません" in answers.error_label.text()
    enter(qtbot, number, "9")
    answers.place_list.setCurrentRow(1)
    assert answers.current_place() is not None and answers.current_place().id == salon.id
    number = answers.inputs[question.id]
    enter(qtbot, number, "14")
    renamed = services.gathering_places.get(exercise.id)
    renamed.name = "いきいき百歳体操"
    services.gathering_places.save(renamed)  # published to the window after the commit
    number = answers.inputs[question.id]
    assert number.text() == "14"  # still typed, not saved yet
    assert answers.current_place() is not None and answers.current_place().id == salon.id

    with reopened(db) as fresh:
        assert fresh.surveys.answers(stored.id, exercise.id) == {question.id: "9"}
        assert fresh.surveys.answers(stored.id, salon.id) == {}


def test_a_supervisor_reads_the_surveys_only(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    from coordinator_app.domain.enums import ProfileRole
    from coordinator_app.domain.models import SurveyQuestion, SurveyRound, UserProfile

    _places(make, window.ctx.services)
    services = window.ctx.services
    stored = services.surveys.save_round(
        SurveyRound(name="令和6年度 通いの場調査", fiscal_year=2024)
    )
    services.surveys.save_question(SurveyQuestion(round_id=stored.id, prompt="困っていること"))
    boss = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと けん", role=ProfileRole.SUPERVISOR)
    )
    services.actor.follow(lambda: boss)
    survey = _survey_window(qtbot, window)
    survey.tabs.setCurrentIndex(TAB_ANSWERS)
    assert survey.round_list.count() == 1 and survey.answers.inputs
    for button in (
        survey.new_button,
        survey.delete_button,
        survey.questionnaire.add_button,
        survey.questionnaire.remove_button,
        survey.answers.save_button,
        survey.answers.accept_button,
        survey.answers.import_button,
    ):
        assert not button.isEnabled(), button.text()
    assert "上司" in survey.new_button.toolTip()
    survey.tabs.setCurrentIndex(TAB_RESULTS)
    assert "回答 0 か所" in survey.results.summary.text()


def test_hostile_names_stay_plain_text_in_the_survey_window(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    from coordinator_app.domain.models import SurveyQuestion, SurveyRound
    from tests.ui.test_plain_text import HOSTILE, _markup_tooltips, _rich_labels

    services = window.ctx.services
    place = services.gathering_places.save(GatheringPlace(name=f"サロン{HOSTILE}", kind="サロン"))
    stored = services.surveys.save_round(SurveyRound(name=f"調査{HOSTILE}", fiscal_year=2024))
    question = services.surveys.save_question(
        SurveyQuestion(round_id=stored.id, prompt=f"質問{HOSTILE}", place_field="fee")
    )
    services.surveys.save_answers(stored.id, place.id, {question.id: f"回答{HOSTILE}"})
    survey = _survey_window(qtbot, window)
    for tab in (0, TAB_ANSWERS, TAB_RESULTS):
        survey.tabs.setCurrentIndex(tab)
        assert _rich_labels(survey) == [], tab
        assert _markup_tooltips(survey) == [], tab
    assert HOSTILE in survey.answers.place_title.text()
    dialog = survey.answers.open_accept()
    assert dialog is not None
    assert _rich_labels(dialog) == [] and _markup_tooltips(dialog) == []
    dialog.reject()
