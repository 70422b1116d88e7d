"""``coordinator-app report``: the activity report (実績報告) as PDF or Excel.

Examples::

    coordinator-app report --year 2025 -o report.pdf
    coordinator-app report --year 2025 --area 北部圏域 --lang en -o north.xlsx

The same report as the window's 実績報告, in the window's language: ``--lang``
(ja or en) or, without it, the language saved in this computer's settings
(設定 → 表示言語), else Japanese; dates in 和暦 with ``--wareki`` or when the
settings say so. The format follows the output's suffix (.pdf or .xlsx).
Exit status: 0 done (warnings on stderr), 2 bad input.
"""

from __future__ import annotations

import argparse
import configparser
import os
import sys
from pathlib import Path

from coordinator_app.commands.output import EXIT_USAGE, deliver

FORMATS = (".pdf", ".xlsx")
SETTINGS_APP = "coordinator-app"
"""The organisation and application name the window stores its settings under."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, default=None, help="年度(省略すると最新の年度)")
    parser.add_argument(
        "--area", metavar="NAME_OR_ID", default=None, help="地域名またはID(省略すると市全体)"
    )
    parser.add_argument(
        "--lang",
        dest="report_lang",
        choices=["ja", "en"],
        default=None,
        help="報告の言語(省略すると画面の表示言語の設定、なければ ja)",
    )
    parser.add_argument("--wareki", action="store_true", default=None, help="日付を和暦で表示する")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="出力先(.pdf または .xlsx)"
    )


def settings_file() -> Path:
    """Where the window keeps this user's settings (QSettings, INI format, user scope)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / SETTINGS_APP / f"{SETTINGS_APP}.ini"


def saved_settings(path: Path | None = None) -> dict[str, str]:
    """The window's ``[ui]`` settings (language, wareki); empty when none are saved."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read(path or settings_file(), encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return {}
    return dict(parser["ui"]) if parser.has_section("ui") else {}


def choose_language(asked: str | None, saved: dict[str, str]) -> str:
    """``--lang``, else the window's saved language, else Japanese."""
    if asked:
        return asked
    language = saved.get("language", "")
    return language if language in ("ja", "en") else "ja"


def run(args: argparse.Namespace) -> int:
    from coordinator_app.services.catalogue import Catalogue
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import default_database_path

    if getattr(args, "demo", False):
        print(
            "report: --demo はこのコマンドでは使えません。--db を指定してください", file=sys.stderr
        )
        return EXIT_USAGE
    suffix = args.output.suffix.lower()
    if suffix not in FORMATS:
        print("report: 出力先は .pdf か .xlsx のファイルにしてください", file=sys.stderr)
        return EXIT_USAGE
    saved = saved_settings()
    catalogue = Catalogue.load(choose_language(args.report_lang or args.lang, saved))
    wareki = args.wareki if args.wareki is not None else saved.get("wareki") == "true"
    db = open_database(args.db or default_database_path())
    try:
        services = Services.create(db)
        area_id = services.gathering_places.find_area(args.area).id if args.area else None
        years = services.reports.available_years()
        year = args.year if args.year is not None else years[0]
        report = services.reports.activity_report(year, area_id=area_id)
    except LookupError as exc:
        print(f"report: {catalogue.text(exc.args[0] if exc.args else exc)}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()
    if suffix == ".xlsx":
        from coordinator_app.services.report_export import report_to_xlsx

        content = report_to_xlsx(report, wareki=wareki, text=catalogue.text)
        warnings: list[str] = []
    else:
        from coordinator_app.documents.render.report import ReportRenderer
        from coordinator_app.services.report_export import report_data

        document = ReportRenderer().render(report_data(report, wareki=wareki, text=catalogue.text))
        content, warnings = document.pdf, [catalogue.text(w) for w in document.warnings]
    if not deliver("report", args.output, content, warnings):
        return EXIT_USAGE
    print(args.output)
    return 0
