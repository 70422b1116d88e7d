"""``coordinator-app project-page``: a project's publishable page as PDF or HTML.

Examples::

    coordinator-app project-page --project "世田谷区 伴走支援" -o setagaya.pdf
    coordinator-app project-page --project "世田谷区 伴走支援" --wareki -o setagaya.html
    coordinator-app project-page --project 3f0c… --include-unreviewed -o draft.pdf

The format follows the output's suffix (.pdf or .html/.htm). Unreviewed
entries are left out unless ``--include-unreviewed``. Exit status: 0 done
(warnings, e.g. an unreadable photo, on stderr), 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coordinator_app.commands.output import EXIT_USAGE, deliver

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project", required=True, metavar="NAME_OR_ID", help="プロジェクト名またはID"
    )
    parser.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="未確認の進捗も載せる(既定では確認済の進捗だけ)",
    )
    parser.add_argument("--wareki", action="store_true", help="日付を和暦で表示する")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="出力先(.pdf または .html)"
    )


def run(args: argparse.Namespace) -> int:
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import default_database_path

    if getattr(args, "demo", False):
        print(
            "project-page: --demo はこのコマンドでは使えません。--db を指定してください",
            file=sys.stderr,
        )
        return EXIT_USAGE
    kind = FORMATS.get(args.output.suffix.lower())
    if kind is None:
        print("project-page: 出力先は .pdf か .html のファイルにしてください", file=sys.stderr)
        return EXIT_USAGE
    db = open_database(args.db or default_database_path())
    try:
        services = Services.create(db)
        project = services.project_pages.find_project(args.project)
        data = services.project_pages.build(
            project.id, include_unreviewed=args.include_unreviewed, wareki=args.wareki
        )
    except LookupError as exc:
        print(f"project-page: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()
    if kind == "pdf":
        from coordinator_app.documents.render.project_page import ProjectPageRenderer

        rendered = ProjectPageRenderer().render(data)
        content, warnings = rendered.pdf, rendered.warnings
    else:
        from coordinator_app.documents.render.project_page_html import ProjectPageHtmlRenderer

        page = ProjectPageHtmlRenderer().render(data)
        content, warnings = page.html, page.warnings
    if not deliver("project-page", args.output, content, warnings):
        return EXIT_USAGE
    if not data.entries:
        print(
            "注意: 掲載する進捗がありません(未確認の進捗は --include-unreviewed で載せられます)",
            file=sys.stderr,
        )
    print(args.output)
    return 0
