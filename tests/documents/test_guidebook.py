"""通いの場ガイドブック: every active place printed once, the contents' and indexes' page
numbers right, contacts only where they may be printed; also from the command line."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from coordinator_app.cli import main
from coordinator_app.documents.render.guidebook import GuidebookRenderer
from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.models import GatheringPlace
from coordinator_app.services.demo import load_demo
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 90), "#e6a23c").save(out, "PNG")
    return out.getvalue()


def _fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
    return names


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_of(pages: list[str], name: str, *, after: int) -> int:
    """The first page (1-based) after the contents whose text holds ``name``."""
    return next(i + 1 for i, t in enumerate(pages) if i + 1 > after and _squash(name) in _squash(t))


def test_the_demo_guidebook_has_every_active_place_and_right_page_numbers(
    services: Services,
) -> None:
    load_demo(services)
    data = services.gathering_places.guidebook(
        services.settings.municipality(), today=date(2026, 11, 30)
    )
    active = {
        p.name
        for p in services.gathering_places.list().rows
        if p.status == GatheringPlaceStatus.ACTIVE
    }
    assert {e.name for e in data.entries} == active and len(data.entries) == len(active)
    rendered = GuidebookRenderer().render(data)
    assert rendered.warnings == []
    pages = _pages(rendered.pdf)
    assert "通いの場ガイドブック" in pages[0] and "若葉台市" in pages[0]
    assert f"掲載 {len(active)} か所" in pages[0]
    contents = pages[1]
    assert "もくじ" in contents
    for section in data.sections:
        match = re.search(rf"{re.escape(section.area)}\s*\d+か所\s*(\d+)", contents)
        assert match, section.area
        listed = int(match.group(1))
        assert section.area in pages[listed - 1]
        for entry in section.entries:
            # Each place is printed on its area's pages, once.
            page = _page_of(pages, entry.name, after=2)
            assert page >= listed
    for title in ("種類別さくいん", "曜日別さくいん"):
        match = re.search(rf"{title}\s*(\d+)", contents)
        assert match and title in pages[int(match.group(1)) - 1]
    # The kind index names each place with the page it is printed on.
    index_page = int(re.search(r"種類別さくいん\s*(\d+)", contents).group(1))  # type: ignore[union-attr]
    index_text = "".join(pages[index_page - 1 :])
    for entry in data.entries:
        page = _page_of(pages, entry.name, after=2)
        # name, schedule, page: one index row
        row = rf"{re.escape(entry.name)}\n[^\n]*\n\s*{page}\n"
        assert re.search(row, index_text), entry.name
    # Every page after the cover carries the footer with its number.
    for number, text in enumerate(pages[1:], start=2):
        assert text.startswith(f"通いの場ガイドブック 若葉台市 {number}\n"), number
    assert not pages[0].startswith("通いの場ガイドブック 若葉台市 1")


def test_a_contact_that_may_not_be_printed_is_left_out(services: Services, make: Factory) -> None:
    area = make.area("児島")
    org = make.organisation("児島地区社協")
    save = services.gathering_places.save
    save(
        GatheringPlace(
            name="ひだまりサロン",
            kind="サロン",
            area_id=area.id,
            schedule_text="毎週火曜 10:00〜12:00",
            organisation_id=org.id,
            contact_name="岡山 花子",
            contact_phone="086-000-1111",
            contact_printable=False,
            photo=_png(),
        )
    )
    save(
        GatheringPlace(
            name="げんき体操",
            kind="体操教室",
            area_id=area.id,
            schedule_text="月1回",
            contact_name="倉敷 太郎",
            contact_phone="086-000-2222",
            contact_printable=True,
        )
    )
    save(GatheringPlace(name="おやすみ会", kind="サロン", status=GatheringPlaceStatus.PAUSED))
    data = services.gathering_places.guidebook(services.settings.municipality(), area.id)
    pdf = GuidebookRenderer().render(data).pdf
    text = "".join(_pages(pdf))
    assert len(PdfReader(io.BytesIO(pdf)).pages[2].images) == 1  # the photo, on the area's page
    assert not any("Helvetica" in name for name in _fonts(pdf))
    assert "ひだまりサロン" in text and "児島地区社協" in text
    assert "岡山" not in text and "086-000-1111" not in text
    assert "倉敷 太郎" in text and "086-000-2222" in text
    assert "おやすみ会" not in text
    assert "曜日不定" in text  # 月1回 has no weekday


def test_the_command_line_makes_a_district_guidebook(
    db_path: Path, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_demo(services)
    services.db.close()
    out = tmp_path / "north.pdf"
    assert main(["--db", str(db_path), "guidebook", "--area", "北山小学校区", "-o", str(out)]) == 0
    text = "".join(_pages(out.read_bytes()))
    assert "北山いきいき百歳体操" in text and "若葉台いきいきサロン" not in text
    assert (
        main(["--db", str(db_path), "guidebook", "--area", "どこにもない地区", "-o", str(out)]) == 2
    )
    assert "見つかりません" in capsys.readouterr().err
    assert main(["--db", str(db_path), "guidebook", "-o", str(tmp_path / "x.txt")]) == 2


def test_a_photo_that_cannot_be_read_is_named_and_the_booklet_still_made() -> None:
    from coordinator_app.documents.data.common import Issuer
    from coordinator_app.documents.data.guidebook import (
        GuidebookData,
        GuidebookEntry,
        GuidebookSection,
    )

    broken = GuidebookEntry(
        key="a",
        name="こわれた写真の会",
        kind="サロン",
        schedule="月1回",
        photo=b"\x89PNG\r\n\x1a\nxx",
    )
    data = GuidebookData(
        title="通いの場ガイドブック",
        scope="児島",
        issuer=Issuer(name="倉敷市"),
        sections=[GuidebookSection(area="児島", entries=[broken])],
    )
    rendered = GuidebookRenderer().render(data)
    assert rendered.warnings == [
        "「こわれた写真の会」の写真は画像として読み込めないため載せませんでした"
    ]
    assert "こわれた写真の会" in "".join(_pages(rendered.pdf))


def _rects(pdf: bytes, page: int) -> int:
    content = PdfReader(io.BytesIO(pdf)).pages[page].get_contents()
    assert content is not None
    return len(re.findall(rb"\bre\b", content.get_data()))


def test_a_place_with_a_web_page_gets_its_qr_code_and_a_bad_address_is_named(
    services: Services, make: Factory
) -> None:
    import itertools

    from coordinator_app.documents.design.flyer import qr_modules

    area = make.area("児島")
    url = "https://example.jp/hidamari"
    place = services.gathering_places.save(
        GatheringPlace(name="ひだまりサロン", kind="サロン", area_id=area.id, website=url)
    )
    services.gathering_places.save(
        GatheringPlace(
            name="げんき体操", kind="体操教室", area_id=area.id, website="www.example.jp"
        )
    )
    data = services.gathering_places.guidebook(services.settings.municipality(), area.id)
    assert [e.url for e in data.entries] == ["", url]  # げんき (げ) sorts before ひだまり
    rendered = GuidebookRenderer().render(data)
    assert rendered.warnings == [
        "「げんき体操」のウェブページ「www.example.jp」はhttp:// または https:// で始まるURL"
        "ではないため、QRコードを載せませんでした"
    ]
    # The entry's page draws one rectangle per run of dark modules (and the white square).
    runs = sum(1 for row in qr_modules(url) for dark, _ in itertools.groupby(row) if dark)
    place.website = ""
    services.gathering_places.save(place)
    without = GuidebookRenderer().render(
        services.gathering_places.guidebook(services.settings.municipality(), area.id)
    )
    assert _rects(rendered.pdf, 2) - _rects(without.pdf, 2) == runs + 1
    assert "ウェブページ" in _pages(rendered.pdf)[2]
    assert not any("Helvetica" in name for name in _fonts(rendered.pdf))


def _long_place(services: Services, area_id: object) -> GatheringPlace:
    """A place whose description no page can hold (written past the form's limits, as an
    import from an old system might)."""
    place = services.gathering_places.save(
        GatheringPlace(
            name="長すぎる説明の会", kind="サロン", area_id=area_id, schedule_text="月1回"
        )
    )
    with services.db.writing() as session:
        stored = session.get(GatheringPlace, place.id)
        assert stored is not None
        stored.eligibility = "どなたでも歓迎します。" * 500
        session.add(stored)
    return place


def test_a_place_too_long_for_a_page_is_named_first_and_printed_shortened(
    services: Services, make: Factory
) -> None:
    from coordinator_app.documents.render.guidebook_check import overflowing_places

    area = make.area("児島")
    services.gathering_places.save(
        GatheringPlace(name="ふつうの会", kind="サロン", area_id=area.id)
    )
    _long_place(services, area.id)
    data = services.gathering_places.guidebook(services.settings.municipality(), area.id)
    assert overflowing_places(data) == ["長すぎる説明の会"]
    rendered = GuidebookRenderer().render(data)
    assert rendered.warnings == [
        "「長すぎる説明の会」は1ページに収まらないため、入りきらない部分を省略して印刷しました"
    ]
    pages = _pages(rendered.pdf)
    long_page = _page_of(pages, "長すぎる説明の会", after=2)
    assert "…" in pages[long_page - 1]
    assert _page_of(pages, "ふつうの会", after=2) != long_page
    # What fits is left as it is.
    (fine,) = [e for e in data.entries if e.name == "ふつうの会"]
    assert GuidebookRenderer().entry_fits(fine)
    assert "…" not in pages[_page_of(pages, "ふつうの会", after=2) - 1]


def test_the_command_line_stops_on_a_place_too_long_unless_told_to_shorten(
    db_path: Path,
    services: Services,
    make: Factory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    area = make.area("児島")
    _long_place(services, area.id)
    services.db.close()
    out = tmp_path / "kojima.pdf"
    assert main(["--db", str(db_path), "guidebook", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "・長すぎる説明の会" in err and "--shorten" in err
    assert not out.exists()
    assert main(["--db", str(db_path), "guidebook", "--shorten", "-o", str(out)]) == 0
    assert "長すぎる説明の会" in "".join(_pages(out.read_bytes()))
    assert "省略して印刷しました" in capsys.readouterr().err


def _footer_numbers(page: object, half_width: float) -> tuple[list[int], list[int]]:
    """The page numbers printed in the footer of a sheet's left and right halves."""
    from reportlab.lib.units import mm

    left: list[int] = []
    right: list[int] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip().isdigit() and y < 20 * mm:
            (left if x < half_width else right).append(int(text))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return left, right


