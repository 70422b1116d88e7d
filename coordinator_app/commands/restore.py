"""``coordinator-app restore``: put a backup in place of the database.

Examples::

    coordinator-app restore backups/coordinator_20240501-180000_auto.sqlite3
    coordinator-app restore --latest --yes

The app must be closed (the command refuses while any instance has the
database open). The current database is backed up first; a damaged one is
renamed and kept as it was. Exit status: 0 restored, 1 refused or failed
(nothing changed), 2 cancelled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coordinator_app.commands.backup import database_path

EXIT_FAILED = 1
EXIT_CANCELLED = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file", nargs="?", type=Path, default=None, help="復元するバックアップファイル"
    )
    source.add_argument(
        "--latest", action="store_true", help="最新の正常なバックアップから復元する"
    )
    parser.add_argument("-y", "--yes", action="store_true", help="確認せずに復元する")
    parser.add_argument(
        "--backup-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="バックアップの保存先フォルダー(既定: データベースと同じ場所の backups)",
    )


def run(args: argparse.Namespace) -> int:
    from coordinator_app.services.data_safety import (
        BackupError,
        DataSafetyService,
        InstanceLockedError,
    )

    path = database_path(args)
    safety = DataSafetyService(path, backup_dir=args.backup_dir)
    if args.latest:
        newest = safety.newest_good_backup()
        if newest is None:
            print(f"「{path}」の正常なバックアップが見つかりません。", file=sys.stderr)
            return EXIT_FAILED
        source = newest.path
        print(f"最新の正常なバックアップ: {newest.describe()}")
    else:
        source = args.file
    if not args.yes:
        if not sys.stdin.isatty():
            print("確認のため --yes を付けて実行してください。", file=sys.stderr)
            return EXIT_CANCELLED
        answer = input(f"「{path}」を「{source}」の内容に戻します。よろしいですか? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "はい"):
            print("中止しました。")
            return EXIT_CANCELLED
    if not safety.try_lock():
        print(str(InstanceLockedError(path, safety.lock.probe())), file=sys.stderr)
        return EXIT_FAILED
    try:
        report = safety.restore(source)
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    finally:
        safety.lock.release()
    print(f"復元しました: {path}")
    if report.before_restore is not None:
        print(f"復元前の状態はここに保存しました: {report.before_restore.path}")
    for aside in report.set_aside:
        print(f"壊れていたファイルはそのまま残しています: {aside}")
    return 0
