"""Translated labels of the domain's enums.

``coordinator_app.domain.enums.label`` gives the Japanese label; here the
same texts are written out literally so that lupdate extracts them and the
English translation applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProjectProgram,
    ProjectStatus,
    SupportCenterOperation,
    Tier,
    label,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import PROBE, PROBE_CONTEXT, Message, render

_translated: tuple[str, dict[object, str]] | None = None
"""The labels in the language they were translated for (the default locale's name)."""


def _labels() -> dict[object, str]:
    """The labels in the current UI language, translated once per language: a list
    asks for a label per cell and per repaint, and each translation walks the
    installed translators (one of them in Python)."""
    global _translated
    language = QLocale().name()  # ui.i18n sets it whenever it changes the translators
    if _translated is None or _translated[0] != language:
        _translated = (language, _translate_labels())
    return _translated[1]


def _translate_labels() -> dict[object, str]:
    return {
        AreaKind.MUNICIPALITY: QCoreApplication.translate("labels", "市域"),
        AreaKind.REGION: QCoreApplication.translate("labels", "地域"),
        AreaKind.DISTRICT: QCoreApplication.translate("labels", "地区"),
        AreaKind.DAILY_LIFE_AREA: QCoreApplication.translate("labels", "日常生活圏域"),
        AreaKind.SCHOOL_DISTRICT: QCoreApplication.translate("labels", "学区"),
        AreaKind.OTHER: QCoreApplication.translate("labels", "その他"),
        OrgKind.GOVERNMENT: QCoreApplication.translate("labels", "行政部署"),
        OrgKind.SUPPORT_CENTER: QCoreApplication.translate("labels", "地域包括支援センター"),
        OrgKind.SOCIAL_WELFARE_COUNCIL: QCoreApplication.translate("labels", "社会福祉協議会"),
        OrgKind.VOLUNTEER_CENTER: QCoreApplication.translate("labels", "ボランティアセンター"),
        OrgKind.NPO: QCoreApplication.translate("labels", "NPO"),
        OrgKind.NEIGHBOURHOOD_ASSOCIATION: QCoreApplication.translate("labels", "町会・自治会"),
        OrgKind.WELFARE_COMMISSIONER: QCoreApplication.translate("labels", "民生委員"),
        OrgKind.SENIORS_CLUB: QCoreApplication.translate("labels", "老人クラブ"),
        OrgKind.COMPANY: QCoreApplication.translate("labels", "企業"),
        OrgKind.OTHER: QCoreApplication.translate("labels", "その他"),
        SupportCenterOperation.DIRECT: QCoreApplication.translate("labels", "直営"),
        SupportCenterOperation.CONTRACTED: QCoreApplication.translate("labels", "委託"),
        Tier.FIRST: QCoreApplication.translate("labels", "第1層"),
        Tier.SECOND: QCoreApplication.translate("labels", "第2層"),
        Tier.THIRD: QCoreApplication.translate("labels", "第3層"),
        CouncilStatus.PREPARING: QCoreApplication.translate("labels", "準備中"),
        CouncilStatus.ESTABLISHED: QCoreApplication.translate("labels", "設置済"),
        CouncilStatus.SUSPENDED: QCoreApplication.translate("labels", "休止"),
        MeetingKind.COUNCIL: QCoreApplication.translate("labels", "協議体"),
        MeetingKind.COMMUNITY_CARE: QCoreApplication.translate("labels", "地域ケア会議"),
        MeetingKind.SMALL_AREA_CARE: QCoreApplication.translate("labels", "小地域ケア会議"),
        MeetingKind.LIAISON: QCoreApplication.translate("labels", "連絡会"),
        MeetingKind.EXCHANGE_OF_VIEWS: QCoreApplication.translate("labels", "意見交換会"),
        MeetingKind.TRAINING: QCoreApplication.translate("labels", "研修会"),
        MeetingKind.COURSE: QCoreApplication.translate("labels", "講座"),
        MeetingKind.FORUM: QCoreApplication.translate("labels", "フォーラム"),
        MeetingKind.GATHERING: QCoreApplication.translate("labels", "交流会"),
        MeetingKind.RESULTS_PRESENTATION: QCoreApplication.translate("labels", "成果発表会"),
        MeetingKind.OTHER: QCoreApplication.translate("labels", "その他"),
        MeetingMode.ON_SITE: QCoreApplication.translate("labels", "会場"),
        MeetingMode.ONLINE: QCoreApplication.translate("labels", "オンライン"),
        MeetingMode.HYBRID: QCoreApplication.translate("labels", "併用"),
        ProjectStatus.NOT_STARTED: QCoreApplication.translate("labels", "未着手"),
        ProjectStatus.IN_PROGRESS: QCoreApplication.translate("labels", "進行中"),
        ProjectStatus.COMPLETED: QCoreApplication.translate("labels", "完了"),
        ProjectStatus.CANCELLED: QCoreApplication.translate("labels", "中止"),
        ProjectProgram.ACCOMPANIMENT: QCoreApplication.translate("labels", "伴走支援"),
        ProjectProgram.PROBLEM_SOLVING_SHARING: QCoreApplication.translate(
            "labels", "課題解決力共有化プログラム"
        ),
        ProjectProgram.PRO_BONO: QCoreApplication.translate("labels", "プロボノ"),
        ProjectProgram.INDEPENDENT: QCoreApplication.translate("labels", "独自"),
        ProjectProgram.OTHER: QCoreApplication.translate("labels", "その他"),
    }


def enum_label(value: object) -> str:
    """The label of an enum member in the current UI language."""
    if value is None:
        return ""
    return _labels().get(value, label(value))


def enum_choices(enum_cls: type[Enum]) -> list[tuple[Enum, str]]:
    """(member, label) pairs in declaration order, for combo boxes."""
    labels = _labels()
    return [(member, labels.get(member, label(member))) for member in enum_cls]


def tier_text(tier: int, local_label: str = "") -> str:
    """``第2層``, or the local label (e.g. ``第1.5層``) when one is set."""
    if local_label:
        return local_label
    try:
        return enum_label(Tier(tier))
    except ValueError:
        return str(tier)


def kind_label(kind: RecordKind | str) -> str:
    """The name of a kind of record (会議, 進捗…) in the current UI language.

    The Japanese labels are :attr:`RecordKind.label`; lupdate reads them from
    ``domain/record_kind.py`` (context ``RecordKind``).
    """
    return QCoreApplication.translate("RecordKind", RecordKind(kind).label)


def names_text(names: Iterable[str]) -> str:
    """Names (the user's data) as one list with the window's separator: 「、」 in
    Japanese, ", " in English."""
    return QCoreApplication.translate("RecordEditor", "、").join(names)


def message_text(text: object) -> str:
    """The one way the UI shows a text a service or the domain made.

    A :class:`~coordinator_app.domain.texts.Message` is translated (its source in
    its context, its plural form chosen by its count, then its values, which may
    be messages too, filled in); any other text is shown as it is (it came from
    the user or from Qt).
    """
    if not isinstance(text, Message):
        return "" if text is None else str(text)
    if QCoreApplication.translate(PROBE_CONTEXT, PROBE) == PROBE:
        return str(text)  # no catalogue (the Japanese window): the message as it was made
    return render(text, _qt_translate)


def _qt_translate(context: str, source: str, n: int) -> str:
    return QCoreApplication.translate(context, source, None, n)


def error_text(exc: BaseException) -> str:
    """What to show for a service's error: its messages through :func:`message_text`."""
    errors = getattr(exc, "errors", None)
    if isinstance(errors, dict) and errors:
        return "\n".join(message_text(value) for value in errors.values())
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return message_text(exc.args[0])
    if isinstance(exc, OSError) and isinstance(exc.strerror, Message):
        return message_text(exc.strerror)  # OSError(errno, message): the message alone
    return str(exc)


FLYER_OPTION_LABELS = [
    QT_TRANSLATE_NOOP("FlyerDialog", "A4 1面"),
    QT_TRANSLATE_NOOP("FlyerDialog", "A5 1面"),
    QT_TRANSLATE_NOOP("FlyerDialog", "A4にA5を2面(トンボ付き)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "名刺 91×55mm(A4に10枚)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "チーム紹介(A4、地区または市全域)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "スタンダード(青)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "やさしい(オレンジ)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "自動(ホームページ、なければ連絡先)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "ホームページのURL"),
    QT_TRANSLATE_NOOP("FlyerDialog", "連絡先(電話・メール)"),
    QT_TRANSLATE_NOOP("FlyerDialog", "なし"),
]
"""The flyer dialog's layout, design and QR choices (``documents.data.flyer``'s
LAYOUT_LABELS, DESIGN_LABELS and QR_LABELS, which import nothing to mark them):
written out here for lupdate; the dialog shows them with ``self.tr(label)``.
tests/ui/test_english_dialogs.py fails when one of them is left Japanese."""


def counted(source: str, n: int) -> str:
    """``source`` (listed in :class:`Counted`) translated in the plural form for ``n``
    (「1 conflict」, 「2 conflicts」); the caller fills in the values."""
    return QCoreApplication.translate(COUNTED, source, None, n)


COUNTED = "Counted"


class Counted(QObject):
    """The texts with a count that pick a plural form in English: those services
    make (``Message.counted``) and those the UI shows outside a class through
    :func:`counted`, written out for lupdate, which gives a text plural forms only
    in a ``tr`` call with a number. Never called; the context is the class name
    (``services.transfer.import_rows.COUNTED`` too)."""

    def sources(self, n: int) -> list[str]:
        return [
            self.tr("未送信 {n}件", "", n),
            self.tr("競合 {n}件", "", n),
            self.tr("送信できなかった変更 {n}件", "", n),
            self.tr("{count}件", "", n),
            self.tr("{n}件の変更(新しい順)", "", n),
            self.tr("{count}件の会議を書き出しました:\n{path}", "", n),
            self.tr("対応事項{count}件の完了", "", n),
            self.tr("対応事項{count}件の未完了への戻し", "", n),
            self.tr("進捗{count}件(未確認{unreviewed}件)", "", n),
            self.tr("最終記録: {date}({days}日前)", "", n),
            self.tr(
                "{valid}件を取り込みました。エラー {errors}件、重複 {duplicates}件は取り込みません。",  # noqa: E501
                "",
                n,
            ),
            self.tr(
                "{valid}件を取り込めます。エラー {errors}件、重複 {duplicates}件は取り込みません。",
                "",
                n,
            ),
            self.tr(
                "{valid}件を取り込みました。エラー {errors}件、重複 {duplicates}件、同名で電話番号が異なる関係機関 {same_name}件は取り込みません。",  # noqa: E501
                "",
                n,
            ),
            self.tr(
                "{valid}件を取り込めます。エラー {errors}件、重複 {duplicates}件、同名で電話番号が異なる関係機関 {same_name}件は取り込みません。",  # noqa: E501
                "",
                n,
            ),
        ]
