"""Issue 16: a batch of flyers does each piece of work once, and workers change nothing.

Structure, not timing: the font is parsed and its glyph table sliced once per
process however many flyers a batch makes; the municipality's settings are
read once per batch; a QR symbol shared by every flyer is drawn into path
operators once; a photo is decoded once; and separate files rendered by two
forked workers are the files, order and progress of a serial run.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageFile
from pypdf import PdfReader
from reportlab import rl_config

from coordinator_app.documents.batch import MIN_PER_WORKER, FlyerBatch
from coordinator_app.documents.data.flyer import Layout, RenderedFlyer
from coordinator_app.documents.design import flyer as flyer_design
from coordinator_app.documents.design.images import cropped_photo
from coordinator_app.documents.render.flyer import FlyerRenderer
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.documents.conftest import TODAY, Fussa
from tests.statements import counting

COUNT_IN_A_FRESH_PROCESS = """
import json, sys, uuid
from pathlib import Path
from reportlab.pdfbase import ttfonts

sliced = []
original = ttfonts.TTFontParser.get_table

def counting(self, tag):
    sliced.append(tag)
    return original(self, tag)

ttfonts.TTFontParser.get_table = counting

from coordinator_app.documents.batch import FlyerBatch
from coordinator_app.documents.data.flyer import Layout
from coordinator_app.documents.design import fonts
from coordinator_app.documents.render.flyer import renderer_for
from coordinator_app.services.flyer_data import FlyerDataBuilder, FlyerServices
from coordinator_app.storage.database import open_database

db = open_database(Path(sys.argv[1]))
ids = [uuid.UUID(i) for i in sys.argv[3:]]
builder = FlyerDataBuilder(FlyerServices.create(db))
renderer = renderer_for("standard")
result = FlyerBatch(builder, renderer, Layout.A4).run(ids, Path(sys.argv[2]), separate=True)
FlyerBatch(builder, renderer, Layout.CARDS).run(ids, Path(sys.argv[2]) / "all.pdf", separate=False)
db.close()
print(json.dumps({"files": len(result.files), "parsed": dict(fonts.PARSED),
                  "glyf": sliced.count("glyf")}))
"""


def test_a_batch_parses_the_font_once_and_slices_its_glyphs_once(
    db_path: Path, fussa: Fussa, tmp_path: Path
) -> None:
    ids = [str(i) for i in fussa.everyone] * 2
    done = subprocess.run(
        [sys.executable, "-c", COUNT_IN_A_FRESH_PROCESS, str(db_path), str(tmp_path), *ids],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["files"] == 8
    # Nine documents (eight flyers and a card sheet), several font subsets each:
    # one parse of IPAexGothic, one slice of its 5 MB glyph table.
    assert found["parsed"] == {"ipaexg.ttf": 1}
    assert found["glyf"] == 1


@pytest.fixture
def counted(db: Database) -> Iterator[list[str]]:
    with counting(db) as statements:
        yield statements


def test_settings_are_read_once_per_batch_and_each_flyer_costs_one_statement(
    services: Services, fussa: Fussa, counted: list[str]
) -> None:
    def statements_for(repeat: int) -> list[str]:
        counted.clear()
        FlyerDataBuilder(services, today=TODAY).flyers(fussa.everyone * repeat)
        return [s for s in counted if s.startswith("SELECT")]

    four, eight = statements_for(1), statements_for(2)
    assert len(eight) - len(four) == len(fussa.everyone)  # its coordinator row, nothing else
    assert sum("FROM setting" in s for s in eight) == 1


def test_a_qr_symbol_shared_by_every_flyer_is_made_once(services: Services, fussa: Fussa) -> None:
    flyers = FlyerDataBuilder(services, today=TODAY).flyers(fussa.everyone)
    assert len({f.qr.payload for f in flyers if f.qr}) == 1  # the city's website
    flyer_design.qr_path_code.cache_clear()
    FlyerRenderer().render(flyers, Layout.A4)
    assert flyer_design.qr_path_code.cache_info().misses == 1
    assert flyer_design.qr_path_code.cache_info().hits == len(flyers) - 1


def test_a_photo_is_decoded_once_and_embedded_as_the_jpeg_made_for_print(
    services: Services, fussa: Fussa, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = FlyerDataBuilder(services, today=TODAY).flyer(fussa.tier1.id)
    assert data.coordinator.photo and data.coordinator.photo.startswith(b"\xff\xd8")
    decodes: list[str] = []
    load = ImageFile.ImageFile.load

    def counting(self: ImageFile.ImageFile) -> object:
        if self.tile and self.format == "JPEG":
            decodes.append(str(self.size))
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting)
    cropped_photo.cache_clear()
    pdf = FlyerRenderer().render([data], Layout.A4).pdf
    assert len(decodes) == 1, decodes  # the stored photo; never the print JPEG again
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    images = _images(page)
    filters = [[str(f) for f in img["/Filter"]] for img in images]
    assert sorted(filters) == [["/DCTDecode"], ["/FlateDecode"]]  # the photo; the city's logo


def _images(page) -> list:  # type: ignore[no-untyped-def, type-arg]
    found = []

    def walk(resources) -> None:  # type: ignore[no-untyped-def]
        for obj in (resources or {}).get("/XObject", {}).values():
            obj = obj.get_object()
            if obj["/Subtype"] == "/Image":
                found.append(obj)
            else:
                walk(obj.get("/Resources"))

    walk(page["/Resources"])
    return found


class PidRecordingRenderer(FlyerRenderer):
    """Notes which process rendered each flyer (a file per process)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def render(self, flyers, layout, **kwargs) -> RenderedFlyer:  # type: ignore[no-untyped-def]
        with (self.folder / f"{os.getpid()}.txt").open("a", encoding="utf-8") as out:
            out.write("".join(f"{f.owner}\n" for f in flyers))
        return super().render(flyers, layout, **kwargs)


needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers need fork"
)


def _run(
    builder: FlyerDataBuilder, renderer: FlyerRenderer, ids: list, target: Path, workers: int
) -> tuple[list[str], list[bytes], list[tuple[int, int]]]:  # type: ignore[type-arg]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    result = FlyerBatch(builder, renderer, Layout.A4, workers=workers).run(
        ids, target, separate=True, progress=progress
    )
    return [p.name for p in result.files], [p.read_bytes() for p in result.files], seen


@needs_fork
def test_two_workers_write_the_files_order_and_progress_of_a_serial_run(
    services: Services, fussa: Fussa, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random id in a PDF
    ids = fussa.everyone * 2
    assert len(ids) == 2 * MIN_PER_WORKER
    builder = FlyerDataBuilder(services, today=TODAY)
    pids = tmp_path / "pids"
    pids.mkdir()
    serial = _run(builder, FlyerRenderer(), ids, tmp_path / "serial", workers=1)
    parallel = _run(builder, PidRecordingRenderer(pids), ids, tmp_path / "parallel", workers=2)
    assert parallel == serial
    assert serial[0][:5] == [
        "佐藤 一郎_a4.pdf",
        "田中 花子_a4.pdf",
        "高橋 美和_a4.pdf",
        "渡辺 健太_a4.pdf",
        "佐藤 一郎_a4_2.pdf",
    ]
    assert serial[2] == [(i, 16) for i in range(1, 17)]
    workers = {p.stem for p in pids.iterdir()}
    assert len(workers) == 2 and str(os.getpid()) not in workers
    rendered = sorted(line for p in pids.iterdir() for line in p.read_text().splitlines())
    assert rendered == sorted(f.owner for f in builder.flyers(ids))
    assert not multiprocessing.active_children()
    assert not list((tmp_path / "parallel").glob(".*"))  # no partial file left


@needs_fork
def test_cancelling_a_batch_in_workers_keeps_the_finished_files_and_stops_them(
    services: Services, fussa: Fussa, tmp_path: Path
) -> None:
    ids = fussa.everyone * 3
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < len(ids) + 3  # stop after the third file

    builder = FlyerDataBuilder(services, today=TODAY)
    result = FlyerBatch(builder, FlyerRenderer(), Layout.A4, workers=2).run(
        ids, tmp_path / "out", separate=True, progress=progress
    )
    assert result.cancelled
    assert len(result.files) == 3
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in result.files
    )
    assert seen[-1] == len(ids) + 3
    assert not multiprocessing.active_children()


@needs_fork
def test_few_flyers_or_one_worker_render_here(services: Services) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    batch = FlyerBatch(builder, FlyerRenderer(), Layout.A4, workers=2)
    assert batch.workers_for(2 * MIN_PER_WORKER - 1) == 1
    assert batch.workers_for(2 * MIN_PER_WORKER) == 2
    assert batch.workers_for(1000) == 2
    assert FlyerBatch(builder, FlyerRenderer(), Layout.A4).workers_for(1000) == 1


def _halves(orientation: int | None) -> bytes:
    """A 1600 x 1200 JPEG, left half red and right half blue, with an EXIF orientation."""
    image = Image.new("RGB", (1600, 1200), (220, 30, 30))
    image.paste((30, 30, 220), (800, 0, 1600, 1200))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _print_pixels(data: bytes) -> Image.Image:
    cropped_photo.cache_clear()
    reader = cropped_photo(data, 72.0, 96.0)  # a 3:4 portrait box
    return Image.open(io.BytesIO(reader.getRGBData())).convert("RGB")


def test_a_photo_taken_sideways_is_turned_upright_and_an_upright_one_kept() -> None:
    # Orientation 6: the camera was turned; shown upright, the red half is on top.
    turned = _print_pixels(_halves(6))
    assert turned.size == (250, 333)
    top, bottom = turned.getpixel((125, 20)), turned.getpixel((125, 313))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0], (top, bottom)
    # No orientation (or 1): kept as stored, red left and blue right of the crop.
    for orientation in (None, 1):
        upright = _print_pixels(_halves(orientation))
        left, right = upright.getpixel((20, 166)), upright.getpixel((230, 166))
        assert left[0] > 150 > left[2] and right[2] > 150 > right[0], (left, right)
