"""Benchmark: the 通いの場ガイドブック of many places with photos, beside LibreOffice.

Builds a temporary database with ``--count`` gathering places (each with its
own 1200 x 900 JPEG photo, as a phone gives) spread over 20 districts, then
times building the guidebook's data, rendering the PDF (layout runs until
the page numbers settle), and the command line end to end.

Beside it, LibreOffice converts the equivalent document, as
``benchmarks/flyers.py`` does for the flyers: the same guidebook data written
as a flat ODT (the cover, a table of contents and the indexes by kind and by
weekday whose page numbers are reference fields Writer fills in as it lays
the pages out, one entry per place with its name, kind, schedule, place,
address, fee, eligibility, contact and its own photo as inserted, the IPAexGothic
font, a footer with the page number), converted by one cold ``soffice
--headless --convert-to pdf`` run: a fresh user profile and font cache, as a
first run; writing the document is not timed (a mail merge would make it).
Prints a Markdown table with times, pages, file sizes and the ratios.

Usage::

    python -m benchmarks.guidebook [--count 1000] [--skip-libreoffice] [--keep DIR]
"""

from __future__ import annotations

import argparse
import base64
import io
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw
from pypdf import PdfReader

from benchmarks.flyers import LibreOffice, fodt_document_open, machine, seconds
from coordinator_app.documents.data.guidebook import NO_WEEKDAY, GuidebookData, GuidebookEntry
from coordinator_app.documents.design.records import issuer_lines
from coordinator_app.documents.render.guidebook import GuidebookRenderer
from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.gathering_places import WEEKDAYS
from coordinator_app.domain.models import Area, GatheringPlace
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile
from coordinator_app.storage.database import open_database

KINDS = ("サロン", "体操教室", "認知症カフェ", "ミニデイ", "子ども食堂", "趣味の会")
SCHEDULES = (
    "毎週火曜 10:00〜12:00",
    "第2・第4木曜 13:30〜15:00",
    "月1回",
    "毎週月・金曜 9:30〜11:00",
)


