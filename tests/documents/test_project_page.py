"""プロジェクト紹介ページ: Setagaya's 伴走支援 (seed 003) as PDF and HTML, markup printed
literally, unreviewed entries left out, an unreadable photo named, the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from coordinator_app.cli import main
from coordinator_app.documents.data.project_page import PageEntry, PagePhoto
from coordinator_app.documents.render.project_page import ProjectPageRenderer
from coordinator_app.documents.render.project_page_html import ProjectPageHtmlRenderer
from coordinator_app.domain.models import ProgressEntry
from coordinator_app.services.registry import Services
from tests.setagaya import ENTRIES, GOAL, NARRATIVE, OUTCOME, TITLE, Setagaya, make_setagaya

WESTERN_DATES = [
    "2017年8月28日",
    "2017年9月5日",
    "2017年9月14日",
    "2017年9月14日",
    "2017年11月7日",
    "2017年11月28日",
]
WAREKI_DATES = [d.replace("2017年", "平成29年") for d in WESTERN_DATES]
HOSTILE = '<script>alert("x")</script><b>太字</b> & <img src=http://example.com/x.png>'


class Elements(HTMLParser):
    """Every start tag and its attributes; and the text, joined."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: bytes) -> Elements:
    parser = Elements()
    parser.feed(html.decode("utf-8"))
    parser.close()
    return parser


def pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def setagaya(services: Services) -> Setagaya:
    return make_setagaya(services)


def test_document_data_of_setagaya(services: Services, setagaya: Setagaya) -> None:
    data = services.project_pages.build(setagaya.project.id)
    assert data.title == TITLE
    assert data.program == "伴走支援"
    assert (data.municipality, data.department) == ("世田谷区", "高齢福祉部介護予防・地域支援課")
    assert (data.goal, data.narrative, data.outcome) == (GOAL, NARRATIVE, OUTCOME)
    assert [e.date_text for e in data.entries] == WESTERN_DATES
    assert [e.text for e in data.entries] == [t for _d, t in ENTRIES]
    assert [[p.filename for p in e.photos] for e in data.entries][3] == ["第1回講座の様子.jpg"]
    assert data.updated == "2017年11月28日"
    assert data.period == "2017年8月1日 ～ 2018年3月31日"
    assert data.problems == []


def test_setagaya_pdf_has_every_date_and_full_text(services: Services, setagaya: Setagaya) -> None:
    data = services.project_pages.build(setagaya.project.id, wareki=True)
    rendered = ProjectPageRenderer().render(data)
    assert rendered.warnings == []
    reader = PdfReader(io.BytesIO(rendered.pdf))
    text = squash("".join(p.extract_text() for p in reader.pages))
    for day in WAREKI_DATES:
        assert day in text
    for _day, entry_text in ENTRIES:
        assert squash(entry_text) in text
    for part in (
        TITLE,
        GOAL,
        OUTCOME,
        "世田谷区高齢福祉部介護予防・地域支援課",
        "進捗状況",
        "成果",
    ):
        assert squash(part) in text
    # Only the bundled font, embedded; and the photo is there.
    fonts = set()
    images = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded
        images += len(page.images)
    assert fonts and all("IPAexGothic" in f for f in fonts)
    assert images == 1


def test_setagaya_html_has_every_date_and_full_text(services: Services, setagaya: Setagaya) -> None:
    data = services.project_pages.build(setagaya.project.id)
    page = ProjectPageHtmlRenderer().render(data)
    assert page.warnings == []
    parsed = parse(page.html)
    text = "".join(parsed.text)
    headings = [t for t in parsed.text if t.strip() in WESTERN_DATES]
    assert headings == WESTERN_DATES
    for _day, entry_text in ENTRIES:
        assert entry_text in text
    for part in (TITLE, GOAL, OUTCOME, "世田谷区高齢福祉部介護予防・地域支援課"):
        assert part in text
    # Self-contained: the only resource is the inlined photo.
    sources = [a.get("src") for _t, a in parsed.tags if "src" in a]
    assert len(sources) == 1 and sources[0] is not None
    assert sources[0].startswith("data:image/jpeg;base64,")
    assert not [a for _t, a in parsed.tags if "href" in a]
    assert b"default-src 'none'" in page.html


def test_markup_prints_literally(services: Services, setagaya: Setagaya) -> None:
    entry = services.progress.save_by(
        ProgressEntry(project_id=setagaya.project.id, entry_date=date(2017, 12, 1), text=HOSTILE),
        setagaya.coordinator,
    )
    services.reviews.mark_reviewed([entry.id], setagaya.supervisor)
    services.project_pages.save_narrative(setagaya.project.id, "<i>紹介</i>")
    data = services.project_pages.build(setagaya.project.id)
    page = ProjectPageHtmlRenderer().render(data)
    parsed = parse(page.html)
    expected_tags = {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "p",
        "section", "dl", "dt", "dd", "h2", "article", "h3", "div", "img", "br", "footer",
    }  # fmt: skip
    assert {t for t, _a in parsed.tags} <= expected_tags
    assert not [t for t, _a in parsed.tags if t in ("script", "b", "i")]
    assert [a.get("alt") for t, a in parsed.tags if t == "img"] == ["第1回講座の様子.jpg"]
    text = "".join(parsed.text)
    assert HOSTILE in text and "<i>紹介</i>" in text
    pdf = squash(pdf_text(ProjectPageRenderer().render(data).pdf))
    assert squash(HOSTILE) in pdf


