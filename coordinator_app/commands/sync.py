"""``coordinator-app sync``: one headless sync round, for scripts and tests.

Example::

    echo "$PASSWORD" | coordinator-app sync --db 若葉台.sqlite3 \\
        --server https://sync.example.lg.jp --user sato --password-stdin

Pushes until the outbox is empty and pulls until the server has nothing
more, then prints one line: pushed, pulled, conflicts open, refused changes.
A file that does not exist yet is built from the server's snapshot (then the
tail of the change log is pulled); from a server without snapshots, or when
its snapshot cannot be used, by replaying the whole change log. Exit status:
0 in sync, 3 when conflicts or refused changes are open, 1 on error (the
message, in Japanese, on stderr; the outbox is kept).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", required=True, metavar="URL", help="同期サーバーのアドレス")
    parser.add_argument("--user", required=True, metavar="NAME", help="サーバーのユーザー名")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="パスワードを標準入力から読む(コマンド行に書かないため)",
    )


def run(args: argparse.Namespace) -> int:
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import default_database_path
    from coordinator_app.storage.schema import head_revision
    from coordinator_app.sync.bootstrap import SnapshotError, bootstrap_new_desk
    from coordinator_app.sync.client import ServerClient, SyncError
    from coordinator_app.sync.worker import EXIT_ERROR, SyncWorker

    path = Path(args.db) if getattr(args, "db", None) else default_database_path()
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        print("パスワードが標準入力にありません。", file=sys.stderr)
        return EXIT_ERROR
    try:
        client = ServerClient(args.server, schema_revision=head_revision())
    except SyncError as error:
        print(error.message, file=sys.stderr)
        return EXIT_ERROR
    if not path.exists():
        try:
            if bootstrap_new_desk(path, client, user=args.user, password=password) is None:
                print(
                    "このサーバーはスナップショットに対応していないため、"
                    "変更履歴を最初から受信します。",
                    file=sys.stderr,
                )
        except SnapshotError as error:
            print(
                f"スナップショットから作成できませんでした: {error.message}。"
                "変更履歴を最初から受信します。",
                file=sys.stderr,
            )
        except SyncError as error:
            print(f"同期できませんでした: {error.message}", file=sys.stderr)
            return EXIT_ERROR
        except Exception as error:  # the new file could not be made: say why (none is left)
            print(f"データベース「{path}」を作成できません: {error}", file=sys.stderr)
            return EXIT_ERROR
    try:
        db = open_database(path)
    except Exception as error:  # a file that cannot be opened: say why
        print(f"データベース「{path}」を開けません: {error}", file=sys.stderr)
        return EXIT_ERROR
    try:
        worker = SyncWorker(db, client)
        worker.login(args.user, password)
        result = worker.run_round()
    except SyncError as error:
        print(f"同期できませんでした: {error.message}(未送信の変更は残っています)", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.close()
    print(result.line())
    return result.exit_code
