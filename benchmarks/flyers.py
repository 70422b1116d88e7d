"""Benchmark: coordinator flyers from the database vs a LibreOffice mail merge.

What staff would otherwise do: keep the flyer as a word-processor document,
fill in each coordinator (a mail merge), and let LibreOffice convert every
document to PDF headless. This script builds a temporary database with
generated coordinators (each with their own photo), then times

* one flyer in the app (warm: data + render), and end to end through the
  command line (interpreter start, database, font, PDF written);
* the batch of all coordinators, one PDF each, in the app and through the
  command line;
* LibreOffice converting the equivalent flat-ODT flyer (same text, photo and
  QR image, the same IPAexGothic font): one document; all documents in one
  ``soffice`` invocation; and one invocation per document (a mail-merge loop);

and prints a Markdown table with both figures and the ratio, plus PDF sizes.

Usage::

    python benchmarks/flyers.py [--count 100] [--lo-loop 100] [--skip-libreoffice]
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw
from reportlab import Version as REPORTLAB_VERSION
from reportlab.graphics.barcode import qrencoder

import coordinator_app
from coordinator_app.documents.batch import FlyerBatch
from coordinator_app.documents.data.flyer import FlyerData, Layout
from coordinator_app.documents.design.flyer import qr_modules
from coordinator_app.documents.design.images import cropped_photo
from coordinator_app.documents.render.flyer import FlyerRenderer
from coordinator_app.domain.enums import AreaKind, OrgKind
from coordinator_app.domain.models import Area, Assignment, Coordinator, Organisation
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile
from coordinator_app.storage.database import open_database

FAMILY = [
    ("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか"),
    ("伊藤", "いとう"), ("渡辺", "わたなべ"), ("山本", "やまもと"), ("中村", "なかむら"),
    ("小林", "こばやし"), ("加藤", "かとう"),
]  # fmt: skip
GIVEN = [
    ("一郎", "いちろう"), ("花子", "はなこ"), ("美和", "みわ"), ("健太", "けんた"),
    ("由美", "ゆみ"), ("大輔", "だいすけ"), ("直子", "なおこ"), ("翔", "しょう"),
    ("陽子", "ようこ"), ("誠", "まこと"),
]  # fmt: skip
MESSAGE = (
    "地域の皆さんの「やってみたい」を応援します。サロンや体操の集まりなど、お気軽にご相談ください。"
)


# -- the database ------------------------------------------------------------------


def photo(index: int) -> bytes:
    """A distinct 1200 x 1600 head-and-shoulders JPEG, as a phone would give."""
    image = Image.new("RGB", (1200, 1600), (180 + index % 60, 200, 220 - index % 50))
    draw = ImageDraw.Draw(image)
    draw.ellipse((420, 330, 780, 780), fill=(240, 200, 170))
    draw.ellipse((200, 860, 1000, 1900), fill=(40 + (index * 37) % 160, 80, 140))
    draw.text((40, 40), f"{index:03d}", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def make_database(path: Path, count: int) -> tuple[Services, list[uuid.UUID]]:
    services = Services.create(open_database(path))
    services.settings.save_municipality(
        MunicipalityProfile(
            name="若葉台市",
            department="健康福祉部 高齢福祉課",
            address="〒100-0001 若葉台市本町1番1号",
            phone="0120-000-000",
            email="kourei@city.wakabadai.example.jp",
            website="https://www.city.wakabadai.example.jp/",
        )
    )
    city = services.areas.save(
        Area(name="若葉台市", kana="わかばだいし", kind=AreaKind.MUNICIPALITY)
    )
    areas, centres = [], []
    for i in range(5):
        areas.append(
            services.areas.save(
                Area(
                    name=f"第{i + 1}圏域",
                    kana=f"だい{i + 1}けんいき",
                    kind=AreaKind.DAILY_LIFE_AREA,
                    parent_id=city.id,
                )
            )
        )
        centres.append(
            services.organisations.save(
                Organisation(
                    name=f"若葉台市地域包括支援センター第{i + 1}",
                    kana=f"わかばだいしちいきほうかつしえんせんたー{i + 1}",
                    kind=OrgKind.SUPPORT_CENTER,
                    address=f"〒100-000{i + 2} 若葉台市緑町{i + 1}丁目{i + 3}番地",
                    phone=f"0120-000-10{i}",
                )
            )
        )
    ids = []
    for i in range(count):
        family, given = FAMILY[i // 10 % 10], GIVEN[i % 10]
        person = services.coordinators.save(
            Coordinator(
                name=f"{family[0]} {given[0]}" + (f"{i // 100}" if i >= 100 else ""),
                kana=f"{family[1]} {given[1]}",
                phone=f"0120-{i:03d}-{i:03d}",
                email=f"sc{i:03d}@city.wakabadai.example.jp",
                office_hours="平日 8:30〜17:15(土日祝・年末年始を除く)",
                message=MESSAGE,
                photo=photo(i),
            )
        )
        tier = 1 if i == 0 else 2
        services.assignments.save(
            Assignment(
                coordinator_id=person.id,
                tier=tier,
                area_id=city.id if tier == 1 else areas[i % 5].id,
                organisation_id=centres[i % 5].id,
                concurrent=tier == 2,
                start_date=date(2023, 4, 1),
            )
        )
        ids.append(person.id)
    return services, ids


# -- timing ------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_of(runs: int, action: Callable[[], object]) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def cli(db: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(
        [sys.executable, "-m", "coordinator_app", "--db", str(db), "flyer", *args],
        check=True,
        capture_output=True,
        env=env,
    )


def installed_env(cache: Path) -> dict[str, str]:
    """The environment of an installed app, its bytecode compiled beforehand into ``cache``.

    pip and PyInstaller ship compiled bytecode; a work tree run with
    ``PYTHONDONTWRITEBYTECODE`` (as in this project's sessions) compiles every
    module of the app from source in every fresh process instead.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    package = Path(coordinator_app.__file__).parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(package)],
        env=env,
        check=True,
        capture_output=True,
    )
    return env