def test_unreviewed_entries_are_left_out_unless_asked(services: Services) -> None:
    setagaya = make_setagaya(services, reviewed=False)
    services.reviews.mark_reviewed([setagaya.entries[0].id], setagaya.supervisor)
    data = services.project_pages.build(setagaya.project.id)
    assert [e.date_text for e in data.entries] == ["2017年8月28日"]
    data = services.project_pages.build(setagaya.project.id, include_unreviewed=True)
    assert len(data.entries) == 6
    chosen = {setagaya.entries[1].id, setagaya.entries[3].id}
    data = services.project_pages.build(
        setagaya.project.id, entry_ids=chosen, photo_ids=[], include_unreviewed=True
    )
    assert [e.date_text for e in data.entries] == ["2017年9月5日", "2017年9月14日"]
    assert data.entries[1].photos == []


def test_unreadable_and_missing_photos_are_named(services: Services, setagaya: Setagaya) -> None:
    bad = services.attachments.add(
        filename="壊れた写真.jpg", content=b"not a jpeg", progress_entry_id=setagaya.entries[0].id
    )
    gone = services.attachments.add(
        filename="消した写真.png", content=b"x", progress_entry_id=setagaya.entries[1].id
    )
    services.attachments.soft_delete(gone.id)
    good = services.attachments.list_for(progress_entry_id=setagaya.entries[3].id)[0]
    data = services.project_pages.build(setagaya.project.id, photo_ids=[bad.id, gone.id, good.id])
    assert data.problems == ["写真「消した写真.png」は削除されているため載せませんでした"]
    rendered = ProjectPageRenderer().render(data)
    assert "写真「壊れた写真.jpg」は画像として読み込めないため載せませんでした" in rendered.warnings
    assert any("消した写真.png" in w for w in rendered.warnings)
    assert (
        len(PdfReader(io.BytesIO(rendered.pdf)).pages[0].images)
        + len(PdfReader(io.BytesIO(rendered.pdf)).pages[-1].images)
        >= 1
    )
    page = ProjectPageHtmlRenderer().render(data)
    assert any("壊れた写真.jpg" in w for w in page.warnings)
    assert b"data:image/jpeg" in page.html
    # A photo whose content is gone (deleted while the page was being made).
    missing = PageEntry(date_text="2017年1月1日", text="本文", photos=[PagePhoto("無い.jpg", None)])
    data = services.project_pages.build(setagaya.project.id)
    data = type(data)(**{**data.__dict__, "entries": [missing]})
    assert any("無い.jpg" in w for w in ProjectPageRenderer().render(data).warnings)
    assert any("無い.jpg" in w for w in ProjectPageHtmlRenderer().render(data).warnings)


def test_command_line_pdf_and_html(
    db_path: Path, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setagaya = make_setagaya(services, reviewed=False)
    services.reviews.mark_reviewed([e.id for e in setagaya.entries[:5]], setagaya.supervisor)
    pdf = tmp_path / "out" / "setagaya.pdf"
    assert main(["--db", str(db_path), "project-page", "--project", TITLE, "-o", str(pdf)]) == 0
    assert capsys.readouterr().out.strip() == str(pdf)
    text = squash(pdf_text(pdf.read_bytes()))
    assert "2017年11月7日" in text and "2017年11月28日" not in text  # the unreviewed one
    html = tmp_path / "setagaya.html"
    argv = ["--db", str(db_path), "project-page", "--project", TITLE, "--include-unreviewed"]
    assert main([*argv, "--wareki", "-o", str(html)]) == 0
    assert "平成29年11月28日" in "".join(parse(html.read_bytes()).text)
    assert not list(tmp_path.glob("**/*.part*"))


def test_command_line_refuses_bad_input(
    db_path: Path, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_setagaya(services)
    base = ["--db", str(db_path), "project-page"]
    assert main([*base, "--project", "無い", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "プロジェクト「無い」が見つかりません" in capsys.readouterr().err
    assert main([*base, "--project", TITLE, "-o", str(tmp_path / "x.docx")]) == 2
    assert ".pdf か .html" in capsys.readouterr().err
    assert not list(tmp_path.glob("x.*"))


def test_command_imports_no_qt(db_path: Path, services: Services, tmp_path: Path) -> None:
    make_setagaya(services)
    out = tmp_path / "page.html"
    code = (
        "import sys; from coordinator_app.cli import main; "
        f"rc = main(['--db', {str(db_path)!r}, 'project-page', '--project', {TITLE!r}, "
        f"'-o', {str(out)!r}]); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.exists()
