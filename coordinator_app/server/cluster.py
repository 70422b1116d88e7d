"""A private PostgreSQL cluster in a directory, built from the machine's binaries
(or, where the machine has none, from a pip-installed build copied into the directory).

``initdb`` refuses to run as root, and containers and CI run as root: then the
cluster belongs to an unprivileged system user (``postgres`` by default) and
every PostgreSQL program runs as that user in a child process
(``subprocess``'s ``user=``/``group=``). The cluster listens on a Unix socket
inside the directory only — no TCP port, so two clusters on one machine never
collide and nothing outside the machine can reach it.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OS_USER = "postgres"
SUPERUSER = "coordinator_owner"
DATABASE = "coordinator"
PORT = 5432
# A Unix socket path is limited to 107 bytes; leave room for ".s.PGSQL.5432".
_MAX_SOCKET_DIR = 90


class ClusterError(RuntimeError):
    """A cluster could not be created, started or stopped; the message is Japanese."""


SOURCE_ENV = "COORDINATOR_PG_FROM"
"""``system``: only the machine's binaries; ``package``: only the pip-installed build;
unset: the machine's first, the pip-installed build as the last resort."""
PACKAGE = "pgserver"
"""The pip package (extra ``server-embedded``) whose ``pginstall/`` holds a PostgreSQL build."""
PRIVATE_COPY = "postgresql"
"""The directory in the server DIR that holds the copy of a pip-installed build."""
_COPY_MARKER = ".coordinator-private-copy"
_PROGRAMS = ("initdb", "pg_ctl", "postgres")


def _has_programs(directory: Path) -> bool:
    return all((directory / name).is_file() for name in _PROGRAMS)


def _system_bindir() -> Path | None:
    candidates: list[Path] = []
    env = os.environ.get("COORDINATOR_PG_BINDIR")
    if env:
        candidates.append(Path(env))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=30
            ).stdout.strip()
            candidates.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in Path(p).parent.name.split(".")],
        reverse=True,
    )
    candidates.extend(Path(p) for p in debian)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for directory in candidates:
        if _has_programs(directory):
            return directory
    return None


def packaged_install() -> Path | None:
    """The pip-installed PostgreSQL tree (``bin``, ``lib``, ``share``), or None.

    Located without importing the package (importing it starts nothing, but
    needs its own dependencies).
    """
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    tree = Path(next(iter(spec.submodule_search_locations))) / "pginstall"
    return tree if _has_programs(tree / "bin") else None


def find_bindir(source: str | None = None) -> Path | None:
    """The directory holding ``initdb``, ``pg_ctl`` and ``postgres``, or None.

    Searched in order: ``$COORDINATOR_PG_BINDIR``, ``pg_config --bindir``,
    the Debian layout ``/usr/lib/postgresql/<version>/bin`` (newest first),
    ``initdb`` on ``PATH``, and last the pip-installed build (extra
    ``server-embedded``). ``source`` (default ``$COORDINATOR_PG_FROM``)
    ``"system"`` or ``"package"`` keeps to one of the two.
    """
    source = source if source is not None else os.environ.get(SOURCE_ENV, "")
    if source != "package":
        found = _system_bindir()
        if found is not None:
            return found
    if source != "system":
        tree = packaged_install()
        if tree is not None:
            return tree / "bin"
    return None


def is_private_copy(bindir: Path) -> bool:
    return (bindir.parent / _COPY_MARKER).is_file()


def usable_bindir(bindir: Path, root: Path) -> Path:
    """``bindir``, or for the pip-installed build its copy in ``root/postgresql/bin``.

    As root the cluster's user cannot run programs from a virtual environment
    under ``/root``, and the environment may be replaced by the next
    ``pip install``: the server directory keeps its own copy, readable by
    everyone, with the build's shared libraries in ``lib``.
    """
    tree = packaged_install()
    if tree is None or bindir.resolve() != (tree / "bin").resolve():
        return bindir
    target = root / PRIVATE_COPY
    if not (target / _COPY_MARKER).is_file():
        for part in ("bin", "lib", "share"):
            shutil.copytree(tree / part, target / part, symlinks=True, dirs_exist_ok=True)
        # The wheel keeps libpq etc. beside the package (auditwheel); initdb needs them.
        wheel_libs = tree.parent.parent / f"{PACKAGE}.libs"
        if wheel_libs.is_dir():
            shutil.copytree(wheel_libs, target / "lib", symlinks=True, dirs_exist_ok=True)
        for directory, _dirs, files in os.walk(target):
            Path(directory).chmod(0o755)
            for name in files:
                path = Path(directory) / name
                if not path.is_symlink():
                    path.chmod(path.stat().st_mode | 0o444)
        (target / _COPY_MARKER).write_text(f"{tree}\n", encoding="utf-8")
    return target / "bin"


