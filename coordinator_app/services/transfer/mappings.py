"""The column-mapping step: which column of the file fills which field.

A mapping the user confirmed is remembered by header name (per kind of
record) in the ``setting`` table, so next year's file with the same headers
maps itself, and the mapping travels with the database's backups.
"""

from __future__ import annotations

import json

from sqlmodel import select

from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Setting
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, field, joined
from coordinator_app.domain.types import utc_now
from coordinator_app.services.transfer.fields import ImportKind
from coordinator_app.services.transfer.reading import normalise_header
from coordinator_app.storage.database import Database

Mapping = dict[int, str]
"""Column index -> field key; unmapped columns are absent (ignored)."""

_KEY_PREFIX = "import.mapping."


class MappingStore:
    """Remembered mappings: normalised header text -> field key ("" = ignore)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self, kind: ImportKind) -> dict[str, str]:
        with self.db.reading() as session:
            row = session.exec(select(Setting).where(Setting.key == _KEY_PREFIX + kind.key)).first()
        if row is None or row.deleted_at is not None:
            return {}
        try:
            stored = json.loads(row.text_value or "{}")
        except ValueError:
            return {}
        known = {f.key for f in kind.fields} | {""}
        return {
            str(header): str(key)
            for header, key in stored.items()
            if isinstance(stored, dict) and key in known
        }

    def remember(self, kind: ImportKind, headers: tuple[str, ...], mapping: Mapping) -> None:
        """Remember how each of ``headers`` was mapped (and which were ignored)."""
        learned = self.load(kind)
        for index, header in enumerate(headers):
            text = normalise_header(header)
            if text:
                learned[text] = mapping.get(index, "")
        with self.db.writing() as session:
            row = session.exec(
                select(Setting).where(Setting.key == _KEY_PREFIX + kind.key)
            ).first() or Setting(id=setting_id(_KEY_PREFIX + kind.key), key=_KEY_PREFIX + kind.key)
            row.text_value = json.dumps(learned, ensure_ascii=False, sort_keys=True)
            row.updated_at = utc_now()
            row.deleted_at = None
            session.add(row)


def suggest_mapping(
    kind: ImportKind, headers: tuple[str, ...], remembered: dict[str, str] | None = None
) -> Mapping:
    """A mapping from remembered choices first, then the fields' labels and aliases.

    No field is given two columns: the first column that matches wins.
    """
    remembered = remembered or {}
    by_text: dict[str, str] = {}
    for f in kind.fields:
        for text in (f.label, *f.aliases):
            by_text.setdefault(normalise_header(text), f.key)
    mapping: Mapping = {}
    used: set[str] = set()
    for index, header in enumerate(headers):
        text = normalise_header(header)
        if not text:
            continue
        key = remembered[text] if text in remembered else by_text.get(text, "")
        if key and key not in used:
            mapping[index] = key
            used.add(key)
    return mapping


def mapping_problems(kind: ImportKind, headers: tuple[str, ...], mapping: Mapping) -> list[str]:
    """Japanese reasons the mapping cannot be used (empty when it can); messages."""
    problems: list[str] = []
    columns: dict[str, list[str]] = {}
    for index, key in mapping.items():
        if key:
            header = headers[index] if index < len(headers) else ""
            columns.setdefault(key, []).append(header or column_name(index))
    for f in kind.fields:
        if f.required and f.key not in columns:
            problems.append(
                Message(
                    "import",
                    QT_TRANSLATE_NOOP("import", "必須の項目「{label}」に列を割り当ててください。"),
                    label=field(f.label),
                )
            )
        if len(columns.get(f.key, [])) > 1:
            problems.append(
                Message(
                    "import",
                    QT_TRANSLATE_NOOP(
                        "import", "「{label}」に複数の列(「{names}」)が割り当てられています。"
                    ),
                    label=field(f.label),
                    names=joined(columns[f.key], "」「"),
                )
            )
    return problems


def column_name(index: int) -> Message:
    """``3列目``: a column without a header, by its position."""
    return Message("import", QT_TRANSLATE_NOOP("import", "{n}列目"), n=index + 1)
