"""Command line: ``coordinator-app [--db PATH] [--demo] [COMMAND ...]``.

Without a command the desktop app starts. Commands run headless and never
import Qt. Heavy modules are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from coordinator_app import __version__
from coordinator_app.storage.default_location import DB_ENV_VAR, default_database_path

# name -> module providing ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: dict[str, tuple[str, str]] = {}


def register_command(name: str, module: str, help_text: str) -> None:
    COMMANDS[name] = (module, help_text)


register_command("flyer", "coordinator_app.commands.flyer", "紹介チラシ(PDF)を作成する")
register_command(
    "project-page",
    "coordinator_app.commands.project_page",
    "プロジェクト紹介ページ(PDF・HTML)を作成する",
)
register_command(
    "guidebook", "coordinator_app.commands.guidebook", "通いの場ガイドブック(PDF)を作成する"
)
register_command("backup", "coordinator_app.commands.backup", "データベースをバックアップする")
register_command("restore", "coordinator_app.commands.restore", "バックアップから復元する")
register_command("sync", "coordinator_app.commands.sync", "同期サーバーと一度同期する")
register_command("report", "coordinator_app.commands.report", "実績報告(PDF・Excel)を作成する")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coordinator-app",
        description="生活支援コーディネーター業務管理 (support coordinator case manager)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"database file (default: ${DB_ENV_VAR} or {default_database_path()})",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throw-away copy of the demo municipality",
    )
    parser.add_argument(
        "--lang", choices=["ja", "en"], default=None, help="UI language for this run"
    )
    if COMMANDS:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name, (module, help_text) in COMMANDS.items():
            command_parser = sub.add_parser(name, help=help_text, description=help_text)
            importlib.import_module(module).add_arguments(command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = getattr(args, "command", None)
    if command:
        module = importlib.import_module(COMMANDS[command][0])
        return int(module.run(args))
    from coordinator_app.app import run_gui

    return run_gui(db_path=args.db, demo=args.demo, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