# -- the LibreOffice path ----------------------------------------------------------

_FODT_OPEN = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="IPAexGothic" svg:font-family="IPAexGothic"/>
</office:font-face-decls>
<office:styles>
"""


def fodt_document_open(font_size: str) -> str:
    """The start of a flat ODT shared by the flyer and guidebook documents: namespaces,
    the app's font and the default paragraph style at ``font_size`` (e.g. "10pt")."""
    return (
        _FODT_OPEN
        + ' <style:default-style style:family="paragraph">\n'
        + '  <style:text-properties style:font-name="IPAexGothic"'
        + ' style:font-name-asian="IPAexGothic"\n'
        + f'   fo:font-size="{font_size}" style:font-size-asian="{font_size}"'
        + ' fo:color="#222222"/>\n'
        + " </style:default-style>\n"
    )


FODT_HEAD = (
    fodt_document_open("10pt")
    + """</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm"
  fo:page-height="297mm" fo:margin-top="15mm" fo:margin-bottom="12mm" fo:margin-left="15mm"
  fo:margin-right="15mm"/></style:page-layout>
 <style:style style:name="K" style:family="paragraph"><style:text-properties fo:color="#1D5A9E"
  fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
 <style:style style:name="H" style:family="paragraph"><style:paragraph-properties
  fo:margin-bottom="4mm" fo:border-bottom="0.8pt solid #1D5A9E"/><style:text-properties
  fo:font-size="28pt" style:font-size-asian="28pt" fo:font-weight="bold"
  style:font-weight-asian="bold"/></style:style>
 <style:style style:name="R" style:family="paragraph"><style:paragraph-properties
  fo:line-height="170%" fo:margin-bottom="4mm"/><style:text-properties fo:font-size="12pt"
  style:font-size-asian="12pt"/></style:style>
 <style:style style:name="T" style:family="paragraph"><style:paragraph-properties
  fo:background-color="#EDF3FA" fo:padding="2mm"/><style:text-properties fo:color="#1D5A9E"
  fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold"
  style:font-weight-asian="bold"/></style:style>
 <style:style style:name="I" style:family="paragraph"><style:paragraph-properties
  fo:background-color="#EDF3FA" fo:padding="1.5mm"/><style:text-properties fo:font-size="13pt"
  style:font-size-asian="13pt"/></style:style>
 <style:style style:name="N" style:family="paragraph"><style:text-properties fo:font-size="26pt"
  style:font-size-asian="26pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="S" style:family="paragraph"><style:text-properties fo:color="#5A6270"
  fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
 <style:style style:name="fr" style:family="graphic"><style:graphic-properties
  style:wrap="right" style:vertical-pos="top" style:horizontal-pos="left"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
"""
)


