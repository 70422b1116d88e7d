"""The HTTP API (FastAPI), versioned under ``/v1/``. Handlers are thin: they
authenticate, open one connection from the municipality's pool, and call the
plain functions of ``accounts`` and ``sync``.

Every request but ``/v1/health`` carries ``X-Schema-Revision`` (the desk's
Alembic revision; outside the accepted window: 426 ``client_outdated`` or
``server_outdated``) and, after login, ``Authorization: Bearer <token>``.

===================================== =============================================
``GET /v1/health``                    status per municipality, accepted revisions
``POST /v1/login``                    ``{municipality?, user, password, device_id,
                                      device_name}`` → token (registers the device)
``POST /v1/logout``, ``GET /v1/me``   end this token; who am I
``POST /v1/push``                     ``{incarnation, pull_cursor?, transactions:
                                      [{tx, changes: [{table, id, op, fields:
                                      {col: [old, new]}}]}]}``
                                      → per transaction ``applied`` (``server_tx``,
                                      ``conflicts``, ``replayed``) or ``refused``
                                      (``error: {code, message}``, ``change`` index)
``GET /v1/pull?after=SEQ&limit=N``    ``{cursor, more, transactions: [{server_tx,
``&incarnation=ID``                   actor, device, at, changes: [{table, id, op,
                                      version, fields: {col: [old, new]}}]}]}``;
                                      with ``incarnation``, the caller's own pushed
                                      values come back without their fields (echo)
``GET /v1/snapshot``                   a new desk's start: every synced row as a gzip
                                      SQLite file, consistent with ``X-Snapshot-Cursor``
                                      (see ``snapshot``: reused while recent, one build
                                      at a time, 429 beyond a per-account limit)
``GET /v1/history/{table}/{id}``      every field change: actor, device, at, old, new
``GET /v1/conflicts``,                open conflicts (own; all for an admin); close one
``POST /v1/conflicts/{id}/resolve``
``PUT|GET /v1/blobs/{sha256}``        attachment bytes by content hash
``/v1/users``, ``/v1/devices``        admins: list/add/disable users, list/revoke devices
===================================== =============================================

Every refusal is ``{"error": {"code", "message"}}`` with a Japanese message;
an unexpected error is logged and answered with ``internal_error`` — never a
stack trace. Wire values: see ``codec``.
"""

# No ``from __future__ import annotations`` here: FastAPI reads the handlers'
# annotations at runtime, and the dependencies are local to create_app.
import hashlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import psycopg
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from psycopg_pool import ConnectionPool, PoolTimeout
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text
from coordinator_app.server import accounts, sync
from coordinator_app.server.codec import table_specs
from coordinator_app.server.config import ServerConfig, desk_revisions
from coordinator_app.server.errors import ApiError
from coordinator_app.server.limits import BodyLimit, RateLimit, snapshot_rate_limited
from coordinator_app.server.policy import Actor
from coordinator_app.server.snapshot import SnapshotCache, snapshot_response

log = logging.getLogger("coordinator_app.server")
API_VERSION = "1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(_Strict):
    municipality: str | None = Field(default=None, max_length=40)
    user: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)
    device_id: uuid.UUID
    device_name: str = Field(min_length=1, max_length=200)


class RowChangeIn(_Strict):
    table: str = Field(max_length=63)
    id: str = Field(max_length=64)
    op: Literal["insert", "update", "delete"]
    fields: dict[str, tuple[Any, Any]] = Field(max_length=200)


class PushTxIn(_Strict):
    tx: int = Field(ge=0, le=2**62)
    changes: list[RowChangeIn] = Field(min_length=1, max_length=20000)


class PushIn(_Strict):
    incarnation: uuid.UUID
    pull_cursor: int | None = Field(default=None, ge=0, le=2**62)
    """The desk's pull cursor when it pushes: its own changes are not sent back to it."""
    transactions: list[PushTxIn] = Field(min_length=1, max_length=1000)


class UserIn(_Strict):
    name: str = Field(min_length=1, max_length=100)
    role: ProfileRole
    password: str = Field(min_length=1, max_length=200)
    coordinator: str | None = Field(default=None, max_length=200)