def test_the_a5_booklet_puts_the_pages_in_folding_order(services: Services) -> None:
    from reportlab.lib.pagesizes import A4

    from coordinator_app.documents.render.booklet import saddle_stitch_sides

    assert saddle_stitch_sides(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert saddle_stitch_sides(6) == [(8, 1), (2, 7), (6, 3), (4, 5)]  # padded with blanks
    assert saddle_stitch_sides(2) == [(4, 1), (2, 3)]
    load_demo(services)
    data = services.gathering_places.guidebook(
        services.settings.municipality(), today=date(2026, 11, 30)
    )
    a5 = GuidebookRenderer(booklet=True)
    a5.booklet = False  # the same A5 pages, not imposed
    flat = PdfReader(io.BytesIO(a5.render(data).pdf))
    booklet_pdf = GuidebookRenderer(booklet=True).render(data).pdf
    booklet = PdfReader(io.BytesIO(booklet_pdf))
    n = len(flat.pages)
    assert n > 8
    sides = saddle_stitch_sides(n)
    assert len(booklet.pages) == len(sides) == -(-n // 4) * 2
    for sheet, (left, right) in zip(booklet.pages, sides, strict=True):
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (round(width), round(height)) == (round(A4[1]), round(A4[0]))
        # Every page but the cover and the blanks carries its number in the footer.
        assert _footer_numbers(sheet, width / 2) == (
            [left] if 1 < left <= n else [],
            [right] if 1 < right <= n else [],
        )
    # The first sheet's right half is the cover; every place is in the booklet.
    assert "通いの場ガイドブック" in booklet.pages[0].extract_text()
    text = _squash("".join(p.extract_text() for p in booklet.pages))
    assert all(_squash(e.name) in text for e in data.entries)
    assert not any("Helvetica" in name for name in _fonts(booklet_pdf))


def test_the_command_line_makes_the_a5_booklet(
    db_path: Path, services: Services, make: Factory, tmp_path: Path
) -> None:
    area = make.area("児島")
    services.gathering_places.save(
        GatheringPlace(name="ひだまりサロン", kind="サロン", area_id=area.id)
    )
    services.db.close()
    out = tmp_path / "booklet.pdf"
    assert main(["--db", str(db_path), "guidebook", "--booklet", "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) % 2 == 0
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages)
    assert "ひだまりサロン" in "".join(p.extract_text() for p in reader.pages)
