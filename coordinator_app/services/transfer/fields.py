"""What can be imported from a spreadsheet: kinds of record, their fields and how
a cell's text becomes a field value.

The labels are the export's headers, so an exported list maps itself; the
aliases are headers municipal lists commonly use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from coordinator_app.domain.enums import AreaKind, OrgKind, SupportCenterOperation, label
from coordinator_app.domain.models import Area, Contact, Coordinator, Organisation, Record

E = TypeVar("E", bound=Enum)

NAME_SEPARATORS = re.compile(r"[、,，;；/／\n]+")


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ImportKind:
    """A kind of record that can be imported (関係機関, 担当者, コーディネーター, 地域)."""

    key: str
    label: str
    model: type[Record]
    service_attr: str
    fields: tuple[ImportField, ...]

    def field(self, key: str) -> ImportField:
        return next(f for f in self.fields if f.key == key)

    @property
    def header_texts(self) -> list[str]:
        return [text for f in self.fields for text in (f.label, *f.aliases)]


_KANA = ImportField(
    "kana", "ふりがな", ("フリガナ", "よみがな", "ヨミガナ", "よみ", "ヨミ", "カナ", "読み", "かな")
)
_PHONE = ImportField(
    "phone", "電話番号", ("電話", "TEL", "Tel", "電話番号1", "連絡先電話番号", "連絡先")
)
_EMAIL = ImportField("email", "メールアドレス", ("メール", "E-mail", "Eメール", "email", "mail"))
_NOTES = ImportField("notes", "備考", ("メモ", "摘要", "特記事項"))

ORGANISATIONS = ImportKind(
    key="organisations",
    label="関係機関",
    model=Organisation,
    service_attr="organisations",
    fields=(
        ImportField(
            "name",
            "名称",
            ("団体名", "機関名", "事業所名", "組織名", "法人名", "施設名", "名前"),
            required=True,
        ),
        _KANA,
        ImportField("kind", "種別", ("区分", "分類", "種類", "団体種別", "機関種別")),
        ImportField("operation", "運営形態", ("運営", "直営・委託", "直営/委託")),
        ImportField("address", "住所", ("所在地",)),
        _PHONE,
        _EMAIL,
        ImportField("website", "ウェブサイト", ("ホームページ", "HP", "URL")),
        ImportField("areas", "担当地域", ("担当圏域", "圏域", "担当区域")),
        _NOTES,
    ),
)

CONTACTS = ImportKind(
    key="contacts",
    label="担当者",
    model=Contact,
    service_attr="contacts",
    fields=(
        ImportField(
            "organisation",
            "所属機関",
            ("所属", "所属団体", "団体名", "機関名", "事業所名", "関係機関"),
            required=True,
        ),
        ImportField("name", "氏名", ("名前", "担当者名", "担当者", "お名前"), required=True),
        _KANA,
        ImportField("role", "役職", ("職名", "肩書", "肩書き", "役割")),
        _PHONE,
        _EMAIL,
        _NOTES,
    ),
)

COORDINATORS = ImportKind(
    key="coordinators",
    label="コーディネーター",
    model=Coordinator,
    service_attr="coordinators",
    fields=(
        ImportField(
            "name", "氏名", ("名前", "コーディネーター名", "SC氏名", "お名前"), required=True
        ),
        _KANA,
        _PHONE,
        _EMAIL,
        ImportField("office_hours", "相談受付時間", ("受付時間", "相談時間")),
        ImportField("message", "メッセージ", ("ひとこと", "一言")),
        ImportField("consult_topics", "相談できること", ("相談内容", "こんな時にご相談ください")),
        _NOTES,
    ),
)

AREAS = ImportKind(
    key="areas",
    label="地域",
    model=Area,
    service_attr="areas",
    fields=(
        ImportField(
            "name", "地域名", ("名称", "圏域名", "地区名", "学区名", "地域"), required=True
        ),
        _KANA,
        ImportField("kind", "種別", ("区分", "地域の種別")),
        ImportField("parent", "上位地域", ("親地域", "上位", "所属地域", "上位の地域")),
        _NOTES,
    ),
)

IMPORT_KINDS: dict[str, ImportKind] = {
    k.key: k for k in (AREAS, ORGANISATIONS, CONTACTS, COORDINATORS)
}


# -- cell text -> enum ---------------------------------------------------------------


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


# Words found inside free-form 種別 texts, checked in this order.
ORG_KIND_WORDS: tuple[tuple[str, OrgKind], ...] = (
    ("包括", OrgKind.SUPPORT_CENTER),
    ("社会福祉協議会", OrgKind.SOCIAL_WELFARE_COUNCIL),
    ("社協", OrgKind.SOCIAL_WELFARE_COUNCIL),
    ("ボランティア", OrgKind.VOLUNTEER_CENTER),
    ("市民活動", OrgKind.VOLUNTEER_CENTER),
    ("町会", OrgKind.NEIGHBOURHOOD_ASSOCIATION),
    ("自治会", OrgKind.NEIGHBOURHOOD_ASSOCIATION),
    ("町内会", OrgKind.NEIGHBOURHOOD_ASSOCIATION),
    ("民生", OrgKind.WELFARE_COMMISSIONER),
    ("老人クラブ", OrgKind.SENIORS_CLUB),
    ("シニアクラブ", OrgKind.SENIORS_CLUB),
    ("npo", OrgKind.NPO),
    ("特定非営利", OrgKind.NPO),
    ("企業", OrgKind.COMPANY),
    ("会社", OrgKind.COMPANY),
    ("行政", OrgKind.GOVERNMENT),
    ("市役所", OrgKind.GOVERNMENT),
    ("役場", OrgKind.GOVERNMENT),
)

AREA_KIND_WORDS: tuple[tuple[str, AreaKind], ...] = (
    ("市域", AreaKind.MUNICIPALITY),
    ("全域", AreaKind.MUNICIPALITY),
    ("圏域", AreaKind.DAILY_LIFE_AREA),
    ("学区", AreaKind.SCHOOL_DISTRICT),
    ("校区", AreaKind.SCHOOL_DISTRICT),
    ("地区", AreaKind.DISTRICT),
)


def parse_enum(enum_cls: type[E], text: str, words: tuple[tuple[str, E], ...] = ()) -> E | None:
    """The member named by ``text``: its Japanese label, its code, or a known word in it."""
    folded = _fold(text)
    for member in enum_cls:
        if folded in (_fold(label(member)), _fold(str(member.value)), _fold(member.name)):
            return member
    for word, member in words:
        if _fold(word) in folded:
            return member
    if enum_cls is AreaKind and folded in ("市", "町", "村", "区"):
        return AreaKind.MUNICIPALITY  # type: ignore[return-value]  # E is AreaKind here
    return None


def choices_text(enum_cls: type[Enum]) -> str:
    return "、".join(label(m) for m in enum_cls)


def parse_org_kind(text: str) -> OrgKind | None:
    return parse_enum(OrgKind, text, ORG_KIND_WORDS)


def parse_area_kind(text: str) -> AreaKind | None:
    return parse_enum(AreaKind, text, AREA_KIND_WORDS)


def parse_operation(text: str) -> SupportCenterOperation | None:
    return parse_enum(SupportCenterOperation, text)


def split_names(text: str) -> list[str]:
    """``北部、南部`` -> ``["北部", "南部"]``."""
    return [part.strip() for part in NAME_SEPARATORS.split(text) if part.strip()]


def name_key(text: str) -> str:
    """A name folded for comparison: width, case and spaces do not matter."""
    return _fold(text)
