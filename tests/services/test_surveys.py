"""通いの場調査: rounds, the questionnaire's rules, answers, import, acceptance and results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.models import GatheringPlace, SurveyQuestion, SurveyRound
from coordinator_app.domain.surveys import QuestionKind, options_to_json
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.registry import Services
from coordinator_app.services.surveys import answer_key
from coordinator_app.services.transfer.importing import RowStatus
from coordinator_app.services.transfer.mappings import suggest_mapping
from coordinator_app.services.transfer.reading import TransferError, read_table
from tests.conftest import Factory


def _place(services: Services, name: str, **kw: object) -> GatheringPlace:
    return services.gathering_places.save(GatheringPlace(name=name, kind="サロン", **kw))  # type: ignore[arg-type]


def _round(services: Services) -> SurveyRound:
    return services.surveys.save_round(
        SurveyRound(name="令和6年度 通いの場調査", fiscal_year=2024, starts_on=date(2024, 6, 1))
    )


def _question(
    services: Services,
    survey: SurveyRound,
    prompt: str,
    kind: QuestionKind = QuestionKind.TEXT,
    *,
    options: list[str] | None = None,
    place_field: str = "",
) -> SurveyQuestion:
    return services.surveys.save_question(
        SurveyQuestion(
            round_id=survey.id,
            prompt=prompt,
            kind=kind,
            options=options_to_json(options or []),
            place_field=place_field,
        )
    )


@pytest.fixture
def survey(services: Services) -> SurveyRound:
    survey = _round(services)
    _question(
        services, survey, "ふだんの参加者数", QuestionKind.NUMBER, place_field="usual_attendance"
    )
    _question(
        services,
        survey,
        "活動の状況",
        QuestionKind.CHOICE,
        options=["活動中", "休止中", "終了"],
        place_field="status",
    )
    _question(services, survey, "開催日時", place_field="schedule_text")
    _question(services, survey, "困っていること")
    return survey


def test_a_round_needs_a_name_and_a_sensible_year(services: Services) -> None:
    with pytest.raises(ValidationError) as refused:
        services.surveys.save_round(SurveyRound(name="  ", fiscal_year=24))
    assert set(refused.value.errors) == {"name", "fiscal_year"}
    with pytest.raises(ValidationError) as refused:
        services.surveys.save_round(
            SurveyRound(
                name="調査", fiscal_year=2024, starts_on=date(2024, 7, 1), ends_on=date(2024, 6, 1)
            )
        )
    assert "ends_on" in refused.value.errors
    assert services.surveys.rounds() == []


def test_questions_are_numbered_and_moved(services: Services, survey: SurveyRound) -> None:
    questions = services.surveys.questions(survey.id)
    assert [(q.position, q.prompt) for q in questions] == [
        (1, "ふだんの参加者数"),
        (2, "活動の状況"),
        (3, "開催日時"),
        (4, "困っていること"),
    ]
    moved = services.surveys.move_question(questions[3].id, -2)
    assert [q.prompt for q in moved] == [
        "ふだんの参加者数",
        "困っていること",
        "活動の状況",
        "開催日時",
    ]
    assert [q.position for q in services.surveys.questions(survey.id)] == [1, 2, 3, 4]
    assert services.surveys.move_question(questions[0].id, -1)[0].prompt == "ふだんの参加者数"


def test_a_question_is_checked(services: Services, survey: SurveyRound) -> None:
    cases = [
        (dict(prompt=""), "prompt"),
        (dict(prompt="会の雰囲気", kind=QuestionKind.CHOICE, options=["よい"]), "options"),
        (dict(prompt="参加費", kind=QuestionKind.NUMBER, place_field="fee"), "place_field"),
        (dict(prompt="開催日時"), "prompt"),  # the same wording twice
        (
            dict(prompt="今の参加者", kind=QuestionKind.NUMBER, place_field="usual_attendance"),
            "place_field",
        ),
        (
            dict(
                prompt="状況",
                kind=QuestionKind.CHOICE,
                options=["元気", "休み"],
                place_field="status",
            ),
            "options",
        ),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as refused:
            _question(services, survey, **kwargs)  # type: ignore[arg-type]
        assert field in refused.value.errors, kwargs
    assert len(services.surveys.questions(survey.id)) == 4


def test_a_question_with_answers_keeps_its_kind(services: Services, survey: SurveyRound) -> None:
    place = _place(services, "ひだまりサロン")
    free = services.surveys.questions(survey.id)[3]
    # Without answers the kind may change.
    changed = SurveyQuestion(**free.model_dump())
    changed.kind = QuestionKind.NUMBER
    services.surveys.save_question(changed)
    changed.kind = QuestionKind.TEXT
    services.surveys.save_question(changed)
    services.surveys.save_answers(survey.id, place.id, {free.id: "会場が狭い"})
    changed.kind = QuestionKind.NUMBER
    with pytest.raises(ValidationError) as refused:
        services.surveys.save_question(changed)
    assert "種類" in refused.value.errors["kind"] and "記述" in refused.value.errors["kind"]
    assert services.surveys.questions(survey.id)[3].kind == QuestionKind.TEXT
    # The wording may change; the answer keeps the wording it was given under.
    changed.kind = QuestionKind.TEXT
    changed.prompt = "運営で困っていること"
    services.surveys.save_question(changed)
    assert services.surveys.answers(survey.id, place.id)[free.id] == "会場が狭い"


def test_a_removed_question_keeps_its_answers(services: Services, survey: SurveyRound) -> None:
    place = _place(services, "ひだまりサロン")
    free = services.surveys.questions(survey.id)[3]
    services.surveys.save_answers(survey.id, place.id, {free.id: "会場が狭い"})
    assert services.surveys.remove_question(free.id) == 1
    assert [q.prompt for q in services.surveys.questions(survey.id)][-1] == "開催日時"
    results = services.surveys.results(survey.id)
    assert results.columns[-1].header == "(削除した質問) 困っていること"
    assert results.rows[0].values[-1] == "会場が狭い"


def test_answers_are_read_like_the_form_and_all_checked_first(
    services: Services, survey: SurveyRound
) -> None:
    place = _place(services, "ひだまりサロン")
    attendance, status, schedule, free = services.surveys.questions(survey.id)
    with pytest.raises(ValidationError) as refused:
        services.surveys.save_answers(
            survey.id, place.id, {attendance.id: "たくさん", status.id: "元気", free.id: "ok"}
        )
    assert set(refused.value.errors) == {answer_key(attendance.id), answer_key(status.id)}
    assert services.surveys.answers(survey.id, place.id) == {}
    stored = services.surveys.save_answers(
        survey.id, place.id, {attendance.id: "１２人", status.id: " 休止中 ", schedule.id: ""}
    )
    assert stored == {attendance.id: "12", status.id: "休止中"}
    assert services.surveys.answered_places(survey.id) == {place.id}
    stored = services.surveys.save_answers(survey.id, place.id, {status.id: ""})
    assert stored == {attendance.id: "12"}


def test_accepting_shows_before_and_after_then_updates_the_place(
    services: Services, survey: SurveyRound
) -> None:
    place = _place(services, "ひだまりサロン", usual_attendance=8, schedule_text="毎週火曜")
    attendance, status, schedule, _free = services.surveys.questions(survey.id)
    services.surveys.save_answers(
        survey.id,
        place.id,
        {attendance.id: "15", status.id: "活動中", schedule.id: "第2・第4木曜 10:00〜11:30"},
    )
    changes = services.surveys.acceptance(survey.id, place.id)
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("参加者数(ふだん)", "8", "15"),
        ("日時", "毎週火曜", "第2・第4木曜 10:00〜11:30"),
    ]
    assert services.surveys.get_round(survey.id).name  # reading changed nothing
    assert services.gathering_places.get(place.id).usual_attendance == 8
    services.surveys.accept(survey.id, place.id)
    stored = services.gathering_places.get(place.id)
    assert stored.usual_attendance == 15
    assert stored.schedule_label == "第2・第4木曜 10:00〜11:30"
    assert stored.weekday_mask == 1 << 3
    assert services.surveys.acceptance(survey.id, place.id) == []


def test_a_refused_value_changes_nothing(services: Services, survey: SurveyRound) -> None:
    place = _place(services, "ひだまりサロン", usual_attendance=8)
    attendance, _status, schedule, _free = services.surveys.questions(survey.id)
    services.surveys.save_answers(
        survey.id, place.id, {attendance.id: "20", schedule.id: "毎週月曜" + "あ" * 600}
    )
    with pytest.raises(ValidationError) as refused:
        services.surveys.accept(survey.id, place.id)
    assert "日時" in refused.value.errors["schedule_text"]
    assert services.gathering_places.get(place.id).usual_attendance == 8


def test_status_is_accepted(services: Services, survey: SurveyRound) -> None:
    place = _place(services, "ひだまりサロン")
    status = services.surveys.questions(survey.id)[1]
    services.surveys.save_answers(survey.id, place.id, {status.id: "休止中"})
    services.surveys.accept(survey.id, place.id)
    assert services.gathering_places.get(place.id).status == GatheringPlaceStatus.PAUSED


def test_results_count_places_participants_and_empty_weekdays(
    services: Services, survey: SurveyRound, make: Factory
) -> None:
    city = make.city("倉敷市")
    kojima = make.area("児島", parent=city)
    tamashima = make.area("玉島", parent=city)
    for area, kana in ((kojima, "こじま"), (tamashima, "たましま")):
        area.kana = kana
        services.areas.save(area)
    a = _place(services, "ひだまりサロン", area_id=kojima.id, schedule_text="毎週火曜")
    b = _place(services, "いきいき体操", area_id=kojima.id, usual_attendance=9)
    c = _place(services, "玉島カフェ", area_id=tamashima.id, schedule_text="毎週月曜")
    _place(services, "まだの会", area_id=tamashima.id)
    attendance, status, schedule, _free = services.surveys.questions(survey.id)
    b_kind = services.gathering_places.get(b.id)
    b_kind.kind = "体操教室"
    services.gathering_places.save(b_kind)
    services.surveys.save_answers(survey.id, a.id, {attendance.id: "12"})
    services.surveys.save_answers(survey.id, b.id, {schedule.id: "毎週水・金曜"})
    services.surveys.save_answers(survey.id, c.id, {attendance.id: "5", status.id: "休止中"})
    results = services.surveys.results(survey.id)
    assert [(r.place, r.area) for r in results.rows] == [
        ("いきいき体操", "児島"),
        ("ひだまりサロン", "児島"),
        ("玉島カフェ", "玉島"),
    ]
    assert [(c.area, c.kind, c.places, c.participants) for c in results.counts] == [
        ("児島", "サロン", 1, 12),
        ("児島", "体操教室", 1, 9),
        ("玉島", "サロン", 1, 5),
    ]
    assert (results.places, results.participants) == (3, 26)
    gaps = {g.area: g.missing_text for g in results.gaps}
    assert gaps == {
        "児島": "月・木・土・日",
        "玉島": "月・火・水・木・金・土・日",
    }  # 玉島カフェ is paused
    assert results.unanswered == ["まだの会"]


def test_results_export_as_text_cells(
    services: Services, survey: SurveyRound, tmp_path: Path
) -> None:
    place = _place(services, "=HYPERLINK サロン")
    attendance = services.surveys.questions(survey.id)[0]
    services.surveys.save_answers(survey.id, place.id, {attendance.id: "12"})
    path = services.surveys.export_results(survey.id, tmp_path / "結果.xlsx").truncated
    assert path == []
    book = load_workbook(tmp_path / "結果.xlsx")
    answers = book["回答"]
    assert answers["A2"].value == "=HYPERLINK サロン" and answers["A2"].data_type == "s"
    assert answers["D2"].value == "12" and answers["D2"].data_type == "s"
    assert book["地域・種類別"]["C2"].value == "1"
    services.surveys.export_results(survey.id, tmp_path / "結果.csv")
    text = (tmp_path / "結果.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("'=HYPERLINK サロン")
    with pytest.raises(TransferError):
        services.surveys.export_results(survey.id, tmp_path / "結果.pdf")


def _sheet(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "回答.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_answers_import_with_preview(
    services: Services, survey: SurveyRound, tmp_path: Path
) -> None:
    a = _place(services, "ひだまりサロン")
    b = _place(services, "いきいき体操")
    path = _sheet(
        tmp_path,
        "通いの場名,ふだんの参加者数,活動の状況,備考\n"
        "ひだまりサロン,１５,活動中,x\n"
        "いきいき体操,たくさん,活動中,y\n"
        "知らない会,3,活動中,z\n"
        "ひだまりサロン,16,活動中,w\n",
    )
    kind = services.surveys.import_kind(survey.id)
    table = read_table(path, known_headers=kind.header_texts)
    mapping = suggest_mapping(kind, table.headers)
    assert mapping == {0: "place", 1: "q:ふだんの参加者数", 2: "q:活動の状況"}
    preview = services.surveys.preview_import(survey.id, table, mapping)
    assert [r.status for r in preview.rows] == [
        RowStatus.OK,
        RowStatus.ERROR,
        RowStatus.ERROR,
        RowStatus.DUPLICATE,
    ]
    assert "数ではありません" in preview.rows[1].reason(kind)
    assert "見つかりません" in preview.rows[2].reason(kind)
    assert services.surveys.answered_places(survey.id) == set()
    outcome = services.surveys.run_import(survey.id, table, mapping)
    assert outcome.valid == 1 and outcome.committed
    attendance = services.surveys.questions(survey.id)[0]
    assert services.surveys.answers(survey.id, a.id)[attendance.id] == "15"
    assert services.surveys.answers(survey.id, b.id) == {}
    with pytest.raises(TransferError):
        services.surveys.preview_import(survey.id, table, {1: "q:ふだんの参加者数"})


def test_removing_a_round_takes_its_answers_and_can_be_undone(
    services: Services, survey: SurveyRound
) -> None:
    place = _place(services, "ひだまりサロン")
    attendance = services.surveys.questions(survey.id)[0]
    services.surveys.save_answers(survey.id, place.id, {attendance.id: "12"})
    services.surveys.delete_round(survey.id)
    assert services.surveys.rounds() == []
    with pytest.raises(NotFoundError):
        services.surveys.get_round(survey.id)
    services.surveys.restore_round(survey.id)
    assert services.surveys.answers(survey.id, place.id) == {attendance.id: "12"}
    assert len(services.surveys.questions(survey.id)) == 4
    assert services.surveys.answered_places(survey.id) == {place.id}


def test_the_demo_municipality_has_a_survey_round(services: Services) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    (survey,) = services.surveys.rounds()
    assert survey.name == "令和6年度 通いの場調査"
    results = services.surveys.results(survey.id)
    assert results.places > 10 and results.unanswered
    assert sum(c.places for c in results.counts) == results.places
    place = results.rows[0]
    assert services.surveys.acceptance(survey.id, place.place_id)  # something to accept
