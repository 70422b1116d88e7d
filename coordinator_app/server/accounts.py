"""Users, devices and tokens of one municipality (a connection with its search_path set).

A user is a ``user_account`` (login, password hash, role) plus the domain's
``user_profile`` row every desk sees (name and role on entries and reviews);
the profile row is written through the change log like any other change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text
from coordinator_app.domain.types import utc_now
from coordinator_app.server.changes import ChangeWriter
from coordinator_app.server.codec import table_specs, to_wire, wire_time
from coordinator_app.server.errors import ApiError
from coordinator_app.server.passwords import (
    burn_password_check,
    hash_password,
    new_token,
    token_hash,
    validate_new_password,
    verify_password,
)
from coordinator_app.server.policy import Actor

CLI_ACTOR = Actor(
    user_id=None, name="coordinator-server (管理コマンド)", role=ProfileRole.ADMIN, profile_id=None
)


@dataclass(frozen=True)
class LoginPolicy:
    token_ttl_days: int = 180
    max_failed_logins: int = 5
    lockout_minutes: int = 15


def create_user(
    conn: psycopg.Connection,
    *,
    schema: str,
    name: str,
    role: ProfileRole,
    password: str,
    coordinator: str | None = None,
    actor: Actor = CLI_ACTOR,
    device_id: str | None = None,
) -> dict[str, Any]:
    """Create a user and their profile row; ``coordinator`` names a coordinator record."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ApiError(
            "invalid_value",
            server_text(QT_TRANSLATE_NOOP("server", "ユーザー名は1〜100文字にしてください")),
        )
    reason = validate_new_password(password)
    if reason:
        raise ApiError("invalid_value", reason)
    password_hash = hash_password(password)
    with conn.transaction():
        writer = ChangeWriter(conn, schema, actor, device_id)
        writer.begin()
        if conn.execute("SELECT 1 FROM user_account WHERE name = %s", [name]).fetchone():
            raise ApiError("user_exists")
        coordinator_id = None
        if coordinator is not None:
            if role != ProfileRole.COORDINATOR:
                raise ApiError(
                    "invalid_value",
                    server_text(
                        QT_TRANSLATE_NOOP(
                            "server", "コーディネーターの指定はコーディネーターの役割だけです"
                        )
                    ),
                )
            found = conn.execute(
                "SELECT id FROM coordinator WHERE name = %s AND deleted_at IS NULL", [coordinator]
            ).fetchall()
            if len(found) != 1:
                raise ApiError(
                    "invalid_value",
                    server_text(
                        QT_TRANSLATE_NOOP("server", "コーディネーター「{name}」が見つかりません"),
                        name=coordinator,
                    )
                    if not found
                    else server_text(
                        QT_TRANSLATE_NOOP("server", "コーディネーター「{name}」が複数あります"),
                        name=coordinator,
                    ),
                )
            coordinator_id = str(found[0][0])
        profile_id = str(uuid.uuid4())
        columns = table_specs()["user_profile"].columns
        now = to_wire(columns["created_at"], utc_now())
        writer.write(
            "user_profile",
            profile_id,
            {
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
                "name": name,
                "kana": "",
                "sort_kana": "",
                "role": role.value,
                "title": "",
                "coordinator_id": coordinator_id,
            },
            None,
        )
        user_id = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO user_account (id, name, role, password_hash, profile_id)"
            " VALUES (%s, %s, %s, %s, %s)",
            [user_id, name, role.value, password_hash, profile_id],
        )
        writer.finish()
    return {
        "id": user_id,
        "name": name,
        "role": role.value,
        "profile_id": profile_id,
        "coordinator_id": coordinator_id,
    }


def list_users(conn: psycopg.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT u.id, u.name, u.role, u.profile_id, u.created_at, u.disabled_at, u.locked_until,"
        " p.coordinator_id FROM user_account u JOIN user_profile p ON p.id = u.profile_id"
        " ORDER BY u.name"
    ).fetchall()
    return [
        {
            "id": str(uid),
            "name": name,
            "role": role,
            "profile_id": str(profile),
            "created_at": wire_time(created),
            "disabled": disabled is not None,
            "locked": locked is not None and locked > datetime.now(UTC),
            "coordinator_id": str(coord) if coord else None,
        }
        for uid, name, role, profile, created, disabled, locked, coord in rows
    ]


def disable_user(conn: psycopg.Connection, name: str) -> None:
    """Disable a user and revoke every token they hold."""
    with conn.transaction():
        row = conn.execute(
            "UPDATE user_account SET disabled_at = coalesce(disabled_at, now())"
            " WHERE name = %s RETURNING id",
            [name],
        ).fetchone()
        if row is None:
            raise ApiError(
                "not_found",
                server_text(
                    QT_TRANSLATE_NOOP("server", "ユーザー「{name}」はありません"), name=name
                ),
            )
        conn.execute(
            "UPDATE access_token SET revoked_at = now() WHERE user_id = %s AND revoked_at IS NULL",
            [row[0]],
        )


