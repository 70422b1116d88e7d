"""The flyer PDFs, opened with pypdf: page sizes, text, fonts, escaping, size."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from coordinator_app.documents.data.flyer import FlyerCoordinator, Layout, QrContent
from coordinator_app.documents.design.flyer import DESIGNS
from coordinator_app.documents.render.flyer import FlyerRenderer, RenderCancelled
from coordinator_app.domain.models import Assignment, Coordinator
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from tests.documents.conftest import TODAY, Fussa, camera_photo

MM = 72 / 25.4
SINGLE_LAYOUTS = [Layout.A4, Layout.A5, Layout.A5_TWO_UP]
PAGE_MM = {
    Layout.A4: (210, 297),
    Layout.A5: (148, 210),
    Layout.A5_TWO_UP: (297, 210),
    Layout.CARDS: (210, 297),
    Layout.TEAM: (210, 297),
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def fonts(pdf: bytes) -> list[DictionaryObject]:
    """Every font dictionary of every page and of every form XObject they draw."""
    found: dict[int, DictionaryObject] = {}

    def walk(resources: DictionaryObject) -> None:
        for ref in resources.get("/Font", {}).values():
            found[id(ref.get_object())] = ref.get_object()
        for ref in resources.get("/XObject", {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                walk(xobject["/Resources"])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page["/Resources"])
    return list(found.values())


@pytest.fixture
def builder(services: Services, fussa: Fussa) -> FlyerDataBuilder:
    return FlyerDataBuilder(services, today=TODAY)


@pytest.mark.parametrize("design", list(DESIGNS))
@pytest.mark.parametrize("layout", [layout for layout in Layout])
def test_page_size_and_count_per_layout(
    builder: FlyerDataBuilder, fussa: Fussa, layout: Layout, design: str
) -> None:
    renderer = FlyerRenderer(DESIGNS[design]())
    if layout == Layout.TEAM:
        rendered = renderer.render_team(builder.team())
        expected_pages = 1
    else:
        rendered = renderer.render(builder.flyers(fussa.everyone[:2]), layout)
        expected_pages = 2  # one sheet per coordinator
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert rendered.pages == expected_pages == len(reader.pages)
    for page in reader.pages:
        width, height = (float(v) / MM for v in page.mediabox.upper_right)
        assert (round(width), round(height)) == PAGE_MM[layout]
    assert rendered.warnings == ()


@pytest.mark.parametrize("layout", SINGLE_LAYOUTS)
def test_every_name_kana_topic_and_contact_is_printed(
    builder: FlyerDataBuilder, fussa: Fussa, layout: Layout
) -> None:
    flyers = builder.flyers(fussa.everyone)
    texts = page_texts(FlyerRenderer().render(flyers, layout).pdf)
    assert len(texts) == len(flyers)
    for data, text in zip(flyers, texts, strict=True):
        person = data.coordinator
        expected = [
            person.name,
            person.kana,
            *person.posts,
            person.organisation,
            person.phone,
            person.email,
            person.address,
            person.office_hours,
            person.message,
            *data.consult_topics,
            data.heading,
            data.consult_heading,
            data.issuer.name,
        ]
        for value in filter(None, expected):
            assert squash(value) in text, value
        copies = 2 if layout == Layout.A5_TWO_UP else 1
        assert text.count(squash(person.name)) == copies


def test_business_cards_hold_ten_copies_of_name_and_contact(
    builder: FlyerDataBuilder, fussa: Fussa
) -> None:
    data = builder.flyer(fussa.tier2[0].id)
    (text,) = page_texts(FlyerRenderer().render([data], Layout.CARDS).pdf)
    person = data.coordinator
    for value in (person.name, person.kana, person.phone, person.email, person.address):
        assert text.count(squash(value)) == 10, value


def test_team_flyer_lists_every_coordinator(builder: FlyerDataBuilder) -> None:
    team = builder.team()
    (text,) = page_texts(FlyerRenderer().render_team(team).pdf)
    for member in team.members:
        for value in (member.name, member.kana, member.phone, *member.posts):
            assert squash(value) in text, value
    for topic in team.consult_topics:
        assert squash(topic) in text
    assert squash(team.subheading) in text
    assert squash(team.issuer.phone) in text


def test_team_flyer_continues_on_more_pages(services: Services, fussa: Fussa) -> None:
    for i in range(12):
        extra = services.coordinators.save(Coordinator(name=f"増員 {i:02d}", kana="ぞういん"))
        services.assignments.save(
            Assignment(
                coordinator_id=extra.id,
                tier=2,
                area_id=fussa.areas[i % 3].id,
                start_date=date(2023, 4, 1),
            )
        )
    team = FlyerDataBuilder(services, today=TODAY).team()
    rendered = FlyerRenderer().render_team(team)
    texts = page_texts(rendered.pdf)
    assert rendered.pages == len(texts) >= 2
    everything = "".join(texts)
    for member in team.members:
        assert squash(member.name) in everything
    assert "(つづき)" in texts[1]


@pytest.mark.parametrize("layout", [layout for layout in Layout])
def test_font_is_embedded_as_a_subset_and_nothing_else(
    builder: FlyerDataBuilder, fussa: Fussa, layout: Layout
) -> None:
    renderer = FlyerRenderer()
    if layout == Layout.TEAM:
        pdf = renderer.render_team(builder.team()).pdf
    else:
        pdf = renderer.render([builder.flyer(fussa.tier1.id)], layout).pdf
    found = fonts(pdf)
    assert found
    for font in found:
        assert re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", str(font["/BaseFont"])), font["/BaseFont"]
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        # A subset: a few hundred glyphs, not the 6 MB font.
        assert len(descriptor["/FontFile2"].get_object().get_data()) < 300_000


def test_single_flyer_is_small_even_with_a_large_photo(services: Services, fussa: Fussa) -> None:
    person = services.coordinators.get(fussa.tier2[0].id)
    person.photo = camera_photo()
    assert len(person.photo) > 4_000_000
    services.coordinators.save(person)
    data = FlyerDataBuilder(services, today=TODAY).flyer(person.id)
    for design in DESIGNS.values():
        for layout in SINGLE_LAYOUTS:
            assert len(FlyerRenderer(design()).render([data], layout).pdf) < 300 * 1024


def test_markup_characters_print_literally(services: Services, fussa: Fussa) -> None:
    person = services.coordinators.save(
        Coordinator(
            name="<b>山田 & 太郎</b>",
            kana="やまだ たろう",
            message='<i>斜体</i> &amp; <br/> <font color="red">赤</font> a<b',
            office_hours="月<水 & 金>",
        )
    )
    data = FlyerDataBuilder(services, today=TODAY).flyer(person.id)
    assert data.coordinator.name == "<b>山田 & 太郎</b>"
    for layout in (Layout.A5, Layout.CARDS):
        (text,) = page_texts(FlyerRenderer().render([data], layout).pdf)
        assert squash("<b>山田 & 太郎</b>") in text
    (text,) = page_texts(FlyerRenderer().render([data], Layout.A5).pdf)
    assert squash('<i>斜体</i> &amp; <br/> <font color="red">赤</font> a<b') in text
    assert squash("月<水 & 金>") in text


def test_png_with_transparency_and_broken_photo(builder: FlyerDataBuilder, fussa: Fussa) -> None:
    png = builder.flyer(fussa.tier2[1].id)
    assert png.coordinator.photo and png.coordinator.photo.startswith(b"\x89PNG")
    assert FlyerRenderer().render([png], Layout.A5).warnings == ()
    broken = builder.flyer(fussa.tier2[0].id)
    broken = broken.__class__(
        **{
            **broken.__dict__,
            "coordinator": FlyerCoordinator(
                **{**broken.coordinator.__dict__, "photo": b"not an image"}
            ),
        }
    )
    rendered = FlyerRenderer().render([broken], Layout.A5)
    assert [w.field for w in rendered.warnings] == ["photo"]
    assert "写真" in rendered.warnings[0].message
    assert "田中 花子" in rendered.warnings[0].message


def test_progress_can_cancel(builder: FlyerDataBuilder, fussa: Fussa) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(RenderCancelled):
        FlyerRenderer().render(builder.flyers(fussa.everyone), Layout.A5, progress=progress)
    assert seen == [(1, 4), (2, 4)]


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="needs zbar-tools and poppler-utils",
)
@pytest.mark.parametrize("qr", [QrContent.WEBSITE, QrContent.CONTACT])
def test_qr_code_reads_back(
    services: Services, fussa: Fussa, tmp_path: Path, qr: QrContent
) -> None:
    data = FlyerDataBuilder(services, today=TODAY, qr=qr).flyer(fussa.tier2[0].id)
    assert data.qr is not None
    (tmp_path / "f.pdf").write_bytes(FlyerRenderer().render([data], Layout.A5).pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", str(tmp_path / "f.pdf"), str(tmp_path / "f")], check=True
    )
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "f-1.png")], capture_output=True, check=True
    )
    assert out.stdout.decode("utf-8").strip() == data.qr.payload
