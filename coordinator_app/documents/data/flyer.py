"""What a flyer shows: plain dataclasses, built from the services, read by renderers.

Nothing here touches the database or reportlab. A renderer receives a
:class:`FlyerData` (one coordinator) or a :class:`TeamFlyerData` (everyone
of an area) and draws exactly what it holds.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from coordinator_app.documents.data.common import Issuer


class Layout(StrEnum):
    """Paper and imposition. Values are the command line's ``--layout`` codes."""

    A4 = "a4"
    A5 = "a5"
    A5_TWO_UP = "a5x2"
    CARDS = "cards"
    TEAM = "team"


LAYOUT_LABELS: dict[Layout, str] = {
    Layout.A4: "A4 1面",
    Layout.A5: "A5 1面",
    Layout.A5_TWO_UP: "A4にA5を2面(トンボ付き)",
    Layout.CARDS: "名刺 91×55mm(A4に10枚)",
    Layout.TEAM: "チーム紹介(A4、地区または市全域)",
}


DESIGN_LABELS: dict[str, str] = {
    "standard": "スタンダード(青)",
    "warm": "やさしい(オレンジ)",
}
"""Design code (the command line's ``--design``) -> label; one design class each."""


class QrContent(StrEnum):
    """What the QR code holds."""

    AUTO = "auto"
    """The website when one is known, else the contact card."""
    WEBSITE = "website"
    CONTACT = "contact"
    NONE = "none"


QR_LABELS: dict[QrContent, str] = {
    QrContent.AUTO: "自動(ホームページ、なければ連絡先)",
    QrContent.WEBSITE: "ホームページのURL",
    QrContent.CONTACT: "連絡先(電話・メール)",
    QrContent.NONE: "なし",
}

HEADING = "生活支援コーディネーターのご紹介"
KICKER = "地域の支え合いを応援します"
CONSULT_HEADING = "こんな時にご相談ください"

FIELD_LABELS: dict[str, str] = {
    "heading": "見出し",
    "kicker": "見出しの上の一文",
    "subheading": "副題",
    "role_explanation": "役割の説明",
    "consult_topics": "相談できること",
    "name": "氏名",
    "kana": "ふりがな",
    "posts": "担当(層・地区)",
    "organisation": "所属機関",
    "phone": "電話番号",
    "email": "メールアドレス",
    "address": "住所",
    "office_hours": "相談受付時間",
    "message": "メッセージ",
    "issuer.name": "自治体名",
    "issuer.department": "担当部署",
    "issuer.address": "自治体の住所",
    "issuer.phone": "自治体の電話番号",
    "issuer.fax": "自治体のFAX番号",
    "issuer.email": "自治体のメールアドレス",
    "issuer.website": "ホームページ",
    "issuer.reception_hours": "自治体の受付時間",
    "qr.caption": "QRコードの説明",
    "photo": "写真",
    "issuer.logo": "ロゴ",
    "footer": "発行元の表示(自治体名・部署・住所・電話)",
    "members": "コーディネーターの一覧",
    "area_figures": "地域の統計",
}


@dataclass(frozen=True)
class QrCode:
    payload: str
    caption: str


@dataclass(frozen=True)
class AreaFigures:
    """地域の統計 of an area a flyer serves, already formatted (only what was entered)."""

    area: str
    figures: str
    """``人口 26,880人・世帯数 12,410・高齢化率 31.2%``."""
    as_of: str = ""
    """The 基準日 in the chosen calendar (``令和4年9月30日``); empty when unknown."""

    @property
    def text(self) -> str:
        """``中央圏域 人口 26,880人・…(令和4年9月30日現在)``: one printed line."""
        when = f"({self.as_of}現在)" if self.as_of else ""
        return f"{self.area} {self.figures}{when}"


@dataclass(frozen=True)
class FlyerCoordinator:
    """One coordinator as printed: every value final, fallbacks already applied."""

    coordinator_id: uuid.UUID | None
    name: str
    kana: str = ""
    photo: bytes | None = field(default=None, repr=False)
    posts: tuple[str, ...] = ()
    """Current posts, e.g. ``第2層 北部圏域(兼務)``."""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    office_hours: str = ""
    message: str = ""


@dataclass(frozen=True)
class FlyerData:
    """Everything one coordinator's flyer (or business card) shows."""

    coordinator: FlyerCoordinator
    issuer: Issuer
    role_explanation: str
    consult_topics: tuple[str, ...]
    qr: QrCode | None = None
    heading: str = HEADING
    kicker: str = KICKER
    consult_heading: str = CONSULT_HEADING
    area_figures: tuple[AreaFigures, ...] = ()
    """The statistics of the areas the coordinator serves (those that have any)."""

    @property
    def owner(self) -> str:
        return self.coordinator.name


@dataclass(frozen=True)
class TeamFlyerData:
    """A flyer listing the coordinators of an area (or of the whole municipality)."""

    area_name: str
    members: tuple[FlyerCoordinator, ...]
    issuer: Issuer
    role_explanation: str
    consult_topics: tuple[str, ...]
    qr: QrCode | None = None
    heading: str = HEADING
    kicker: str = KICKER
    consult_heading: str = CONSULT_HEADING
    area_figures: tuple[AreaFigures, ...] = ()
    """The statistics of the area (or the municipality) when entered."""

    @property
    def subheading(self) -> str:
        return f"{self.area_name}を担当する生活支援コーディネーター"

    @property
    def owner(self) -> str:
        return self.area_name


@dataclass(frozen=True)
class FlyerOverrides:
    """Changes for one print only; ``None`` keeps the stored value."""

    consult_topics: tuple[str, ...] | None = None
    message: str | None = None


@dataclass(frozen=True)
class FlyerIssue:
    """A problem with one field, phrased for the user.

    Attributes:
        field: the field's code name (a key of :data:`FIELD_LABELS`).
        owner: whose flyer: a coordinator's name, or the area of a team flyer.
        message: the full Japanese sentence shown to the user.
    """

    field: str
    owner: str
    message: str

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def __str__(self) -> str:
        return self.message


class FlyerError(ValueError):
    """A flyer cannot be made as asked; ``issues`` say which fields and why."""

    def __init__(self, issues: list[FlyerIssue], summary: str) -> None:
        self.issues = list(issues)
        super().__init__("\n".join([summary, *(f"・{i.message}" for i in self.issues)]))


class FlyerOverflowError(FlyerError):
    """Strict mode: some text does not fit its box even at the smallest allowed
    size, or holds a character no bundled font has."""

    def __init__(self, issues: list[FlyerIssue]) -> None:
        super().__init__(
            issues, "省略または置き換えが必要な文字があるため、PDFを作成しませんでした。"
        )


@dataclass(frozen=True)
class RenderedFlyer:
    """A finished PDF and what the user should know about it."""

    pdf: bytes
    pages: int
    warnings: tuple[FlyerIssue, ...] = ()
