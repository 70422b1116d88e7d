"""Soak: the sync property of ``tests/sync/test_convergence.py`` at length.

Many runs of K desks (default 3) making long random plans of edits and syncs
(default 80 steps) against one throw-away server (a private PostgreSQL in a
temporary directory, the API on loopback, as the tests build it). Each run
ends with a final round and the same checks as the test: every replica equals
the server, and every pushed value is in the final state, superseded by the
same desk, or a conflict on the server and on that desk. Prints one line per
run and a summary (runs, edits, syncs, seconds per sync). A script, not a
test: a failed check stops it with the plan that broke it.

Usage::

    python -m benchmarks.sync_soak [--runs 20] [--desks 3] [--steps 80] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from coordinator_app.server.cli import cluster_of, initialise, owner_connection
from coordinator_app.server.config import ServerDir
from tests.server.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    MUNICIPALITY,
    TEST_PG_OPTIONS,
    Client,
    fast_config,
    serving,
)
from tests.sync.test_convergence import FIELDS, MEETINGS, Edit, Sync, check_run


def plan(rng: random.Random, desks: int, steps: int) -> list[Edit | Sync]:
    """Two edits for each sync on average: desks stay offline for stretches."""
    made: list[Edit | Sync] = []
    for _ in range(steps):
        desk = rng.randrange(desks)
        if rng.random() < 1 / 3:
            made.append(Sync(desk))
        else:
            made.append(Edit(desk, rng.randrange(MEETINGS), rng.choice(FIELDS)))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--desks", type=int, default=3)
    parser.add_argument("--steps", type=int, default=80)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp(prefix="sync-soak-"))
    root.chmod(0o755)
    edits = syncs = 0
    try:
        initialise(root, municipality=MUNICIPALITY, admin=ADMIN, password=ADMIN_PASSWORD)
        server_dir = ServerDir.load(root)
        cluster = cluster_of(server_dir)
        cluster.start(options=TEST_PG_OPTIONS)
        try:
            schema = server_dir.municipality(MUNICIPALITY).schema
            with (
                serving(fast_config(server_dir)) as api,
                owner_connection(server_dir, schema) as owner,
            ):
                admin = Client(api)
                admin.login(ADMIN, ADMIN_PASSWORD)
                started = time.perf_counter()
                for run in range(1, args.runs + 1):
                    steps = plan(rng, args.desks, args.steps)
                    began = time.perf_counter()
                    check_run(api, admin, owner, args.desks, steps)
                    run_syncs = sum(isinstance(s, Sync) for s in steps) + 2 * args.desks
                    run_syncs += args.desks  # the first sync of each desk
                    edits += len(steps) - sum(isinstance(s, Sync) for s in steps)
                    syncs += run_syncs
                    print(
                        f"run {run}: {len(steps)} steps, {run_syncs} syncs,"
                        f" {time.perf_counter() - began:.1f} s — converged, nothing lost",
                        flush=True,
                    )
                total = time.perf_counter() - started
        finally:
            cluster.stop(mode="immediate")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(
        f"{args.runs} runs, {args.desks} desks: {edits} edits, {syncs} sync rounds,"
        f" {total:.1f} s ({total / max(syncs, 1):.2f} s per round, desk set-up included)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