def _image(name: str, data: bytes, width_mm: float, height_mm: float, kind: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<draw:frame draw:style-name="fr" draw:name="{name}" text:anchor-type="paragraph" '
        f'svg:width="{width_mm}mm" svg:height="{height_mm}mm"><draw:image '
        f'draw:mime-type="image/{kind}"><office:binary-data>{encoded}</office:binary-data>'
        "</draw:image></draw:frame>"
    )


def qr_png(payload: str) -> bytes:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    n = code.getModuleCount()
    image = Image.new("1", (n + 4, n + 4), 1)
    for r, row in enumerate(code.modules):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + 2, r + 2), 0)
    out = io.BytesIO()
    image.resize(((n + 4) * 8, (n + 4) * 8), Image.Resampling.NEAREST).save(out, "PNG")
    return out.getvalue()


def fodt(data: FlyerData) -> str:
    """The mail-merged flyer: the same content as the app's A4 flyer."""
    p = data.coordinator
    e = escape
    parts = [
        FODT_HEAD,
        f'<text:p text:style-name="S">{e(data.issuer.name)} {e(data.issuer.department)}</text:p>',
        f'<text:p text:style-name="K">{e(data.kicker)}</text:p>',
        f'<text:p text:style-name="H">{e(data.heading)}</text:p>',
        f'<text:p text:style-name="R">{e(data.role_explanation)}</text:p>',
        f'<text:p text:style-name="T">{e(data.consult_heading)}</text:p>',
        *(f'<text:p text:style-name="I">✓ {e(t)}</text:p>' for t in data.consult_topics),
        '<text:p text:style-name="R"/>',
        '<text:p text:style-name="S">'
        + (_image("photo", p.photo, 45, 60, "jpeg") if p.photo else "")
        + f"{e(' / '.join(p.posts))}</text:p>",
        f'<text:p text:style-name="S">{e(p.kana)}</text:p>',
        f'<text:p text:style-name="N">{e(p.name)}</text:p>',
        f'<text:p text:style-name="R">{e(p.organisation)}</text:p>',
        f'<text:p text:style-name="R">{e(p.message)}</text:p>',
        '<text:p text:style-name="R"/><text:p text:style-name="R"/>',
        '<text:p text:style-name="R">'
        + (_image("qr", qr_png(data.qr.payload), 28, 28, "png") if data.qr else "")
        + f"電話 {e(p.phone)}</text:p>",
        f'<text:p text:style-name="R">メール {e(p.email)}</text:p>',
        f'<text:p text:style-name="R">住所 {e(p.address)}</text:p>',
        f'<text:p text:style-name="R">受付時間 {e(p.office_hours)}</text:p>',
        f'<text:p text:style-name="S">発行:{e(data.issuer.name)} {e(data.issuer.address)}</text:p>',
        "</office:text></office:body></office:document>",
    ]
    return "\n".join(parts)


