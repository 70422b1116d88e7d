"""``coordinator-app guidebook``: the 通いの場ガイドブック as PDF.

Examples::

    coordinator-app guidebook -o guidebook.pdf
    coordinator-app guidebook --area 児島 -o kojima.pdf
    coordinator-app guidebook --booklet -o booklet.pdf   # A5, two pages per A4 sheet

Only active places (活動中) are printed; a place's contact person and phone
only when it may be printed. A place whose text does not fit on one page is
named before the PDF is made; the command then stops (asked first when run
from a terminal) unless ``--shorten`` says to print it shortened. Exit status:
0 done (warnings, e.g. an unreadable photo, on stderr), 2 bad input or stopped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coordinator_app.commands.output import EXIT_USAGE, deliver


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", metavar="NAME_OR_ID", default=None, help="地区名またはID(省略すると市全体)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="出力先(.pdf)")
    parser.add_argument(
        "--booklet",
        action="store_true",
        help="A5の冊子: 2ページずつA4横に、両面印刷して二つ折りにできる順で並べる",
    )
    parser.add_argument(
        "--shorten",
        action="store_true",
        help="1ページに収まらない通いの場を、入りきらない部分を省略して載せる(聞かずに続ける)",
    )


def run(args: argparse.Namespace) -> int:
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import default_database_path

    if getattr(args, "demo", False):
        print(
            "guidebook: --demo はこのコマンドでは使えません。--db を指定してください",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.output.suffix.lower() != ".pdf":
        print("guidebook: 出力先は .pdf のファイルにしてください", file=sys.stderr)
        return EXIT_USAGE
    db = open_database(args.db or default_database_path())
    try:
        services = Services.create(db)
        places = services.gathering_places
        area_id = places.find_area(args.area).id if args.area else None
        data = places.guidebook(services.settings.municipality(), area_id)
    except LookupError as exc:
        print(f"guidebook: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()
    from coordinator_app.documents.render.guidebook import GuidebookRenderer
    from coordinator_app.documents.render.guidebook_check import (
        overflow_message,
        overflowing_places,
    )

    renderer = GuidebookRenderer(booklet=args.booklet)
    too_long = overflowing_places(data, renderer)
    if too_long:
        print(f"guidebook: {overflow_message(too_long)}", file=sys.stderr)
        if not args.shorten and not _go_on():
            print("guidebook: 中止しました(--shorten で省略して作れます)", file=sys.stderr)
            return EXIT_USAGE
    rendered = renderer.render(data)
    if not deliver("guidebook", args.output, rendered.pdf, rendered.warnings):
        return EXIT_USAGE
    if not data.entries:
        print("注意: 掲載する通いの場(活動中)がありません", file=sys.stderr)
    print(args.output)
    return 0


def _go_on() -> bool:
    """Asks on the terminal whether to print the overflowing places shortened (never in a pipe)."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input("省略して作りますか? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "はい")