@dataclass(frozen=True)
class Cluster:
    """A cluster in ``root``: ``pgdata/``, ``socket/``, ``log/postgres.log``."""

    root: Path
    bindir: Path
    os_user: str | None
    """The system user running PostgreSQL when started as root; None: the current user."""

    @property
    def data_dir(self) -> Path:
        return self.root / "pgdata"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def log_file(self) -> Path:
        return self.root / "log" / "postgres.log"

    def conninfo(self, *, user: str, password: str, dbname: str = DATABASE) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(
            host=str(self.socket_dir), port=PORT, user=user, password=password, dbname=dbname
        )

    # -- running PostgreSQL programs as the cluster's owner -----------------

    def _run(self, args: list[str], *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
        if is_private_copy(self.bindir):
            env["LD_LIBRARY_PATH"] = str(self.bindir.parent / "lib")
        if self.os_user is not None:
            entry = pwd.getpwnam(self.os_user)
            kwargs.update(user=entry.pw_uid, group=entry.pw_gid, extra_groups=[])
            env["HOME"] = entry.pw_dir
        return subprocess.run(
            args,
            capture_output=True,
            text=True,
            env=env,
            cwd=self.root,
            timeout=timeout,
            check=False,
            **kwargs,  # type: ignore[call-overload]
        )

    def _owned_dir(self, path: Path) -> None:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self.os_user is not None:
            entry = pwd.getpwnam(self.os_user)
            os.chown(path, entry.pw_uid, entry.pw_gid)
        path.chmod(0o700)

    # -- life cycle ------------------------------------------------------------

    def create(self, superuser_password: str) -> None:
        """``initdb`` a new cluster; ``root`` must not hold one yet."""
        if self.data_dir.exists():
            raise ClusterError(f"{self.data_dir} には既にデータベースがあります")
        if len(str(self.socket_dir)) > _MAX_SOCKET_DIR:
            raise ClusterError(
                f"ディレクトリのパスが長すぎます({_MAX_SOCKET_DIR}文字以内にしてください):"
                f" {self.root}"
            )
        self.root.mkdir(parents=True, exist_ok=True)
        self._check_reachable()
        self._owned_dir(self.data_dir)
        self._owned_dir(self.socket_dir)
        self._owned_dir(self.log_file.parent)
        pwfile = self.data_dir.parent / "log" / ".initdb-password"
        pwfile.write_text(superuser_password + "\n", encoding="utf-8")
        try:
            if self.os_user is not None:
                entry = pwd.getpwnam(self.os_user)
                os.chown(pwfile, entry.pw_uid, entry.pw_gid)
            pwfile.chmod(0o600)
            result = self._run(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "-U",
                    SUPERUSER,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-locale",
                ]
            )
        finally:
            pwfile.unlink(missing_ok=True)
        if result.returncode != 0:
            raise ClusterError("PostgreSQL の初期化(initdb)に失敗しました:\n" + result.stderr)
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# coordinator-server: Unix socket in the server directory only\n"
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{self.socket_dir}'\n"
                f"port = {PORT}\n"
            )

    def _check_reachable(self) -> None:
        """As root, the cluster's user must be able to reach ``root`` (a 0700 parent stops it)."""
        if self.os_user is None:
            return
        if self._run(["test", "-x", str(self.root)]).returncode != 0:
            raise ClusterError(
                f"システムユーザー {self.os_user} が {self.root} に入れません。"
                "途中のディレクトリの権限を確認するか、/var/lib などの下を指定してください"
            )

    def is_running(self) -> bool:
        if not self.data_dir.exists():
            return False
        result = self._run([str(self.bindir / "pg_ctl"), "status", "-D", str(self.data_dir)])
        return result.returncode == 0

    def start(self, *, options: str = "") -> bool:
        """Start the cluster unless it runs; True when this call started it."""
        if not (self.data_dir / "PG_VERSION").exists():
            raise ClusterError(
                f"{self.root} にデータベースがありません(先に init を実行してください)"
            )
        if self.is_running():
            return False
        args = [
            str(self.bindir / "pg_ctl"),
            "start",
            "-w",
            "-t",
            "120",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
        ]
        if options:
            args += ["-o", options]
        result = self._run(args, timeout=180)
        if result.returncode != 0:
            raise ClusterError(
                "PostgreSQL を起動できませんでした。ログ: "
                f"{self.log_file}\n{result.stdout}{result.stderr}"
            )
        return True

    def stop(self, *, mode: str = "fast") -> None:
        if not self.is_running():
            return
        result = self._run(
            [str(self.bindir / "pg_ctl"), "stop", "-w", "-m", mode, "-D", str(self.data_dir)],
            timeout=180,
        )
        if result.returncode != 0:
            raise ClusterError("PostgreSQL を停止できませんでした:\n" + result.stderr)


def cluster_user() -> str | None:
    """The system user a new cluster belongs to: None (this user) unless running as root."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("COORDINATOR_PG_USER", DEFAULT_OS_USER)
    try:
        pwd.getpwnam(name)
    except KeyError as error:
        raise ClusterError(
            f"root では PostgreSQL を動かせません。システムユーザー {name} がありません"
            "(useradd --system postgres で作成してください)"
        ) from error
    return name
