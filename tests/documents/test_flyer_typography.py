"""Text that does not fit is reported by field; rare characters print through the
fallback font, and a character no bundled font has prints as 〓 with a warning."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader
from reportlab.lib.colors import black

from coordinator_app.documents.batch import FlyerBatch
from coordinator_app.documents.data.flyer import (
    FlyerData,
    FlyerOverflowError,
    FlyerOverrides,
    Layout,
)
from coordinator_app.documents.design.flyer import FlyerDesign, WarmFlyerDesign
from coordinator_app.documents.design.fonts import (
    FALLBACK_NAME,
    FONT_NAME,
    can_draw,
    font_for,
    register_fonts,
    runs,
)
from coordinator_app.documents.design.text import TextFitter, TextSpec, markup
from coordinator_app.documents.render.check import undrawable_issues
from coordinator_app.documents.render.flyer import FlyerRenderer
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from tests.documents.conftest import TODAY, Fussa

EMOJI = "\U0001f600"  # 😀: in no bundled font
RARE_KANJI = "\U00020bb7"  # 𠮷 (つちよし), CJK Extension B: not in IPAexGothic, in the MJ fallback


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _with_person(data: FlyerData, **changes: object) -> FlyerData:
    return dataclasses.replace(data, coordinator=dataclasses.replace(data.coordinator, **changes))


@pytest.fixture
def data(services: Services, fussa: Fussa) -> FlyerData:
    return FlyerDataBuilder(services, today=TODAY).flyer(fussa.tier2[0].id)


def test_each_character_gets_the_first_bundled_font_that_has_it() -> None:
    assert font_for("吉") == font_for("髙") == font_for("〒") == FONT_NAME
    assert font_for(RARE_KANJI) == FALLBACK_NAME
    assert font_for(EMOJI) is None and not can_draw(EMOJI)
    assert can_draw(RARE_KANJI)
    assert runs(f"{RARE_KANJI}田 花子{EMOJI}") == [
        (FALLBACK_NAME, RARE_KANJI),
        (FONT_NAME, "田 花子〓"),
    ]
    # An ideographic variation selector is dropped: the base character prints.
    assert runs("葛\U000e0100城") == [(FONT_NAME, "葛城")]


def test_long_message_shrinks_within_limits_without_warning(data: FlyerData) -> None:
    message = "地域の集まりに顔を出しています。" * 5
    rendered = FlyerRenderer().render([_with_person(data, message=message)], Layout.A5)
    assert rendered.warnings == ()
    assert message in _text(rendered.pdf).replace("\n", "")


@pytest.mark.parametrize("design", [FlyerDesign, WarmFlyerDesign])
@pytest.mark.parametrize("layout", [Layout.A4, Layout.A5, Layout.A5_TWO_UP])
def test_message_overflow_is_reported_by_field(
    data: FlyerData, design: type[FlyerDesign], layout: Layout
) -> None:
    message = "よろしくお願いします。" * 60
    rendered = FlyerRenderer(design()).render([_with_person(data, message=message)], layout)
    assert [(w.field, w.owner) for w in rendered.warnings] == [("message", "田中 花子")]
    assert rendered.warnings[0].label == "メッセージ"
    assert "【田中 花子】「メッセージ」が枠に収まりません" in rendered.warnings[0].message
    text = _text(rendered.pdf)
    assert "…" in text  # the cut is visible on paper, not silent
    assert message.replace(" ", "") not in text.replace("\n", "")
    with pytest.raises(FlyerOverflowError) as raised:
        FlyerRenderer(design()).render([_with_person(data, message=message)], layout, strict=True)
    assert "メッセージ" in str(raised.value)


def test_too_many_consult_topics_are_counted(data: FlyerData) -> None:
    topics = tuple(f"相談できること その{i}" for i in range(1, 31))
    rendered = FlyerRenderer().render([dataclasses.replace(data, consult_topics=topics)], Layout.A5)
    (warning,) = rendered.warnings
    assert warning.field == "consult_topics"
    assert "30項目のうち" in warning.message
    kept = int(warning.message.split("30項目のうち")[1].split("項目")[0])
    text = _text(rendered.pdf).replace(" ", "")
    assert 5 <= kept < 30
    assert f"その{kept}" in text and f"その{kept + 1}相談" not in text
    assert "その30" not in text


def test_long_name_shrinks_then_overflows(data: FlyerData) -> None:
    fits = FlyerRenderer().render([_with_person(data, name="長谷川 美智子右衛門")], Layout.CARDS)
    assert fits.warnings == ()
    too_long = _with_person(data, name="寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末")
    rendered = FlyerRenderer().render([too_long], Layout.CARDS)
    assert {w.field for w in rendered.warnings} == {"name"}
    assert "「氏名」が枠に収まりません" in rendered.warnings[0].message


def test_long_email_and_address_name_their_fields(data: FlyerData) -> None:
    person = _with_person(
        data,
        email="a-very-long-mailbox-name-for-the-coordinator@community-support.city.example.jp",
        address="〒197-0011 東京都福生市福生一丁目三番六号 福生市地域包括支援センターきた 二階",
    )
    rendered = FlyerRenderer().render([person], Layout.CARDS)
    assert {w.field for w in rendered.warnings} == {"email", "address"}
    assert {w.label for w in rendered.warnings} == {"メールアドレス", "住所"}


def test_rare_kanji_prints_from_the_fallback_font_without_warning(data: FlyerData) -> None:
    rendered = FlyerRenderer().render([_with_person(data, name=f"{RARE_KANJI}田 花子")], Layout.A5)
    assert rendered.warnings == ()
    assert undrawable_issues(_with_person(data, name=f"{RARE_KANJI}田 花子")) == []
    assert f"{RARE_KANJI}田" in _text(rendered.pdf)
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in PdfReader(io.BytesIO(rendered.pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"IPAexGothic", "MJFallbackMincho"} <= fonts


@pytest.mark.parametrize(
    ("change", "field", "label"),
    [
        ({"message": f"よろしく{EMOJI}"}, "message", "メッセージ"),
        ({"office_hours": f"平日{EMOJI}"}, "office_hours", "相談受付時間"),
    ],
)
def test_character_no_font_has_prints_as_geta_with_a_warning(
    data: FlyerData, change: dict[str, str], field: str, label: str
) -> None:
    broken = _with_person(data, **change)
    issues = undrawable_issues(broken)
    assert [(i.field, i.label) for i in issues] == [(field, label)]
    assert "U+1F600" in issues[0].message and "「〓」で印刷します" in issues[0].message
    rendered = FlyerRenderer().render([broken], Layout.A5)
    assert [(w.field, w.owner) for w in rendered.warnings] == [(field, "田中 花子")]
    assert "〓" in _text(rendered.pdf)
    with pytest.raises(FlyerOverflowError) as raised:
        FlyerRenderer().render([broken], Layout.A5, strict=True)
    assert f"「{label}」" in str(raised.value)


def test_character_no_font_has_in_a_print_override_does_not_stop_the_batch(
    services: Services, fussa: Fussa, tmp_path
) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    overrides = {fussa.tier2[2].id: FlyerOverrides(consult_topics=(f"スマホ{EMOJI}教室",))}
    batch = FlyerBatch(builder, FlyerRenderer(), Layout.A5)
    result = batch.run(fussa.everyone, tmp_path, separate=True, overrides=overrides)
    assert len(result.files) == 4
    (issue,) = result.warnings
    assert (issue.field, issue.owner) == ("consult_topics", "渡辺 健太")


def test_invisible_characters_are_named() -> None:
    # A variation selector the font lacks is invisible: the message spells it out.
    from coordinator_app.documents.design.fonts import describe_character

    assert describe_character("\U000e0100") == "(U+E0100 VARIATION SELECTOR-17)"
    assert describe_character(EMOJI) == f"「{EMOJI}」(U+1F600)"


def test_markup_escapes_and_keeps_line_breaks() -> None:
    assert markup("a<b>&c\nd") == "a&lt;b&gt;&amp;c<br/>d"


def test_fitter_shrinks_before_giving_up() -> None:
    fitter = TextFitter(register_fonts(), black)
    spec = TextSpec(20, 10)
    width = fitter.width("あいうえお", 15)
    fit = fitter.line("あいうえお", spec, width, field="name")
    assert fit.text == "あいうえお" and 10 <= fit.size <= 15
    assert fitter.issues == []
    cut = fitter.line("あいうえお" * 4, spec, width, field="name")
    assert cut.text.endswith("…") and cut.size == 10
    assert cut.width <= width
    assert [i.field for i in fitter.issues] == ["name"]
    assert fitter.font == FONT_NAME
