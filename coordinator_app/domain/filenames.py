"""File names that come from data, made safe before they touch a file system.

An attachment name, a meeting title or a coordinator's name may come from a
database file someone else made. Whatever it holds, :func:`safe_filename`
returns one plain base name: no folder part (``../``, ``/abs``, ``C:\\``),
no Windows device name (``CON``, ``LPT1.txt``), no alternate data stream
(``a.txt:stream``), no control, bidi or invisible characters, and no name
that is only dots. Joined to a folder it always names a file in that folder.
"""

from __future__ import annotations

import re
import unicodedata

from coordinator_app.domain.validation import strip_invisible

_RESERVED_MARKS = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in "0123456789¹²³"}
    | {f"LPT{i}" for i in "0123456789¹²³"}
)
MAX_NAME_BYTES = 240
"""Below the 255-byte limit of common file systems, leaving room for a ``.part`` suffix."""


def base_name(text: str) -> str:
    """The last path component of ``text``, with ``/`` and ``\\`` both separators."""
    parts = [p for p in re.split(r"[\\/]", text) if p.strip(" .")]
    return parts[-1] if parts else ""


def is_reserved_device_name(name: str) -> bool:
    """Windows refuses (or misroutes) ``CON``, ``nul.txt``, ``COM1.tar.gz``…"""
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    return stem in _DEVICE_NAMES


def safe_filename(
    text: str, *, fallback: str = "名称なし", limit: int = 80, from_path: bool = False
) -> str:
    """``text`` reduced to a base name usable on Windows, macOS and Linux.

    Args:
        text: any string from data (may be hostile).
        fallback: the name used when nothing usable is left.
        limit: at most this many characters (the extension is kept).
        from_path: ``text`` is a file name that may carry folders (an
            attachment's): keep its last component. Otherwise (a title, a
            person's name) separators become ``_`` and nothing is dropped.

    Returns:
        A non-empty name without separators that is never ``.`` or ``..``.
    """
    name = unicodedata.normalize("NFC", strip_invisible(text))
    name = base_name(name) if from_path else re.sub(r"[\\/]", "_", name)
    # A drive prefix ("C:x") or a stream ("a.txt:stream"): every colon goes.
    name = _RESERVED_MARKS.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" .")
    if is_reserved_device_name(name):
        name = f"_{name}"
    name = _shorten(name, limit)
    if not name or set(name) <= {".", "_", " "}:
        return safe_filename(fallback) if fallback and fallback != text else "file"
    return name


def _shorten(name: str, limit: int) -> str:
    """Cut to ``limit`` characters and MAX_NAME_BYTES bytes, keeping a short extension."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 10:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    room = max(1, limit - len(suffix))
    stem = stem[:room]
    while stem and len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return (stem.rstrip(" .") + suffix) if stem else suffix.lstrip(".")
