"""Refusals the API answers with: a stable code, an HTTP status, a Japanese message.

Clients branch on ``code``, never on the message text.
"""

from __future__ import annotations

from typing import Any

# code -> (HTTP status, message)
CATALOGUE: dict[str, tuple[int, str]] = {
    "malformed_request": (400, "リクエストの形式が正しくありません"),
    "schema_revision_missing": (400, "アプリのデータ形式の版が送られていません"),
    "client_outdated": (426, "アプリが古いため同期できません。アプリを更新してください"),
    "server_outdated": (
        426,
        "サーバーがこのアプリの版にまだ対応していません。管理者にサーバーの更新を依頼してください",
    ),
    "bad_credentials": (401, "ユーザー名またはパスワードが違います"),
    "account_locked": (
        429,
        "ログインの失敗が続いたため、しばらくログインできません。時間をおいてやり直してください",
    ),
    "snapshot_rate_limited": (
        429,
        "初期データ(スナップショット)の要求が多すぎます。しばらくしてからやり直してください",
    ),
    "user_disabled": (403, "このユーザーは無効にされています"),
    "token_missing": (401, "ログインしてください"),
    "token_invalid": (401, "ログイン情報が無効です。もう一度ログインしてください"),
    "token_expired": (401, "ログインの有効期限が切れました。もう一度ログインしてください"),
    "token_revoked": (401, "この端末のログインは取り消されました。もう一度ログインしてください"),
    "device_revoked": (403, "この端末は利用停止されています。管理者に連絡してください"),
    "unknown_municipality": (404, "指定された自治体はこのサーバーにありません"),
    "municipality_required": (400, "自治体を指定してください"),
    "forbidden": (403, "この操作を行う権限がありません"),
    "not_found": (404, "見つかりません"),
    "method_not_allowed": (405, "この操作はできません"),
    "request_too_large": (413, "送信されたデータが大きすぎます"),
    "unsupported_media_type": (415, "JSON で送ってください"),
    "user_exists": (409, "同じ名前のユーザーが既にあります"),
    "invalid_value": (422, "入力内容が正しくありません"),
    "blob_mismatch": (422, "ファイルの内容が送られたハッシュと一致しません"),
    "database_unavailable": (
        503,
        "データベースに接続できません。しばらくしてからやり直してください",
    ),
    "internal_error": (500, "サーバー内部でエラーが発生しました。管理者に連絡してください"),
}


class ApiError(Exception):
    """A refusal; ``message`` overrides the catalogue's when it says more."""

    def __init__(self, code: str, message: str | None = None, **details: Any) -> None:
        status, default = CATALOGUE[code]
        super().__init__(code)
        self.code = code
        self.status = status
        self.message = message or default
        self.details = details

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"error": error}