def list_devices(conn: psycopg.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT d.id, d.name, r.name, d.registered_at, d.last_seen_at, l.name, d.revoked_at"
        " FROM device d JOIN user_account r ON r.id = d.registered_by"
        " LEFT JOIN user_account l ON l.id = d.last_user_id ORDER BY d.registered_at"
    ).fetchall()
    return [
        {
            "id": str(did),
            "name": name,
            "registered_by": registered_by,
            "registered_at": wire_time(registered),
            "last_seen_at": wire_time(seen) if seen else None,
            "last_user": last_user,
            "revoked": revoked is not None,
        }
        for did, name, registered_by, registered, seen, last_user, revoked in rows
    ]


def revoke_device(conn: psycopg.Connection, device_id: str) -> None:
    """Block a device (a lost laptop): its tokens stop working and it cannot log in again."""
    try:
        device = str(uuid.UUID(device_id))
    except ValueError:
        raise ApiError(
            "not_found",
            server_text(
                QT_TRANSLATE_NOOP("server", "端末 {device} はありません"), device=device_id
            ),
        ) from None
    with conn.transaction():
        row = conn.execute(
            "UPDATE device SET revoked_at = coalesce(revoked_at, now()) WHERE id = %s RETURNING id",
            [device],
        ).fetchone()
        if row is None:
            raise ApiError(
                "not_found",
                server_text(
                    QT_TRANSLATE_NOOP("server", "端末 {device} はありません"), device=device_id
                ),
            )
        conn.execute(
            "UPDATE access_token SET revoked_at = now() WHERE device_id = %s"
            " AND revoked_at IS NULL",
            [device],
        )


def login(
    conn: psycopg.Connection,
    policy: LoginPolicy,
    *,
    municipality: str,
    name: str,
    password: str,
    device_id: str,
    device_name: str,
) -> dict[str, Any]:
    """Check the password, register the device at its first login, issue a token."""
    with conn.transaction():
        row = conn.execute(
            "SELECT id, role, password_hash, profile_id, disabled_at, locked_until"
            " FROM user_account WHERE name = %s FOR UPDATE",
            [name],
        ).fetchone()
        if row is None:
            burn_password_check(password)
            failure = "bad_credentials"
        else:
            user_id, role, stored, profile_id, disabled, locked_until = row
            if locked_until is not None and locked_until > datetime.now(UTC):
                failure = "account_locked"
            elif not verify_password(password, stored):
                failure = "bad_credentials"
                conn.execute(
                    "UPDATE user_account SET failed_logins = failed_logins + 1,"
                    " locked_until = CASE WHEN failed_logins + 1 >= %s"
                    " THEN now() + make_interval(mins => %s) ELSE locked_until END"
                    " WHERE id = %s",
                    [policy.max_failed_logins, policy.lockout_minutes, user_id],
                )
            elif disabled is not None:
                failure = "user_disabled"
            else:
                failure = ""
    if failure:
        # The caller delays a bad_credentials answer (ServerConfig.failed_login_delay)
        # after giving the connection back to the pool.
        raise ApiError(failure)
    with conn.transaction():
        conn.execute(
            "UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE id = %s",
            [user_id],
        )
        device = conn.execute(
            "SELECT revoked_at FROM device WHERE id = %s FOR UPDATE", [device_id]
        ).fetchone()
        if device is not None and device[0] is not None:
            raise ApiError("device_revoked")
        if device is None:
            conn.execute(
                "INSERT INTO device (id, name, registered_by, last_seen_at, last_user_id)"
                " VALUES (%s, %s, %s, now(), %s)",
                [device_id, device_name, user_id, user_id],
            )
        else:
            conn.execute(
                "UPDATE device SET name = %s, last_seen_at = now(), last_user_id = %s"
                " WHERE id = %s",
                [device_name, user_id, device_id],
            )
        token = new_token(municipality)
        expires = datetime.now(UTC) + timedelta(days=policy.token_ttl_days)
        conn.execute(
            "INSERT INTO access_token (token_hash, user_id, device_id, expires_at)"
            " VALUES (%s, %s, %s, %s)",
            [token_hash(token), user_id, device_id, expires],
        )
    return {
        "token": token,
        "expires_at": wire_time(expires),
        "user": {"name": name, "role": role, "profile_id": str(profile_id)},
        "device_id": device_id,
        "municipality": municipality,
    }


def authenticate(conn: psycopg.Connection, token: str) -> tuple[Actor, str]:
    """The actor and device a bearer token stands for; raises a coded ApiError."""
    row = conn.execute(
        "SELECT t.expires_at, t.revoked_at, u.id, u.name, u.role, u.profile_id, u.disabled_at,"
        " d.id, d.revoked_at FROM access_token t JOIN user_account u ON u.id = t.user_id"
        " JOIN device d ON d.id = t.device_id WHERE t.token_hash = %s",
        [token_hash(token)],
    ).fetchone()
    conn.commit()
    if row is None:
        raise ApiError("token_invalid")
    expires, revoked, user_id, name, role, profile_id, disabled, device_id, device_revoked = row
    if device_revoked is not None:
        raise ApiError("device_revoked")
    if revoked is not None:
        raise ApiError("token_revoked")
    if disabled is not None:
        raise ApiError("user_disabled")
    if expires <= datetime.now(UTC):
        raise ApiError("token_expired")
    actor = Actor(str(user_id), name, ProfileRole(role), str(profile_id))
    return actor, str(device_id)
