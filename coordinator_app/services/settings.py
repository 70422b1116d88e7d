"""Municipality-wide settings kept in the database (name, logo, flyer defaults)."""

from __future__ import annotations

from dataclasses import fields

from sqlmodel import col, select

from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Setting
from coordinator_app.domain.municipality import DEFAULT_CONSULT_TOPICS as DEFAULT_CONSULT_TOPICS
from coordinator_app.domain.municipality import DEFAULT_ROLE_EXPLANATION as DEFAULT_ROLE_EXPLANATION
from coordinator_app.domain.municipality import SETTING_PREFIX, profile_from_settings
from coordinator_app.domain.municipality import MunicipalityProfile as MunicipalityProfile
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

MAX_LOGO_BYTES = 2 * 1024 * 1024


class SettingsService(Guarded):
    """Read and write the :class:`MunicipalityProfile`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def municipality(self) -> MunicipalityProfile:
        with self.db.reading() as session:
            rows = session.exec(
                select(Setting)
                .where(col(Setting.key).startswith(SETTING_PREFIX))
                .where(col(Setting.deleted_at).is_(None))
            ).all()
        return profile_from_settings(
            {row.key.removeprefix(SETTING_PREFIX): (row.text_value, row.blob_value) for row in rows}
        )

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
                    select(Setting).where(col(Setting.key).startswith(SETTING_PREFIX))
                ).all()
            }
            stamp = now()
            for f in fields(MunicipalityProfile):
                key = SETTING_PREFIX + f.name
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
