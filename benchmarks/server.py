"""Benchmark: the municipality's server under 1, 10 and 50 simulated desks.

Builds a throw-away server the way an administrator does (``coordinator-server
init`` into a temporary directory: a private PostgreSQL with its normal
durability settings), starts ``coordinator-server run`` as a separate process
and drives it over real HTTP on loopback from one thread per desk (each with
its own account, device, token and keep-alive connection):

* **push**: one request = one desk transaction saving a new meeting (every
  column, as the desk's outbox sends it) — role check, merge, row, ~24
  change-log rows and the idempotency record under the municipality's lock;
* **pull**: one request = one page of 100 change-log rows from a random
  cursor, grouped into transactions and rows.

Beside each, a raw psycopg baseline with the same concurrency: the same
meeting row inserted with one ``INSERT`` and a commit per transaction (no
HTTP, no log, no lock), and the same page read with one ``SELECT``. Prints a
Markdown table: requests, requests/s, p50 and p99 latency. Nothing here is a
test and nothing is asserted.

Usage::

    python -m benchmarks.server [--desks 1,10,50] [--requests 600]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from coordinator_app.server.cli import cluster_of, initialise, owner_connection
from coordinator_app.server.config import ServerDir, desk_revisions

MUNICIPALITY = "bench"
REVISION = desk_revisions()[-1]
PULL_PAGE = 100


@dataclass
class Row:
    workload: str
    desks: int
    requests: int
    seconds: float
    latencies_ms: list[float]
    refused: int = 0
    """Requests answered with an error (e.g. 503 when the pool wait exceeded 30 s)."""

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def meeting_values(n: int) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    return {
        "created_at": now,
        "updated_at": now,
        "deleted_at": None,
        "kind": "council",
        "title": f"第{n}回 第2層協議体",
        "held_on": "2026-06-01",
        "start_time": "14:00:00",
        "end_time": "16:00:00",
        "venue": "若葉台地区センター 会議室",
        "mode": "on_site",
        "capacity_on_site": 30,
        "capacity_online": None,
        "council_id": None,
        "project_id": None,
        "participants_on_site": 18,
        "participants_online": None,
        "agenda": "見守り活動の報告\n移動支援の検討",
        "minutes": "各町会から見守り活動の報告があった。" * 5,
        "decisions": "次回までに移動支援の案をまとめる",
        "series_id": None,
        "session_number": None,
    }


class Refused(RuntimeError):
    """The server answered a request with an error."""


class Desk:
    """One simulated desk: its own account, device, token and HTTP connection."""

    def __init__(self, port: int, user: str, password: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        self.device = str(uuid.uuid4())
        self.incarnation = str(uuid.uuid4())
        self.tx = 0
        reply = self.request(
            "POST",
            "/v1/login",
            {"user": user, "password": password, "device_id": self.device, "device_name": user},
        )
        self.token = reply["token"]

    def request(self, method: str, path: str, body: Any = None) -> Any:
        headers = {"Content-Type": "application/json", "X-Schema-Revision": REVISION}
        if getattr(self, "token", None):
            headers["Authorization"] = f"Bearer {self.token}"
        data = json.dumps(body).encode("utf-8") if body is not None else None
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # uvicorn closes keep-alive connections idle for 5 s; every request here
            # is safe to send again (a push is idempotent by its transaction key).
            self.conn.close()
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
        payload = json.loads(response.read())
        if response.status != 200:
            raise Refused(f"{method} {path}: {response.status} {payload}")
        return payload

    def push_meeting(self, n: int) -> None:
        self.tx += 1
        fields = {k: [None, v] for k, v in meeting_values(n).items()}
        change = {"table": "meeting", "id": str(uuid.uuid4()), "op": "insert", "fields": fields}
        body = {
            "incarnation": self.incarnation,
            "transactions": [{"tx": self.tx, "changes": [change]}],
        }
        result = self.request("POST", "/v1/push", body)["results"][0]
        if result["status"] != "applied":
            raise RuntimeError(result)

    def pull_page(self, after: int) -> None:
        self.request("GET", f"/v1/pull?after={after}&limit={PULL_PAGE}")


def run_concurrently(name: str, workers: list[Callable[[int], None]], per_worker: int) -> Row:
    """Each worker makes ``per_worker`` calls; wall time from the first start to the last end."""
    latencies: list[list[float]] = [[] for _ in workers]
    errors: list[BaseException] = []
    refused = [0] * len(workers)
    barrier = threading.Barrier(len(workers) + 1)

    def drive(index: int, work: Callable[[int], None]) -> None:
        barrier.wait()
        try:
            for i in range(per_worker):
                started = time.perf_counter()
                try:
                    work(i)
                except Refused:
                    refused[index] += 1
                    continue
                latencies[index].append((time.perf_counter() - started) * 1000)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=drive, args=(i, w)) for i, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if errors:
        raise errors[0]
    flat = [x for lat in latencies for x in lat]
    return Row(name, len(workers), len(flat), seconds, flat, sum(refused))


def raw_insert_worker(dsn: str, schema: str) -> Callable[[int], None]:
    conn = psycopg.connect(dsn, autocommit=False, options=f"-c search_path={schema}")
    columns = [*meeting_values(0), "id"]
    query = (
        f"INSERT INTO meeting ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    )

    def work(n: int) -> None:
        values = meeting_values(n)
        conn.execute(query, [*values.values(), uuid.uuid4()])
        conn.commit()

    return work


def raw_pull_worker(dsn: str, schema: str, top: int) -> Callable[[int], None]:
    conn = psycopg.connect(dsn, autocommit=True, options=f"-c search_path={schema}")

    def work(_n: int) -> None:
        after = random.randrange(0, max(1, top - PULL_PAGE))
        conn.execute(
            "SELECT seq, server_tx, table_name, row_id, op, field, new_value, old_value,"
            " actor_name, device_id, at FROM change_log WHERE seq > %s ORDER BY seq LIMIT %s",
            [after, PULL_PAGE],
        ).fetchall()

    return work


def create_users(server_dir: ServerDir, count: int) -> list[tuple[str, str]]:
    """Coordinators for the desks, written straight into the schema (setup, not measured)."""
    from coordinator_app.domain.enums import ProfileRole
    from coordinator_app.server.accounts import create_user

    schema = server_dir.municipality(MUNICIPALITY).schema
    users = []
    with owner_connection(server_dir, schema) as conn:
        for i in range(count):
            name, password = f"desk{i:02d}", f"desk-password-{i:02d}"
            create_user(
                conn, schema=schema, name=name, role=ProfileRole.COORDINATOR, password=password
            )
            users.append((name, password))
    return users


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("coordinator-server run exited")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/v1/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not come up")


def start_api(server_dir: ServerDir) -> tuple[subprocess.Popen[bytes], int]:
    """``coordinator-server run`` on a free loopback port, answering its health check."""
    port = free_port()
    command = [sys.executable, "-m", "coordinator_app.server", "run", str(server_dir.root)]
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_health(port, process)
    return process, port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", default="1,10,50")
    parser.add_argument("--requests", type=int, default=600, help="requests per workload row")
    args = parser.parse_args(argv)
    desk_counts = [int(x) for x in args.desks.split(",")]

    root = Path(tempfile.mkdtemp(prefix="cs-bench-"))
    root.chmod(0o755)
    process: subprocess.Popen[bytes] | None = None
    try:
        print("初期化中: PostgreSQL と自治体のスキーマを作成しています…", file=sys.stderr)
        initialise(
            root / "server", municipality=MUNICIPALITY, admin="admin", password="admin-password-1"
        )
        server_dir = ServerDir.load(root / "server")
        cluster_of(server_dir).start()
        users = create_users(server_dir, max(desk_counts))
        process, port = start_api(server_dir)
        municipality = server_dir.municipality(MUNICIPALITY)
        api_dsn = server_dir.api_dsn(municipality)
        rows: list[Row] = []
        for count in desk_counts:
            per_desk = max(1, args.requests // count)
            desks = [Desk(port, *users[i]) for i in range(count)]
            rows.append(
                run_concurrently(
                    "push (HTTP, 1 meeting/transaction)",
                    [desk.push_meeting for desk in desks],
                    per_desk,
                )
            )
            rows.append(
                run_concurrently(
                    "baseline: raw psycopg INSERT + COMMIT",
                    [raw_insert_worker(api_dsn, municipality.schema) for _ in range(count)],
                    per_desk,
                )
            )
            with owner_connection(server_dir, municipality.schema) as conn:
                top_row = conn.execute("SELECT max(seq) FROM change_log").fetchone()
            top = int(top_row[0] or 0) if top_row else 0

            def pull_worker(desk: Desk, top: int = top) -> Callable[[int], None]:
                return lambda _n: desk.pull_page(random.randrange(0, max(1, top - PULL_PAGE)))

            rows.append(
                run_concurrently(
                    f"pull (HTTP, {PULL_PAGE} log rows/page)",
                    [pull_worker(desk) for desk in desks],
                    per_desk,
                )
            )
            rows.append(
                run_concurrently(
                    f"baseline: raw psycopg SELECT {PULL_PAGE} log rows",
                    [raw_pull_worker(api_dsn, municipality.schema, top) for _ in range(count)],
                    per_desk,
                )
            )
        print(
            f"\n{platform.node()} · {os.cpu_count()} CPUs · Python {platform.python_version()}"
            f" · PostgreSQL private cluster (fsync on) · server and desks on one machine\n"
        )
        print("| workload | desks | requests | req/s | p50 ms | p99 ms | refused |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            print(
                f"| {row.workload} | {row.desks} | {row.requests} | {row.per_second:,.0f} |"
                f" {statistics.median(row.latencies_ms):.1f} | {row.percentile(0.99):.1f} |"
                f" {row.refused} |"
            )
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=300)
        if (root / "server" / "server.json").exists():
            cluster_of(ServerDir.load(root / "server")).stop(mode="fast")
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
