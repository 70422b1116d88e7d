"""Benchmark: the 通いの場ガイドブック of many places with photos.

Builds a temporary database with ``--count`` gathering places (each with its
own 1200 x 900 JPEG photo, as a phone gives) spread over 20 districts, then
times building the guidebook's data, rendering the PDF (layout runs until
the page numbers settle), and the command line end to end; prints a Markdown
table with times, pages and file size.

LibreOffice converting the equivalent document is timed by
``benchmarks/flyers.py`` for the flyers; for the guidebook it is not measured
yet (no ``soffice`` on the machine this was written on): the table says so
rather than invent a figure.

Usage::

    python benchmarks/guidebook.py [--count 1000]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader

from benchmarks.flyers import machine, seconds
from coordinator_app.documents.render.guidebook import GuidebookRenderer
from coordinator_app.domain.enums import AreaKind
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        db_path = Path(work) / "bench.sqlite3"
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
        out = Path(work) / "guidebook.pdf"
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "coordinator_app",
                "--db",
                str(db_path),
                "guidebook",
                "-o",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        cli = time.perf_counter() - started
    libreoffice = "not measured (no soffice)" if not shutil.which("soffice") else "not measured yet"
    print(f"Machine: {machine()}\n")
    print(f"{args.count} places with photos (database built in {seconds(made)})\n")
    print("| step | time |")
    print("|---|---|")
    print(f"| guidebook data from the database | {seconds(built)} |")
    print(
        f"| render the PDF ({pages} pages, {len(rendered.pdf) / 1e6:.1f} MB) | {seconds(render)} |"
    )
    print(f"| `coordinator-app guidebook -o OUT.pdf` end to end | {seconds(cli)} |")
    print(f"| LibreOffice converting the equivalent document | {libreoffice} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