class LibreOffice:
    """``soffice --headless --convert-to pdf`` with its own profile and our font."""

    def __init__(self, work: Path) -> None:
        binary = shutil.which("soffice") or shutil.which("libreoffice")
        if binary is None:
            raise FileNotFoundError("soffice")
        self.binary = binary
        self.profile = work / "lo-profile"
        fonts = work / "fonts"
        fonts.mkdir()
        font = resources.files("coordinator_app.resources") / "fonts" / "ipaexg.ttf"
        (fonts / "ipaexg.ttf").write_bytes(font.read_bytes())
        conf = work / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
            f"<cachedir>{work / 'fc-cache'}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        self.env = {**os.environ, "FONTCONFIG_FILE": str(conf)}

    def version(self) -> str:
        out = subprocess.run(
            [self.binary, "--version"], capture_output=True, text=True, env=self.env
        )
        return out.stdout.strip()

    def convert(self, files: list[Path], outdir: Path) -> None:
        subprocess.run(
            [
                self.binary,
                f"-env:UserInstallation=file://{self.profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            env=self.env,
        )


# -- main --------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs (nproc), {model}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, reportlab {REPORTLAB_VERSION}; load average {load}"
    )


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def ratio(ours: float, theirs: float | None) -> str:
    return "—" if theirs is None else f"{theirs / ours:.0f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100, help="coordinators in the batch")
    parser.add_argument(
        "--lo-loop", type=int, default=None, help="separate soffice runs to time (default: --count)"
    )
    parser.add_argument("--skip-libreoffice", action="store_true")
    args = parser.parse_args(argv)
    loop = args.count if args.lo_loop is None else args.lo_loop

    with tempfile.TemporaryDirectory(prefix="flyer-bench-") as tmp:
        work = Path(tmp)
        db_path = work / "bench.sqlite3"
        services, ids = make_database(db_path, args.count)
        start = time.perf_counter()
        renderer = FlyerRenderer()  # registers the 6 MB font: once per process
        renderer.render([FlyerDataBuilder(services).flyer(ids[0])], Layout.A4)
        single_cold = time.perf_counter() - start

        # Warm (fonts loaded): data from the database and the PDF, as the dialog
        # does it, each time another coordinator and nothing cached.
        turn = iter(range(10**9))

        def one() -> bytes:
            cropped_photo.cache_clear()
            qr_modules.cache_clear()
            data = FlyerDataBuilder(services).flyer(ids[1 + next(turn) % (len(ids) - 1)])
            return renderer.render([data], Layout.A4).pdf

        one()
        single_warm = median_of(21, one)
        single_pdf = one()
        single_cli = median_of(
            3, lambda: cli(db_path, "-c", str(ids[1]), "-o", str(work / "c.pdf"))
        )

        def batch(target: Path) -> None:
            FlyerBatch(FlyerDataBuilder(services), renderer, Layout.A4).run(
                ids, target, separate=True
            )

        batch_app = timed(lambda: batch(work / "ours"))
        sizes = [p.stat().st_size for p in (work / "ours").iterdir()]
        assert len(sizes) == args.count
        batch_cli = timed(
            lambda: cli(db_path, "--all-active", "--separate", "-o", str(work / "ours-cli"))
        )
        services.db.close()

        lo_single = lo_batch = lo_loop = None
        lo_size = lo_version = None
        if not args.skip_libreoffice:
            office = LibreOffice(work)
            lo_version = office.version()
            builder = FlyerDataBuilder(Services.create(open_database(db_path)))
            docs = work / "merge"
            docs.mkdir()
            files = []
            for i, coordinator_id in enumerate(ids):
                path = docs / f"flyer_{i:03d}.fodt"
                path.write_text(fodt(builder.flyer(coordinator_id)), encoding="utf-8")
                files.append(path)
            office.convert(files[:1], work / "lo-warmup")  # profile and font cache, not timed
            lo_single = median_of(3, lambda: office.convert(files[1:2], work / "lo-single"))
            lo_size = (work / "lo-single" / "flyer_001.pdf").stat().st_size
            lo_batch = timed(lambda: office.convert(files, work / "lo-batch"))
            assert len(list((work / "lo-batch").glob("*.pdf"))) == args.count

            def mail_merge_loop() -> None:
                for path in files[:loop]:
                    office.convert([path], work / "lo-loop")

            lo_loop = timed(mail_merge_loop) * args.count / max(loop, 1)

    n = args.count
    one_run, loop_runs = f"{n} documents, one soffice run", f"{n} soffice runs (mail-merge loop)"
    one_doc = "one document, soffice"
    rows = [
        ("first flyer in the app (font loaded, A4)", single_cold, lo_single, one_doc),
        ("one flyer, in the app (warm, A4)", single_warm, lo_single, one_doc),
        ("one flyer, command line end to end", single_cli, lo_single, one_doc),
        (f"{n} flyers, one PDF each, in the app", batch_app, lo_batch, one_run),
        (f"{n} flyers, one PDF each, command line", batch_cli, lo_batch, one_run),
        (f"{n} flyers, one PDF each, in the app", batch_app, lo_loop, loop_runs),
    ]
    print(f"Machine: {machine()}")
    if lo_version:
        print(f"LibreOffice: {lo_version}")
    print()
    print("| task | coordinator-app | LibreOffice headless | LibreOffice path | ratio |")
    print("|---|---:|---:|---|---:|")
    for task, ours, theirs, how in rows:
        print(f"| {task} | {seconds(ours)} | {seconds(theirs)} | {how} | {ratio(ours, theirs)} |")
    print()
    print(
        f"Single A4 flyer PDF: {len(single_pdf) / 1024:.0f} KB (coordinator-app)"
        + (f", {lo_size / 1024:.0f} KB (LibreOffice)" if lo_size else "")
        + f"; largest of the {n} batch PDFs: {max(sizes) / 1024:.0f} KB"
    )
    if loop != n and lo_loop is not None:
        print(f"(mail-merge loop timed over {loop} documents, scaled to {n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
