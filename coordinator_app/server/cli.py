"""``coordinator-server``: set up and run a municipality's server.

    coordinator-server init DIR --admin NAME --password-stdin [--municipality NAME] [--dsn URL]
    coordinator-server run DIR [--host 127.0.0.1] [--port 8765]
    coordinator-server user add DIR NAME --role coordinator|supervisor|admin --password-stdin
    coordinator-server user list|disable DIR ...    coordinator-server device list|revoke DIR ...

Without ``--dsn`` the database is a private PostgreSQL cluster inside DIR;
with it, an existing PostgreSQL (the production shape). Messages are Japanese;
exit status 0 on success, 1 on an error, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.server import accounts
from coordinator_app.server.cluster import (
    DATABASE,
    SUPERUSER,
    Cluster,
    ClusterError,
    cluster_user,
    find_bindir,
    usable_bindir,
)
from coordinator_app.server.config import (
    ConfigError,
    Municipality,
    ServerDir,
    check_municipality,
    schema_for,
)
from coordinator_app.server.errors import ApiError
from coordinator_app.server.schema import ensure_api_role, migrate

DEFAULT_MUNICIPALITY = "default"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coordinator-server",
        description="生活支援コーディネーター業務管理: 自治体のサーバー",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="サーバーを準備する(データベース・最初の管理者)")
    init.add_argument("dir", type=Path)
    init.add_argument("--dsn", help="既存の PostgreSQL の接続先(省略時は DIR 内に作成)")
    init.add_argument("--municipality", default=DEFAULT_MUNICIPALITY)
    init.add_argument("--admin", required=True, help="最初の管理者のユーザー名")
    init.add_argument("--password-stdin", action="store_true", required=True)

    run = commands.add_parser("run", help="サーバーを起動する(Ctrl+C / SIGTERM で停止)")
    run.add_argument("dir", type=Path)
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8765)

    user = commands.add_parser("user", help="利用者の管理").add_subparsers(
        dest="action", required=True
    )
    add = user.add_parser("add", help="利用者を追加する")
    add.add_argument("dir", type=Path)
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in ProfileRole])
    add.add_argument("--password-stdin", action="store_true", required=True)
    add.add_argument("--coordinator", help="本人のコーディネーター記録の氏名")
    listing = user.add_parser("list", help="利用者の一覧")
    listing.add_argument("dir", type=Path)
    disable = user.add_parser("disable", help="利用者を無効にする(ログイン中の端末も切断)")
    disable.add_argument("dir", type=Path)
    disable.add_argument("name")

    device = commands.add_parser("device", help="端末の管理").add_subparsers(
        dest="action", required=True
    )
    devices = device.add_parser("list", help="登録された端末の一覧")
    devices.add_argument("dir", type=Path)
    revoke = device.add_parser("revoke", help="端末を利用停止にする(紛失したノートPCなど)")
    revoke.add_argument("dir", type=Path)
    revoke.add_argument("device_id")

    for sub in (add, listing, disable, devices, revoke):
        sub.add_argument("--municipality", default=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "init":
            return _init(args)
        if args.command == "run":
            return _run(args)
        return _admin(args)
    except (ConfigError, ClusterError, ApiError, ValueError) as error:
        message = error.message if isinstance(error, ApiError) else str(error)
        print(f"エラー: {message}", file=sys.stderr)
        return 1
    except psycopg.Error as error:
        print(f"エラー: データベースの操作に失敗しました: {error}", file=sys.stderr)
        return 1


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise ValueError("パスワードを標準入力から1行で渡してください")
    return password


def cluster_of(server_dir: ServerDir) -> Cluster:
    bindir = Path(server_dir.bindir) if server_dir.bindir else None
    if bindir is None or not bindir.exists():
        bindir = find_bindir()
    if bindir is None:
        raise ClusterError("PostgreSQL のプログラム(initdb, pg_ctl, postgres)が見つかりません")
    return Cluster(server_dir.root, usable_bindir(bindir, server_dir.root), server_dir.os_user)


@contextlib.contextmanager
def database_up(server_dir: ServerDir) -> Iterator[None]:
    """Start the private cluster for the duration of a command unless it already runs."""
    started = False
    cluster = cluster_of(server_dir) if server_dir.embedded else None
    if cluster is not None:
        started = cluster.start()
    try:
        yield
    finally:
        if cluster is not None and started:
            cluster.stop()


def owner_connection(server_dir: ServerDir, schema: str | None = None) -> psycopg.Connection:
    options = {"options": f"-c search_path={schema}"} if schema else {}
    return psycopg.connect(server_dir.owner_dsn, autocommit=True, connect_timeout=30, **options)


def _init(args: argparse.Namespace) -> int:
    password = _read_password()
    root: Path = args.dir.resolve()
    municipality, applied = initialise(
        root, municipality=args.municipality, admin=args.admin, password=password, dsn=args.dsn
    )
    print(
        f"自治体 {municipality.name} のサーバーを準備しました(スキーマ {municipality.schema}、"
        f"適用した移行 {', '.join(applied) or 'なし'}、管理者 {args.admin})。"
        f"起動: coordinator-server run {root}"
    )
    return 0


def initialise(
    root: Path,
    *,
    municipality: str,
    admin: str,
    password: str,
    dsn: str | None = None,
) -> tuple[Municipality, list[str]]:
    """``init``: the database (a private cluster unless ``dsn``), a municipality, its admin.

    Leaves a private cluster stopped, as it found it.
    """
    name = check_municipality(municipality)
    try:
        server_dir: ServerDir | None = ServerDir.load(root)
    except ConfigError:
        server_dir = None
    if server_dir is not None:
        if name in server_dir.municipalities:
            raise ConfigError(f"自治体 {name} は {root} に既にあります")
    elif dsn:
        root.mkdir(parents=True, exist_ok=True)
        server_dir = ServerDir(root=root, owner_dsn=dsn, embedded=False)
    else:
        server_dir = _create_cluster(root)
    entry = Municipality(name, schema_for(name), secrets.token_urlsafe(24))
    with database_up(server_dir):
        with owner_connection(server_dir) as conn:
            applied = migrate(server_dir.owner_dsn, entry.schema)
            ensure_api_role(conn, entry.schema, entry.api_password)
        with owner_connection(server_dir, entry.schema) as conn:
            accounts.create_user(
                conn, schema=entry.schema, name=admin, role=ProfileRole.ADMIN, password=password
            )
    server_dir.municipalities[name] = entry
    server_dir.save()
    return entry, applied


def _create_cluster(root: Path) -> ServerDir:
    bindir = find_bindir()
    if bindir is None:
        raise ClusterError(
            "PostgreSQL のプログラム(initdb)が見つかりません。"
            "apt-get install postgresql などで入れるか、"
            'pip install "coordinator-app[server-embedded]" で入れるか、'
            "--dsn で既存のサーバーを指定してください"
        )
    bindir = usable_bindir(bindir, root)
    cluster = Cluster(root, bindir, cluster_user())
    owner_password = secrets.token_urlsafe(24)
    print(f"PostgreSQL を {cluster.data_dir} に作成しています…", file=sys.stderr)
    cluster.create(owner_password)
    server_dir = ServerDir(
        root=root,
        owner_dsn=cluster.conninfo(user=SUPERUSER, password=owner_password),
        embedded=True,
        os_user=cluster.os_user,
        bindir=str(bindir),
    )
    with database_up(server_dir):
        admin_dsn = cluster.conninfo(user=SUPERUSER, password=owner_password, dbname="postgres")
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    server_dir.save()
    return server_dir


def _run(args: argparse.Namespace) -> int:

    from coordinator_app.server.app import create_app
    from coordinator_app.server.config import ServerConfig

    server_dir = ServerDir.load(args.dir.resolve())
    with database_up(server_dir):
        for municipality in server_dir.municipalities.values():
            with owner_connection(server_dir) as conn:
                migrate(server_dir.owner_dsn, municipality.schema)
                ensure_api_role(conn, municipality.schema, municipality.api_password)
        app = create_app(ServerConfig.from_dir(server_dir))
        print(
            f"coordinator-server: http://{args.host}:{args.port}/v1/health で待ち受けます"
            "(停止は Ctrl+C)",
            file=sys.stderr,
        )
        import uvicorn

        server = _quiet_exit_server(
            uvicorn.Config(app, host=args.host, port=args.port, log_level="info", access_log=False)
        )
        server.run()
    print("coordinator-server: 停止しました", file=sys.stderr)
    return 0


def _quiet_exit_server(config: Any) -> Any:
    """A uvicorn server whose SIGTERM/SIGINT only ask it to exit.

    uvicorn re-raises the signal after its graceful shutdown, which would kill
    the process before ``run`` stops the cluster it started. (uvicorn is
    imported here, not at the top, so the administration commands start fast.)
    """
    import uvicorn

    class QuietExitServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            previous = {
                sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)
            }
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    return QuietExitServer(config)


def _admin(args: argparse.Namespace) -> int:
    server_dir = ServerDir.load(args.dir.resolve())
    municipality = server_dir.municipality(args.municipality)
    password = _read_password() if getattr(args, "password_stdin", False) else ""
    with database_up(server_dir), owner_connection(server_dir, municipality.schema) as conn:
        if args.command == "user" and args.action == "add":
            user = accounts.create_user(
                conn,
                schema=municipality.schema,
                name=args.name,
                role=ProfileRole(args.role),
                password=password,
                coordinator=args.coordinator,
            )
            print(f"利用者 {user['name']}({user['role']})を追加しました")
        elif args.command == "user" and args.action == "list":
            for user in accounts.list_users(conn):
                state = "無効" if user["disabled"] else ("ロック中" if user["locked"] else "有効")
                print(f"{user['name']}\t{user['role']}\t{state}\t{user['created_at']}")
        elif args.command == "user" and args.action == "disable":
            accounts.disable_user(conn, args.name)
            print(f"利用者 {args.name} を無効にしました")
        elif args.command == "device" and args.action == "list":
            for device in accounts.list_devices(conn):
                state = "利用停止" if device["revoked"] else "有効"
                print(
                    f"{device['id']}\t{device['name']}\t{state}\t"
                    f"{device['last_user'] or ''}\t{device['last_seen_at'] or ''}"
                )
        else:
            accounts.revoke_device(conn, args.device_id)
            print(f"端末 {args.device_id} を利用停止にしました")
    return 0
