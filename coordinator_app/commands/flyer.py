"""``coordinator-app flyer``: coordinator introduction flyers as PDF, for scripts.

Examples::

    coordinator-app flyer --all-active --layout a5x2 -o flyers.pdf
    coordinator-app flyer --all-active --separate -o flyers/
    coordinator-app flyer -c "佐藤 一郎" --layout cards --design warm -o cards.pdf
    coordinator-app flyer --layout team --area 北部圏域 -o team.pdf

Exit status: 0 done (warnings on stderr: text shortened, a character no
bundled font has printed as 〓), 2 bad input, 3 with ``--strict`` when any
text was shortened or replaced.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator_app.documents.data.flyer import (
    DESIGN_LABELS,
    LAYOUT_LABELS,
    FlyerIssue,
    FlyerOverflowError,
    Layout,
    QrContent,
)

if TYPE_CHECKING:
    from coordinator_app.services.flyer_sources import FlyerSources
    from coordinator_app.storage.database import Database

EXIT_USAGE = 2
EXIT_OVERFLOW = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-c",
        "--coordinator",
        action="append",
        default=[],
        metavar="ID_OR_NAME",
        help="コーディネーターのIDまたは氏名(繰り返し指定できます)",
    )
    parser.add_argument("--all-active", action="store_true", help="担当中のコーディネーター全員")
    parser.add_argument(
        "--area",
        default=None,
        metavar="ID_OR_NAME",
        help="チーム紹介の地区(省略すると市全域)",
    )
    parser.add_argument(
        "--layout",
        choices=[layout.value for layout in Layout],
        default=Layout.A4.value,
        help=", ".join(f"{k.value}={v}" for k, v in LAYOUT_LABELS.items()),
    )
    parser.add_argument(
        "--design",
        choices=list(DESIGN_LABELS),
        default=next(iter(DESIGN_LABELS)),
        help=", ".join(f"{k}={label}" for k, label in DESIGN_LABELS.items()),
    )
    parser.add_argument(
        "--qr",
        choices=[q.value for q in QrContent],
        default=QrContent.AUTO.value,
        help="QRコードの内容 (auto: ホームページ、なければ連絡先)",
    )
    parser.add_argument(
        "--separate",
        action="store_true",
        help="1人1ファイル(--output はフォルダ)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="--separate で同時に作成するプロセス数(省略するとCPU数、最大4)",
    )
    parser.add_argument("--wareki", action="store_true", help="地域の統計の基準日を和暦で表示する")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="枠に収まらない文字があればPDFを作らずに終了する",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="出力先のPDFファイル(またはフォルダ)"
    )


def default_jobs() -> int:
    """The processors this process may use, at most 4 (more rarely pays off)."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        available = os.cpu_count() or 1
    return max(1, min(4, available))


def _find_coordinators(services: FlyerSources, wanted: list[str]) -> list[uuid.UUID]:
    everyone = None
    found: list[uuid.UUID] = []
    for item in wanted:
        try:
            found.append(services.coordinators.get(uuid.UUID(item)).id)
            continue
        except ValueError:
            pass
        if everyone is None:  # read only when a name is given
            everyone = services.coordinators.list().rows
        key = " ".join(item.split())
        matches = [c for c in everyone if " ".join(c.name.split()) == key]
        if not matches:
            raise LookupError(f"コーディネーター「{item}」が見つかりません")
        if len(matches) > 1:
            raise LookupError(
                f"「{item}」という名前のコーディネーターが複数います。IDで指定してください"
            )
        found.append(matches[0].id)
    return list(dict.fromkeys(found))


def _find_area(services: FlyerSources, wanted: str) -> uuid.UUID:
    try:
        return services.areas.get(uuid.UUID(wanted)).id
    except ValueError:
        pass
    matches = [a for a in services.areas.list().rows if a.name == wanted.strip()]
    if len(matches) != 1:
        raise LookupError(f"地区「{wanted}」が見つからないか、同じ名前が複数あります")
    return matches[0].id


def run(args: argparse.Namespace) -> int:
    from coordinator_app.services.flyer_sources import NarrowFlyerSources
    from coordinator_app.storage.default_location import default_database_path

    if getattr(args, "demo", False):
        print(
            "flyer: --demo はこのコマンドでは使えません。--db を指定してください", file=sys.stderr
        )
        return EXIT_USAGE
    path = Path(args.db or default_database_path())
    # A file at the schema head is read without the ORM (most of a single flyer's
    # start-up); any other goes through the full open, which creates, migrates or
    # refuses it as it always did.
    narrow = NarrowFlyerSources.open(path)
    db = None if narrow is not None else _open_fully(path)
    try:
        sources = narrow if narrow is not None else _services(db)
        files, warnings = _make(sources, args)
    except FlyerOverflowError as exc:
        print(f"flyer: {exc}", file=sys.stderr)
        return EXIT_OVERFLOW
    except (LookupError, ValueError) as exc:
        print(f"flyer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if narrow is not None:
            narrow.close()
        if db is not None:
            db.close()
    for warning in warnings:
        print(f"注意: {warning}", file=sys.stderr)
    for path in files:
        print(path)
    return 0


def _open_fully(path: Path) -> Database:
    from coordinator_app.storage.database import open_database

    return open_database(path)


def _services(db: Database | None) -> FlyerSources:
    from coordinator_app.services.flyer_data import FlyerServices

    assert db is not None
    return FlyerServices.create(db)


def _make(services: FlyerSources, args: argparse.Namespace) -> tuple[list[Path], list[FlyerIssue]]:
    from coordinator_app.documents.batch import FlyerBatch, write_atomically
    from coordinator_app.documents.render.flyer import renderer_for
    from coordinator_app.services.flyer_data import FlyerDataBuilder

    builder = FlyerDataBuilder(services, qr=QrContent(args.qr), wareki=args.wareki)
    renderer = renderer_for(args.design)
    layout = Layout(args.layout)
    if layout == Layout.TEAM:
        area_id = _find_area(services, args.area) if args.area else None
        rendered = renderer.render_team(builder.team(area_id), strict=args.strict)
        write_atomically(args.output, rendered.pdf)
        return [args.output], list(rendered.warnings)
    ids = _find_coordinators(services, args.coordinator)
    if args.all_active:
        ids = list(dict.fromkeys([*ids, *builder.active_coordinator_ids()]))
    if not ids:
        raise LookupError("-c か --all-active でコーディネーターを選んでください")
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise ValueError("--jobs は1以上で指定してください")
    result = FlyerBatch(builder, renderer, layout, workers=jobs).run(
        ids, args.output, separate=args.separate, strict=args.strict
    )
    return result.files, result.warnings
