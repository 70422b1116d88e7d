"""Refusals the API answers with: a stable code, an HTTP status, a Japanese message.

Clients branch on ``code``, never on the message text. The message goes with its
``template`` and ``values`` (``domain.texts.wire_form``) so that a desk in English
shows it in English; the texts are marked for the desk's catalogue (context
``server``; ``QT_TRANSLATE_NOOP`` is a plain marker, the server has no Qt).
"""

from __future__ import annotations

from typing import Any

import psycopg

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text, wire_form

# code -> (HTTP status, message)
CATALOGUE: dict[str, tuple[int, str]] = {
    "malformed_request": (400, QT_TRANSLATE_NOOP("server", "リクエストの形式が正しくありません")),
    "schema_revision_missing": (
        400,
        QT_TRANSLATE_NOOP("server", "アプリのデータ形式の版が送られていません"),
    ),
    "client_outdated": (
        426,
        QT_TRANSLATE_NOOP("server", "アプリが古いため同期できません。アプリを更新してください"),
    ),
    "server_outdated": (
        426,
        QT_TRANSLATE_NOOP(
            "server",
            "サーバーがこのアプリの版にまだ対応していません。管理者にサーバーの更新を依頼してください",
        ),
    ),
    "bad_credentials": (401, QT_TRANSLATE_NOOP("server", "ユーザー名またはパスワードが違います")),
    "account_locked": (
        429,
        QT_TRANSLATE_NOOP(
            "server",
            "ログインの失敗が続いたため、しばらくログインできません。時間をおいてやり直してください",
        ),
    ),
    "snapshot_rate_limited": (
        429,
        QT_TRANSLATE_NOOP(
            "server",
            "初期データ(スナップショット)の要求が多すぎます。しばらくしてからやり直してください",
        ),
    ),
    "user_disabled": (403, QT_TRANSLATE_NOOP("server", "このユーザーは無効にされています")),
    "token_missing": (401, QT_TRANSLATE_NOOP("server", "ログインしてください")),
    "token_invalid": (
        401,
        QT_TRANSLATE_NOOP("server", "ログイン情報が無効です。もう一度ログインしてください"),
    ),
    "token_expired": (
        401,
        QT_TRANSLATE_NOOP("server", "ログインの有効期限が切れました。もう一度ログインしてください"),
    ),
    "token_revoked": (
        401,
        QT_TRANSLATE_NOOP(
            "server", "この端末のログインは取り消されました。もう一度ログインしてください"
        ),
    ),
    "device_revoked": (
        403,
        QT_TRANSLATE_NOOP("server", "この端末は利用停止されています。管理者に連絡してください"),
    ),
    "unknown_municipality": (
        404,
        QT_TRANSLATE_NOOP("server", "指定された自治体はこのサーバーにありません"),
    ),
    "municipality_required": (400, QT_TRANSLATE_NOOP("server", "自治体を指定してください")),
    "forbidden": (403, QT_TRANSLATE_NOOP("server", "この操作を行う権限がありません")),
    "not_found": (404, QT_TRANSLATE_NOOP("server", "見つかりません")),
    "method_not_allowed": (405, QT_TRANSLATE_NOOP("server", "この操作はできません")),
    "request_too_large": (413, QT_TRANSLATE_NOOP("server", "送信されたデータが大きすぎます")),
    "unsupported_media_type": (415, QT_TRANSLATE_NOOP("server", "JSON で送ってください")),
    "user_exists": (409, QT_TRANSLATE_NOOP("server", "同じ名前のユーザーが既にあります")),
    "invalid_value": (422, QT_TRANSLATE_NOOP("server", "入力内容が正しくありません")),
    "blob_mismatch": (
        422,
        QT_TRANSLATE_NOOP("server", "ファイルの内容が送られたハッシュと一致しません"),
    ),
    "database_unavailable": (
        503,
        QT_TRANSLATE_NOOP(
            "server",
            "データベースに接続できません。しばらくしてからやり直してください",
        ),
    ),
    "internal_error": (
        500,
        QT_TRANSLATE_NOOP("server", "サーバー内部でエラーが発生しました。管理者に連絡してください"),
    ),
}


class ApiError(Exception):
    """A refusal; ``message`` (a ``server_text``) overrides the catalogue's when it says more."""

    def __init__(self, code: str, message: str | None = None, **details: Any) -> None:
        status, default = CATALOGUE[code]
        super().__init__(code)
        self.code = code
        self.status = status
        self.message = message or server_text(default)
        self.details = details

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, **wire_form(self.message)}
        if self.details:
            error["details"] = self.details
        return {"error": error}


def integrity_message(error: psycopg.errors.IntegrityError) -> str:
    """Why the database refused a pushed change (a refusal with the code ``integrity``)."""
    if isinstance(error, psycopg.errors.ForeignKeyViolation):
        return server_text(
            QT_TRANSLATE_NOOP(
                "server", "参照している記録がサーバーにありません(先に送るべき変更が届いていません)"
            )
        )
    if isinstance(error, psycopg.errors.UniqueViolation):
        return server_text(QT_TRANSLATE_NOOP("server", "同じ値を持つ記録がサーバーに既にあります"))
    if isinstance(error, psycopg.errors.NotNullViolation):
        column = error.diag.column_name or ""
        if column:
            return server_text(
                QT_TRANSLATE_NOOP("server", "必須の項目 {column} が空です"), column=column
            )
        return server_text(QT_TRANSLATE_NOOP("server", "必須の項目が空です"))
    return server_text(QT_TRANSLATE_NOOP("server", "記録の整合性の条件を満たしていません"))
