"""Password hashes (scrypt, standard library) and device tokens.

Only hashes are stored: a password as ``scrypt$n$r$p$salt$hash``, a token as
its SHA-256 (a token is 256 random bits, so a fast hash is enough; a
password is low-entropy, so it gets a memory-hard one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text

_N, _R, _P = 2**14, 8, 1
_DUMMY_HASH: str | None = None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; constant time in the digest comparison."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def burn_password_check(password: str) -> None:
    """Spend the time of a real check (an unknown user must not answer faster)."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("dummy")
    verify_password(password, _DUMMY_HASH)


def new_token(municipality: str) -> str:
    """A bearer token naming its municipality: ``<municipality>.<secret>``."""
    return f"{municipality}.{secrets.token_urlsafe(32)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def validate_new_password(password: str) -> str | None:
    """A Japanese reason the password is not acceptable, or None."""
    if len(password) < 8:
        return server_text(QT_TRANSLATE_NOOP("server", "パスワードは8文字以上にしてください"))
    if len(password) > 200:
        return server_text(QT_TRANSLATE_NOOP("server", "パスワードは200文字以内にしてください"))
    return None
