"""Looking records up by name inside an import's transaction: the names and duplicate keys
of live records, kept current as rows are stored."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from coordinator_app.domain import kana as kana_rules
from coordinator_app.domain.models import Organisation, Record
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.domain.validation import normalise_phone
from coordinator_app.services.base import live
from coordinator_app.services.transfer.fields import name_key


def _kana_key(text: str) -> str:
    return "".join(kana_rules.normalise(text).split())


def _phone_key(text: str) -> str:
    return "".join(ch for ch in normalise_phone(text) if ch.isdigit())


@dataclass
class Known:
    id: uuid.UUID
    name: str
    kana: str
    phone: str
    scope: uuid.UUID | None
    where: Message
    phone_text: str = ""


class ImportContext:
    """Names and duplicate keys of live records, kept current as rows are stored."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._names: dict[type[Record], dict[str, list[Known]]] = {}

    def known(self, model: type[Record]) -> dict[str, list[Known]]:
        if model not in self._names:
            index: dict[str, list[Known]] = {}
            for obj in self.session.exec(select(model).where(live(model))).all():
                self._add(index, obj, Message("import", QT_TRANSLATE_NOOP("import", "登録済みの")))
            self._names[model] = index
        return self._names[model]

    @staticmethod
    def _add(index: dict[str, list[Known]], obj: Any, where: Message) -> None:
        scope = getattr(obj, "organisation_id", None) or getattr(obj, "parent_id", None)
        if isinstance(obj, Organisation):
            scope = None
        entry = Known(
            id=obj.id,
            name=obj.name,
            kana=_kana_key(getattr(obj, "kana", "")),
            phone=_phone_key(getattr(obj, "phone", "")),
            scope=scope,
            where=where,
            phone_text=getattr(obj, "phone", "") or "",
        )
        index.setdefault(name_key(obj.name), []).append(entry)

    def stored(self, obj: Record, line: int) -> None:
        where = Message("import", QT_TRANSLATE_NOOP("import", "{line}行目の"), line=line)
        self._add(self.known(type(obj)), obj, where)

    def find(self, model: type[Record], name: str) -> list[Known]:
        return self.known(model).get(name_key(name), [])

    def duplicate(self, obj: Any) -> Known | None:
        kana_key, phone_key = (
            _kana_key(obj.kana),
            _phone_key(obj.phone if hasattr(obj, "phone") else ""),
        )
        scope = (
            None
            if isinstance(obj, Organisation)
            else (getattr(obj, "organisation_id", None) or getattr(obj, "parent_id", None))
        )
        for known in self.find(type(obj), obj.name):
            if known.scope != scope:
                continue
            if kana_key and known.kana and kana_key != known.kana:
                continue
            if phone_key and known.phone and phone_key != known.phone:
                continue
            return known
        return None

    def same_name_other_phone(self, obj: Any) -> Known | None:
        """An organisation of the same name whose phone number differs from ``obj``'s.

        Such a row is not a duplicate (the phones disagree), but it is often the
        same body with a changed or second number, so it is not stored silently.
        """
        if not isinstance(obj, Organisation):
            return None
        phone_key = _phone_key(obj.phone)
        if not phone_key:
            return None
        for known in self.find(Organisation, obj.name):
            if known.phone and known.phone != phone_key:
                return known
        return None
