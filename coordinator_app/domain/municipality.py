"""The municipality profile: what flyers and reports print about the municipality.

Pure, so the flyer command reads it without the ORM; kept as ``setting`` rows
``municipality.<field>`` (see :mod:`coordinator_app.services.settings`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

SETTING_PREFIX = "municipality."
"""The ``setting.key`` of field ``name`` is ``SETTING_PREFIX + name``."""

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


def profile_from_settings(stored: Mapping[str, tuple[str, bytes | None]]) -> MunicipalityProfile:
    """The profile from live ``setting`` rows: field name -> (text_value, blob_value).

    A field without a row keeps its default; the logo is the blob, every other field the text.
    """
    profile = MunicipalityProfile()
    for f in fields(MunicipalityProfile):
        row = stored.get(f.name)
        if row is None:
            continue
        setattr(profile, f.name, row[1] if f.name == "logo" else row[0])
    return profile
