"""``coordinator-app backup``: a verified backup of the database, for people and schedulers.

Examples::

    coordinator-app backup                      # into the backup folder, rotated
    coordinator-app backup --to E:/持ち出し.sqlite3
    coordinator-app backup --if-due             # for a daily scheduled task
    coordinator-app backup --list

The backup goes through SQLite's online backup API, so it is consistent
even while the app has the database open. Exit status: 0 done, 1 failed
(the message says why; nothing half-written is left behind).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to", type=Path, default=None, metavar="FILE", help="このファイルにバックアップする"
    )
    parser.add_argument(
        "--if-due",
        action="store_true",
        help="今日まだ自動バックアップがないときだけバックアップする(定期実行用)",
    )
    parser.add_argument("--list", action="store_true", help="バックアップの一覧を表示する")
    parser.add_argument(
        "--backup-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="バックアップの保存先フォルダー(既定: データベースと同じ場所の backups)",
    )


def database_path(args: argparse.Namespace) -> Path:
    from coordinator_app.storage.engine import default_database_path

    return Path(args.db) if getattr(args, "db", None) else default_database_path()


def run(args: argparse.Namespace) -> int:
    from coordinator_app.services.data_safety import BackupError, DataSafetyService

    path = database_path(args)
    safety = DataSafetyService(path, backup_dir=args.backup_dir)
    if args.list:
        backups = safety.backups()
        if not backups:
            print(f"「{path}」のバックアップはまだありません({safety.backup_dir})。")
        for info in backups:
            print(f"{info.describe()}\t{info.size:,} バイト\t{info.path}")
        return 0
    if not path.exists():
        print(f"データベース「{path}」が見つかりません。", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.to is not None:
            target = safety.backup_to_file(args.to)
            print(f"バックアップしました: {target}")
            return 0
        if args.if_due:
            taken = safety.backup_if_due()
            if taken is None:
                print("今日のバックアップは済んでいます。")
                return 0
            print(f"バックアップしました: {taken.path}")
            return 0
        info = safety.backup_now()
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(f"バックアップしました: {info.path}")
    return 0