@dataclass
class Session:
    """An authenticated request: who, from which device, on which connection."""

    actor: Actor
    device_id: str
    municipality: str
    schema: str
    conn: psycopg.Connection


@dataclass(frozen=True)
class Caller:
    """A request's bearer token and the pool of its municipality (nothing checked yet).

    The connection is taken by :meth:`open` inside the handler, on the handler's
    own thread: a dependency holding a pooled connection on one worker thread
    while the handler waits for another deadlocks once every worker waits for
    the pool (seen with 50 desks pushing at once).
    """

    token: str
    municipality: str
    schema: str
    pool: ConnectionPool

    @contextmanager
    def open(self, *, admin: bool = False) -> Iterator[Session]:
        with self.pool.connection() as conn:
            actor, device_id = accounts.authenticate(conn, self.token)
            if admin and actor.role != ProfileRole.ADMIN:
                raise ApiError(
                    "forbidden",
                    server_text(QT_TRANSLATE_NOOP("server", "この操作は管理者だけができます")),
                )
            yield Session(actor, device_id, self.municipality, self.schema, conn)


def create_app(config: ServerConfig) -> FastAPI:
    """The API for the municipalities in ``config``; pools open with the app."""
    pools: dict[str, tuple[str, ConnectionPool]] = {}
    login_policy = accounts.LoginPolicy(
        token_ttl_days=config.token_ttl_days,
        max_failed_logins=config.max_failed_logins,
        lockout_minutes=config.lockout_minutes,
    )
    snapshots = SnapshotCache(
        reuse_rows=config.snapshot_reuse_rows, reuse_seconds=config.snapshot_reuse_seconds
    )
    snapshot_limit = RateLimit(
        config.snapshot_requests_per_account, config.snapshot_rate_window_seconds
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        for name, (schema, dsn) in config.municipality_dsns.items():
            pool = ConnectionPool(
                dsn,
                min_size=1,
                max_size=config.pool_size,
                kwargs={"autocommit": True, "options": f"-c search_path={schema}"},
                timeout=30,
                # A connection left broken by a database restart is replaced before use,
                # not handed to a request that would answer 503 with it.
                check=ConnectionPool.check_connection,
                open=False,
                name=f"coordinator-{name}",
            )
            pool.open(wait=False)
            pools[name] = (schema, pool)
        try:
            yield
        finally:
            for _schema, pool in pools.values():
                pool.close()
            snapshots.close()

    app = FastAPI(
        title="coordinator-server",
        version=API_VERSION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.snapshots, app.state.snapshot_limit = snapshots, snapshot_limit
    app.add_middleware(
        BodyLimit,
        default_limit=config.max_request_bytes,
        prefix_limits={"/v1/blobs/": config.max_blob_bytes},
    )
    _install_error_handlers(app)

    def pool_for(municipality: str | None, *, unknown: str) -> tuple[str, str, ConnectionPool]:
        if municipality is None:
            if len(pools) != 1:
                raise ApiError("municipality_required")
            municipality = next(iter(pools))
        if municipality not in pools:
            raise ApiError(unknown)
        schema, pool = pools[municipality]
        return municipality, schema, pool

    def schema_revision(
        x_schema_revision: Annotated[str | None, Header(max_length=40)] = None,
    ) -> str:
        if not x_schema_revision:
            raise ApiError("schema_revision_missing")
        if x_schema_revision not in desk_revisions():
            raise ApiError("server_outdated", revision=x_schema_revision)
        if x_schema_revision not in config.accepted_revisions:
            raise ApiError("client_outdated", revision=x_schema_revision)
        return x_schema_revision

    def caller(
        _revision: Annotated[str, Depends(schema_revision)],
        authorization: Annotated[str | None, Header(max_length=300)] = None,
    ) -> Caller:
        if not authorization or not authorization.startswith("Bearer "):
            raise ApiError("token_missing")
        token = authorization.removeprefix("Bearer ").strip()
        municipality, _, _secret = token.partition(".")
        municipality, schema, pool = pool_for(municipality or "?", unknown="token_invalid")
        return Caller(token, municipality, schema, pool)

    CallerDep = Annotated[Caller, Depends(caller)]
    RevisionDep = Annotated[str, Depends(schema_revision)]

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        status = {}
        for name, (_schema, pool) in pools.items():
            try:
                with pool.connection(timeout=5) as conn:
                    conn.execute("SELECT 1")
                status[name] = "ok"
            except (psycopg.Error, PoolTimeout):
                status[name] = "unavailable"
        ok = all(v == "ok" for v in status.values())
        body = {
            "status": "ok" if ok else "degraded",
            "api_version": API_VERSION,
            "schema_revisions": sorted(config.accepted_revisions),
            "municipalities": status,
        }
        if not ok:
            raise ApiError("database_unavailable", **body)
        return body

    @app.post("/v1/login")
    def login(body: LoginIn, _revision: RevisionDep) -> dict[str, Any]:
        municipality, _schema, pool = pool_for(body.municipality, unknown="unknown_municipality")
        try:
            with pool.connection() as conn:
                return accounts.login(
                    conn,
                    login_policy,
                    municipality=municipality,
                    name=body.user,
                    password=body.password,
                    device_id=str(body.device_id),
                    device_name=body.device_name,
                )
        except ApiError as error:
            if error.code == "bad_credentials":
                # Slows guessing; the pooled connection is already back in the pool.
                time.sleep(config.failed_login_delay)
            raise

    @app.post("/v1/logout")
    def logout(c: CallerDep) -> dict[str, Any]:
        with c.open() as s:
            s.conn.execute(
                "UPDATE access_token SET revoked_at = now() WHERE token_hash = %s",
                [hashlib.sha256(c.token.encode("utf-8")).hexdigest()],
            )
        return {"status": "logged_out"}

    @app.get("/v1/me")
    def me(c: CallerDep) -> dict[str, Any]:
        with c.open() as s:
            return {
                "name": s.actor.name,
                "role": s.actor.role.value,
                "profile_id": s.actor.profile_id,
                "device_id": s.device_id,
                "municipality": s.municipality,
            }

    @app.post("/v1/push")
    def push(body: PushIn, c: CallerDep) -> dict[str, Any]:
        with c.open() as s:
            results = [
                sync.push_transaction(
                    s.conn,
                    schema=s.schema,
                    actor=s.actor,
                    device_id=s.device_id,
                    incarnation=str(body.incarnation),
                    pull_cursor=body.pull_cursor,
                    transaction=sync.PushTransaction(
                        tx.tx,
                        [sync.RowChange(ch.table, ch.id, ch.op, ch.fields) for ch in tx.changes],
                    ),
                )
                for tx in body.transactions
            ]
            s.conn.execute("UPDATE device SET last_seen_at = now() WHERE id = %s", [s.device_id])
        return {"results": results}

    @app.get("/v1/pull")
    def pull(
        c: CallerDep,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=sync.MAX_PULL_LIMIT)] = 1000,
        incarnation: uuid.UUID | None = None,
    ) -> dict[str, Any]:
        with c.open() as s:
            echo = (s.device_id, str(incarnation)) if incarnation is not None else None
            return sync.pull(s.conn, after=after, limit=limit, echo_of=echo)

    @app.get("/v1/snapshot")
    def snapshot(c: CallerDep) -> Response:
        with c.open() as s:
            account = (s.municipality, s.actor.user_id)
        wait = snapshot_limit.take(account)
        if wait is not None:
            refusal, headers = snapshot_rate_limited(snapshot_limit, wait)
            return JSONResponse(refusal.body(), status_code=refusal.status, headers=headers)
        # A connection is taken only to check the cached one's age or to build.
        return snapshot_response(snapshots, municipality=c.municipality, connect=c.pool.connection)

    @app.get("/v1/history/{kind}/{row_id}")
    def history(kind: str, row_id: uuid.UUID, c: CallerDep) -> dict[str, Any]:
        with c.open() as s:
            if kind not in table_specs():
                raise ApiError(
                    "not_found",
                    server_text(
                        QT_TRANSLATE_NOOP("server", "「{kind}」という種類の記録はありません"),
                        kind=kind,
                    ),
                )
            changes = sync.history(s.conn, table=kind, row_id=str(row_id))
        return {"kind": kind, "id": str(row_id), "changes": changes}

    @app.get("/v1/conflicts")
    def conflicts(c: CallerDep) -> dict[str, Any]:
        with c.open() as s:
            mine = None if s.actor.role == ProfileRole.ADMIN else s.actor.user_id
            return {"conflicts": sync.open_conflicts(s.conn, user_id=mine)}

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve_conflict(conflict_id: str, c: CallerDep) -> dict[str, Any]:
        with c.open() as s:
            sync.resolve_conflict(s.conn, conflict_id=conflict_id, actor=s.actor)
        return {"status": "resolved"}

    @app.put("/v1/blobs/{sha256}")
    async def put_blob(sha256: str, request: Request, c: CallerDep) -> dict[str, Any]:
        content = await request.body()  # already buffered and bounded by BodyLimit
        digest = sha256.lower()

        def store() -> None:
            with c.open() as s:
                if s.actor.role == ProfileRole.SUPERVISOR:
                    raise ApiError(
                        "forbidden",
                        server_text(
                            QT_TRANSLATE_NOOP("server", "上司(確認者)は添付ファイルを送れません")
                        ),
                    )
                if hashlib.sha256(content).hexdigest() != digest:
                    raise ApiError("blob_mismatch")
                s.conn.execute(
                    "INSERT INTO blob (sha256, size, content) VALUES (%s, %s, %s)"
                    " ON CONFLICT (sha256) DO NOTHING",
                    [digest, len(content), content],
                )

        await run_in_threadpool(store)
        return {"sha256": digest, "size": len(content)}

    @app.get("/v1/blobs/{sha256}")
    def get_blob(sha256: str, c: CallerDep) -> Response:
        with c.open() as s:
            row = s.conn.execute(
                "SELECT content FROM blob WHERE sha256 = %s", [sha256.lower()]
            ).fetchone()
        if row is None:
            raise ApiError(
                "not_found",
                server_text(
                    QT_TRANSLATE_NOOP("server", "添付ファイルの内容がサーバーにありません")
                ),
            )
        return Response(bytes(row[0]), media_type="application/octet-stream")

    @app.get("/v1/users")
    def users(c: CallerDep) -> dict[str, Any]:
        with c.open(admin=True) as s:
            return {"users": accounts.list_users(s.conn)}

    @app.post("/v1/users", status_code=201)
    def add_user(body: UserIn, c: CallerDep) -> dict[str, Any]:
        with c.open(admin=True) as s:
            return accounts.create_user(
                s.conn,
                schema=s.schema,
                name=body.name,
                role=body.role,
                password=body.password,
                coordinator=body.coordinator,
                actor=s.actor,
                device_id=s.device_id,
            )

    @app.post("/v1/users/{name}/disable")
    def disable_user(name: str, c: CallerDep) -> dict[str, Any]:
        with c.open(admin=True) as s:
            accounts.disable_user(s.conn, name)
        return {"status": "disabled"}

    @app.get("/v1/devices")
    def devices(c: CallerDep) -> dict[str, Any]:
        with c.open(admin=True) as s:
            return {"devices": accounts.list_devices(s.conn)}

    @app.post("/v1/devices/{device_id}/revoke")
    def revoke_device(device_id: str, c: CallerDep) -> dict[str, Any]:
        with c.open(admin=True) as s:
            accounts.revoke_device(s.conn, device_id)
        return {"status": "revoked"}

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(error.body(), status_code=error.status)

    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, error: RequestValidationError) -> JSONResponse:
        places = [".".join(str(p) for p in e.get("loc", ())) for e in error.errors()][:20]
        refusal = ApiError("malformed_request", fields=places)
        return JSONResponse(refusal.body(), status_code=refusal.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code)
        refusal = ApiError(code or "malformed_request")
        return JSONResponse(refusal.body(), status_code=error.status_code)

    @app.exception_handler(psycopg.OperationalError)
    async def database_down(request: Request, error: Exception) -> JSONResponse:
        log.warning("database unavailable: %s", error)
        refusal = ApiError("database_unavailable")
        return JSONResponse(refusal.body(), status_code=refusal.status)

    @app.exception_handler(PoolTimeout)
    async def pool_timeout(request: Request, error: Exception) -> JSONResponse:
        return await database_down(request, error)

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        refusal = ApiError("internal_error")
        return JSONResponse(refusal.body(), status_code=refusal.status)