def photo(index: int) -> bytes:
    image = Image.new("RGB", (1200, 900), (150 + index % 100, 190, 210 - index % 80))
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 300, 1000, 800), fill=(120, 80 + index % 120, 60))
    draw.text((40, 40), f"{index:04d}", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def make_database(path: Path, count: int) -> Services:
    services = Services.create(open_database(path))
    services.settings.save_municipality(
        MunicipalityProfile(name="若葉台市", department="高齢者支援課", phone="042-555-0101")
    )
    city = services.areas.save(Area(name="若葉台市", kind=AreaKind.MUNICIPALITY))
    districts = [
        services.areas.save(Area(name=f"第{n + 1}地区", kind=AreaKind.DISTRICT, parent_id=city.id))
        for n in range(20)
    ]
    with services.db.writing() as session:
        for i in range(count):
            services.gathering_places._save(
                session,
                GatheringPlace(
                    name=f"ふれあいの場 {i + 1:04d}",
                    kind=KINDS[i % len(KINDS)],
                    area_id=districts[i % len(districts)].id,
                    meeting_place=f"第{i % 20 + 1}地区 集会所",
                    address=f"若葉台市本町{i % 9 + 1}-{i % 30 + 1}",
                    schedule_text=SCHEDULES[i % len(SCHEDULES)],
                    fee="100円(お茶代)",
                    eligibility="おおむね65歳以上の方",
                    barrier_free=i % 2 == 0,
                    contact_name="佐藤 和子",
                    contact_phone="042-555-0199",
                    contact_printable=i % 3 != 0,
                    photo=photo(i),
                ),
            )
    return services


# -- the LibreOffice path ----------------------------------------------------------

TEXT_WIDTH_MM = 174.0  # A4 less the app's 18 mm margins
PHOTO_MM = (42.0, 32.0)  # the app's photo box
LABEL_MM = 22.0
ACCENT = "#2e7d32"

GB_HEAD = (
    fodt_document_open("9.5pt")
    + """ <style:style style:name="F" style:family="paragraph"><style:paragraph-properties>
  <style:tab-stops><style:tab-stop style:position="174mm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties><style:text-properties fo:color="#9ca3af" fo:font-size="8pt"
  style:font-size-asian="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm"
  fo:page-height="297mm" fo:margin-top="18mm" fo:margin-bottom="10mm" fo:margin-left="18mm"
  fo:margin-right="18mm"/><style:footer-style><style:header-footer-properties
  fo:min-height="8mm" fo:margin-top="4mm"/></style:footer-style></style:page-layout>
 <style:style style:name="CT" style:family="paragraph" style:master-page-name="Cover">
  <style:paragraph-properties fo:margin-top="50mm" fo:margin-bottom="6mm"/>
  <style:text-properties fo:color="ACCENT" fo:font-size="28pt" style:font-size-asian="28pt"
  fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="CS" style:family="paragraph"><style:paragraph-properties
  fo:margin-bottom="6mm"/><style:text-properties fo:font-size="18pt"
  style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="IS" style:family="paragraph"><style:paragraph-properties
  fo:margin-top="40mm"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"
  fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="TT" style:family="paragraph" style:master-page-name="Standard">
  <style:paragraph-properties fo:break-before="page" fo:margin-bottom="4mm"/>
  <style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold"
  style:font-weight-asian="bold"/></style:style>
 <style:style style:name="AH" style:family="paragraph"><style:paragraph-properties
  fo:break-before="page" fo:background-color="ACCENT" fo:padding="2mm" fo:margin-bottom="5mm"/>
  <style:text-properties fo:color="#ffffff" fo:font-size="16pt" style:font-size-asian="16pt"
  fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="N" style:family="paragraph"><style:paragraph-properties
  fo:margin-bottom="1.5mm"/><style:text-properties fo:color="ACCENT" fo:font-size="12.5pt"
  style:font-size-asian="12.5pt"/></style:style>
 <style:style style:name="KS" style:family="text"><style:text-properties fo:color="#555555"
  fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
 <style:style style:name="L" style:family="paragraph"><style:text-properties
  fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="TOC" style:family="paragraph"><style:text-properties
  fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>
 <style:style style:name="TOCR" style:family="paragraph"><style:paragraph-properties
  fo:text-align="end"/><style:text-properties fo:font-size="11pt"
  style:font-size-asian="11pt"/></style:style>
 <style:style style:name="IH" style:family="paragraph"><style:paragraph-properties
  fo:margin-top="3mm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12pt"
  style:font-size-asian="12pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="IL" style:family="paragraph"><style:text-properties
  fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
 <style:style style:name="ILR" style:family="paragraph"><style:paragraph-properties
  fo:text-align="end"/><style:text-properties fo:font-size="9pt"
  style:font-size-asian="9pt"/></style:style>
 <style:style style:name="ET" style:family="table"><style:table-properties style:width="174mm"
  table:align="margins" style:may-break-between-rows="false" fo:margin-bottom="1mm"/></style:style>
 <style:style style:name="IT" style:family="table"><style:table-properties style:width="174mm"
  table:align="margins"/></style:style>
 <style:style style:name="C1" style:family="table-column"><style:table-column-properties
  style:column-width="LABELmm"/></style:style>
 <style:style style:name="C2" style:family="table-column"><style:table-column-properties
  style:column-width="VALUEmm"/></style:style>
 <style:style style:name="C3" style:family="table-column"><style:table-column-properties
  style:column-width="PHOTOmm"/></style:style>
 <style:style style:name="TC1" style:family="table-column"><style:table-column-properties
  style:column-width="129mm"/></style:style>
 <style:style style:name="TC2" style:family="table-column"><style:table-column-properties
  style:column-width="25mm"/></style:style>
 <style:style style:name="TC3" style:family="table-column"><style:table-column-properties
  style:column-width="20mm"/></style:style>
 <style:style style:name="XC1" style:family="table-column"><style:table-column-properties
  style:column-width="78.3mm"/></style:style>
 <style:style style:name="XC3" style:family="table-column"><style:table-column-properties
  style:column-width="17.4mm"/></style:style>
 <style:style style:name="FT" style:family="table"><style:table-properties style:width="95mm"
  table:align="left"/></style:style>
 <style:style style:name="FC1" style:family="table-column"><style:table-column-properties
  style:column-width="35mm"/></style:style>
 <style:style style:name="FC2" style:family="table-column"><style:table-column-properties
  style:column-width="60mm"/></style:style>
 <style:style style:name="E" style:family="table-cell"><style:table-cell-properties
  fo:padding="0.3mm" fo:border="none"/></style:style>
 <style:style style:name="EB" style:family="table-cell"><style:table-cell-properties
  fo:padding-top="0.3mm" fo:padding-bottom="3mm" fo:border-bottom="0.5pt solid #9ca3af"
  fo:border-top="none" fo:border-left="none" fo:border-right="none"/></style:style>
 <style:style style:name="R" style:family="table-cell"><style:table-cell-properties
  fo:padding="0.5mm" fo:border-bottom="0.3pt solid #9ca3af" fo:border-top="none"
  fo:border-left="none" fo:border-right="none"/></style:style>
 <style:style style:name="fr" style:family="graphic"><style:graphic-properties
  style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Cover" style:page-layout-name="pm1"
  style:next-style-name="Standard"/>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer>
  <text:p text:style-name="F">FOOTER<text:tab/><text:page-number text:select-page="current"
  >1</text:page-number></text:p></style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
"""
)


def _photo_frame(index: int, content: bytes) -> str:
    """The place's own photo as LibreOffice embeds it (as inserted), in the app's box."""
    with Image.open(io.BytesIO(content)) as image:
        w, h = image.size
    scale = min(PHOTO_MM[0] / w, PHOTO_MM[1] / h)
    encoded = base64.b64encode(content).decode("ascii")
    return (
        f'<draw:frame draw:style-name="fr" draw:name="photo{index}" text:anchor-type="as-char" '
        f'svg:width="{w * scale:.2f}mm" svg:height="{h * scale:.2f}mm"><draw:image '
        f'draw:mime-type="image/jpeg"><office:binary-data>{encoded}</office:binary-data>'
        "</draw:image></draw:frame>"
    )


def _page_ref(name: str) -> str:
    """A page-number reference LibreOffice fills in as it lays the document out."""
    return (
        f'<text:bookmark-ref text:reference-format="page" text:ref-name="{name}">'
        "0</text:bookmark-ref>"
    )


def _row(*cells: str, style: str = "R") -> str:
    return (
        "<table:table-row>"
        + "".join(
            f'<table:table-cell table:style-name="{style}" office:value-type="string">{c}'
            "</table:table-cell>"
            for c in cells
        )
        + "</table:table-row>"
    )


def _entry(index: int, entry: GuidebookEntry) -> str:
    e = escape
    facts = [
        (label, value)
        for label, value in (
            ("日時", entry.schedule),
            ("会場", entry.meeting_place),
            ("住所", entry.address),
            ("参加費", entry.fee),
            ("対象", entry.eligibility),
            ("利用", entry.accessibility),
            ("連絡先", entry.contact),
        )
        if value
    ]
    rows = len(facts) + 1
    photo = _photo_frame(index, entry.photo) if entry.photo else ""
    parts = [
        '<table:table table:style-name="ET"><table:table-column table:style-name="C1"/>'
        '<table:table-column table:style-name="C2"/><table:table-column table:style-name="C3"/>',
        '<table:table-row><table:table-cell table:style-name="E" table:number-columns-spanned="2" '
        'office:value-type="string"><text:p text:style-name="N">'
        f'<text:bookmark text:name="p{index}"/>'
        f'{e(entry.name)}<text:s text:c="2"/><text:span text:style-name="KS">{e(entry.kind)}'
        "</text:span></text:p></table:table-cell><table:covered-table-cell/>"
        f'<table:table-cell table:style-name="EB" table:number-rows-spanned="{rows}" '
        f'office:value-type="string"><text:p>{photo}</text:p></table:table-cell></table:table-row>',
    ]
    for n, (label, value) in enumerate(facts):
        style = "EB" if n == len(facts) - 1 else "E"
        parts.append(
            "<table:table-row>"
            f'<table:table-cell table:style-name="{style}" office:value-type="string">'
            f'<text:p text:style-name="L">{label}</text:p></table:table-cell>'
            f'<table:table-cell table:style-name="{style}" office:value-type="string">'
            f"<text:p>{e(value)}</text:p></table:table-cell><table:covered-table-cell/>"
            "</table:table-row>"
        )
    parts.append("</table:table>")
    return "".join(parts)


def _index(title: str, mark: str, groups: dict[str, list[int]], data: GuidebookData) -> list[str]:
    entries = data.entries
    parts = [f'<text:p text:style-name="TT"><text:bookmark text:name="{mark}"/>{title}</text:p>']
    for heading, members in groups.items():
        parts.append(f'<text:p text:style-name="IH">{escape(heading)}</text:p>')
        parts.append(
            '<table:table table:style-name="IT"><table:table-column table:style-name="XC1"/>'
            '<table:table-column table:style-name="XC1"/>'
            '<table:table-column table:style-name="XC3"/>'
        )
        parts.extend(
            _row(
                f'<text:p text:style-name="IL">{escape(entries[i].name)}</text:p>',
                f'<text:p text:style-name="IL">{escape(entries[i].schedule)}</text:p>',
                f'<text:p text:style-name="ILR">{_page_ref(f"p{i}")}</text:p>',
            )
            for i in members
        )
        parts.append("</table:table>")
    return parts


def fodt(data: GuidebookData) -> str:
    """The guidebook as a word-processor document: the same cover, contents (page numbers
    are reference fields LibreOffice fills in), places with their photos and indexes."""
    e = escape
    head = (
        GB_HEAD.replace("ACCENT", ACCENT)
        .replace("LABELmm", f"{LABEL_MM}mm")
        .replace("VALUEmm", f"{TEXT_WIDTH_MM - PHOTO_MM[0] - 3 - LABEL_MM:.1f}mm")
        .replace("PHOTOmm", f"{PHOTO_MM[0] + 3}mm")
        .replace("FOOTER", e(f"{data.title} {data.scope}".strip()))
    )
    parts = [
        head,
        f'<text:p text:style-name="CT">{e(data.title)}</text:p>',
        f'<text:p text:style-name="CS">{e(data.scope)}</text:p>',
        f"<text:p>掲載 {len(data.entries)} か所</text:p>",
    ]
    if data.area_facts:
        parts.append(
            '<table:table table:style-name="FT"><table:table-column table:style-name="FC1"/>'
            '<table:table-column table:style-name="FC2"/>'
        )
        parts.extend(
            _row(f"<text:p>{e(k)}</text:p>", f"<text:p>{e(v)}</text:p>") for k, v in data.area_facts
        )
        parts.append("</table:table>")
    lines = issuer_lines(data.issuer)
    if lines:
        parts.append('<text:p text:style-name="IS">発行・お問い合わせ</text:p>')
        parts.extend(f"<text:p>{e(line)}</text:p>" for line in lines)
    if data.created:
        parts.append(f"<text:p>{e(data.created)} 作成</text:p>")
    parts.append('<text:p text:style-name="TT">もくじ</text:p>')
    parts.append(
        '<table:table table:style-name="IT"><table:table-column table:style-name="TC1"/>'
        '<table:table-column table:style-name="TC2"/><table:table-column table:style-name="TC3"/>'
    )
    contents = [(s.area, f"{len(s.entries)}か所", f"a{n}") for n, s in enumerate(data.sections)]
    contents += [("種類別さくいん", "", "ik"), ("曜日別さくいん", "", "iw")]
    parts.extend(
        _row(
            f'<text:p text:style-name="TOC">{e(name)}</text:p>',
            f'<text:p text:style-name="TOC">{e(count)}</text:p>',
            f'<text:p text:style-name="TOCR">{_page_ref(mark)}</text:p>',
        )
        for name, count, mark in contents
    )
    parts.append("</table:table>")
    index = 0
    for n, section in enumerate(data.sections):
        parts.append(
            f'<text:p text:style-name="AH"><text:bookmark text:name="a{n}"/>'
            f"{e(section.area)}</text:p>"
        )
        for entry in section.entries:
            parts.append(_entry(index, entry))
            index += 1
    by_kind: dict[str, list[int]] = {k: [] for k in data.kind_order}
    by_day: dict[str, list[int]] = {f"{d}曜日": [] for d in WEEKDAYS}
    by_day[NO_WEEKDAY] = []
    for i, entry in enumerate(data.entries):
        by_kind.setdefault(entry.kind, []).append(i)
        for day in entry.weekdays:
            by_day[f"{WEEKDAYS[day]}曜日"].append(i)
        if not entry.weekdays:
            by_day[NO_WEEKDAY].append(i)
    parts += _index("種類別さくいん", "ik", {k: v for k, v in by_kind.items() if v}, data)
    parts += _index("曜日別さくいん", "iw", {k: v for k, v in by_day.items() if v}, data)
    parts.append("</office:text></office:body></office:document>")
    return "\n".join(parts)


# -- main --------------------------------------------------------------------------


def megabytes(size: int | None) -> str:
    return "—" if size is None else f"{size / 1e6:.1f} MB"


def times(ours: float | int, theirs: float | int | None) -> str:
    """LibreOffice's figure as a multiple of ours."""
    return "—" if theirs is None or not ours else f"{theirs / ours:.1f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--skip-libreoffice", action="store_true")
    parser.add_argument(
        "--keep", type=Path, default=None, help="copy both PDFs and the .fodt into this folder"
    )
    args = parser.parse_args(argv)
    lo_time = lo_size = lo_pages = None
    lo_version = "soffice not found"
    with tempfile.TemporaryDirectory(prefix="guidebook-bench-") as tmp:
        work = Path(tmp)
        db_path = work / "bench.sqlite3"
        started = time.perf_counter()
        services = make_database(db_path, args.count)
        made = time.perf_counter() - started
        profile = services.settings.municipality()
        started = time.perf_counter()
        data = services.gathering_places.guidebook(profile, today=date.today())
        built = time.perf_counter() - started
        started = time.perf_counter()
        rendered = GuidebookRenderer().render(data)
        render = time.perf_counter() - started
        services.db.close()
        pages = len(PdfReader(io.BytesIO(rendered.pdf)).pages)
        out = work / "guidebook.pdf"
        started = time.perf_counter()
        command = [sys.executable, "-m", "coordinator_app", "--db", str(db_path)]
        subprocess.run(
            [*command, "guidebook", "-o", str(out)],
            check=True,
            capture_output=True,
        )
        cli = time.perf_counter() - started
        cli_size = out.stat().st_size
        document = work / "guidebook.fodt"
        document.write_text(fodt(data), encoding="utf-8")
        lo_pdf = work / "lo" / "guidebook.pdf"
        if args.skip_libreoffice:
            lo_version = "skipped (--skip-libreoffice)"
        else:
            try:
                office = LibreOffice(work)
            except FileNotFoundError:
                office = None
            if office is not None:
                lo_version = office.version()
                started = time.perf_counter()
                office.convert([document], lo_pdf.parent)  # cold: a fresh profile
                lo_time = time.perf_counter() - started
                lo_size = lo_pdf.stat().st_size
                lo_pages = len(PdfReader(lo_pdf).pages)
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(out, args.keep / "guidebook.pdf")
            shutil.copy(document, args.keep / "guidebook.fodt")
            if lo_pdf.exists():
                shutil.copy(lo_pdf, args.keep / "guidebook-libreoffice.pdf")
        fodt_size = document.stat().st_size
    print(f"Machine: {machine()}")
    print(f"LibreOffice: {lo_version}\n")
    print(
        f"{args.count} places with photos (database built in {seconds(made)}; "
        f"the equivalent .fodt {megabytes(fodt_size)})\n"
    )
    print("| step | coordinator-app | LibreOffice | LibreOffice / app |")
    print("|---|---:|---:|---:|")
    print(f"| guidebook data from the database | {seconds(built)} | | |")
    print(f"| render the PDF, in the app | {seconds(render)} | | |")
    print(
        "| whole guidebook to PDF, command line end to end; one cold `soffice` run "
        f"| {seconds(cli)} | {seconds(lo_time)} | {times(cli, lo_time)} |"
    )
    print(f"| PDF pages | {pages} | {lo_pages or '—'} | |")
    print(
        f"| PDF size | {megabytes(cli_size)} | {megabytes(lo_size)} | {times(cli_size, lo_size)} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
