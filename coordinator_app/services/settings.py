"""Municipality-wide settings kept in the database (name, logo, flyer defaults)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlmodel import col, select

from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Setting
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import (
    Errors,
    check_email,
    check_length,
    check_phone,
    clean_text,
    normalise_phone,
)
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import now
from coordinator_app.storage.database import Database

DEFAULT_ROLE_EXPLANATION = (
    "生活支援コーディネーター(地域支え合い推進員)は、地域の皆さんと一緒に、"
    "支え合いの地域づくりを進める専門職です。地域の活動や資源を調べ、人と人、"
    "人と活動をつなぎ、住民の皆さんが主体となった活動が生まれ、続くように応援します。"
)

DEFAULT_CONSULT_TOPICS = "\n".join(
    (
        "地域の集まりや通いの場に参加したい",
        "ボランティアや地域の活動をしてみたい",
        "ちょっとした困りごとを助け合える仕組みがほしい",
        "地域で新しい活動を始めたい・仲間を増やしたい",
        "地域の活動の場所や情報を知りたい",
    )
)

MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass
class MunicipalityProfile:
    """What flyers and reports print about the municipality."""

    name: str = ""
    department: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    reception_hours: str = ""
    role_explanation: str = DEFAULT_ROLE_EXPLANATION
    default_consult_topics: str = DEFAULT_CONSULT_TOPICS
    logo: bytes | None = field(default=None, repr=False)

    @property
    def consult_topic_list(self) -> list[str]:
        return [t.strip() for t in self.default_consult_topics.splitlines() if t.strip()]


_PREFIX = "municipality."


class SettingsService(Guarded):
    """Read and write the :class:`MunicipalityProfile`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def municipality(self) -> MunicipalityProfile:
        with self.db.reading() as session:
            rows = session.exec(
                select(Setting)
                .where(col(Setting.key).startswith(_PREFIX))
                .where(col(Setting.deleted_at).is_(None))
            ).all()
        stored = {row.key.removeprefix(_PREFIX): row for row in rows}
        profile = MunicipalityProfile()
        for f in fields(MunicipalityProfile):
            row = stored.get(f.name)
            if row is None:
                continue
            setattr(profile, f.name, row.blob_value if f.name == "logo" else row.text_value)
        return profile

    @writes
    def save_municipality(self, profile: MunicipalityProfile) -> MunicipalityProfile:
        for name in ("name", "department", "address", "email", "website"):
            setattr(profile, name, clean_text(getattr(profile, name)))
        profile.phone = normalise_phone(clean_text(profile.phone))
        profile.fax = normalise_phone(clean_text(profile.fax))
        profile.reception_hours = clean_text(profile.reception_hours)
        profile.role_explanation = clean_text(profile.role_explanation, multiline=True)
        profile.default_consult_topics = clean_text(profile.default_consult_topics, multiline=True)
        errors = Errors()
        check_length(errors, "name", "自治体名", profile.name, 100)
        check_length(errors, "department", "担当部署", profile.department, 200)
        check_length(errors, "address", "住所", profile.address, 300)
        check_phone(errors, "phone", profile.phone)
        check_phone(errors, "fax", profile.fax)
        check_length(errors, "reception_hours", "受付時間", profile.reception_hours, 100)
        check_email(errors, "email", profile.email)
        check_length(errors, "role_explanation", "役割の説明", profile.role_explanation, 1000)
        check_length(
            errors, "default_consult_topics", "相談できること", profile.default_consult_topics, 4000
        )
        if profile.logo is not None and len(profile.logo) > MAX_LOGO_BYTES:
            errors.add(
                "logo", invalid(QT_TRANSLATE_NOOP("validation", "ロゴ画像は2MB以下にしてください"))
            )
        errors.raise_if_any()
        with self.db.writing() as session:
            existing = {
                row.key: row
                for row in session.exec(
                    select(Setting).where(col(Setting.key).startswith(_PREFIX))
                ).all()
            }
            stamp = now()
            for f in fields(MunicipalityProfile):
                key = _PREFIX + f.name
                value = getattr(profile, f.name)
                row = existing.get(key) or Setting(id=setting_id(key), key=key)
                if f.name == "logo":
                    row.blob_value = value
                else:
                    row.text_value = value
                row.updated_at = stamp
                row.deleted_at = None
                session.add(row)
        return profile
