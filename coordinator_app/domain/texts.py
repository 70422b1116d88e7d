"""Texts the services and the domain make for the user: one catalogue with the UI.

Japanese is the source language. A service-made text is a :class:`Message`: it
*is* the Japanese string (so ``str(exc)``, logs and tests see Japanese as
before) and also carries its catalogue context, its source template and the
values to put in it. lupdate reads the ``QT_TRANSLATE_NOOP`` markers in the
domain and service files (see ``.ci/translations``); the UI shows every such
text through one helper, ``ui.labels.message_text``, which translates the
source with ``QCoreApplication.translate(context, source)`` and then fills in
the values (themselves translated when they are messages). The domain imports
no Qt. Documents for residents (flyers, minutes) stay Japanese and do not use
this.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads the calling file) and returns it unchanged."""
    return text


class Message(str):
    """A Japanese text with what the UI needs to translate it.

    ``Message("validation", "{label}を入力してください", label=field("名称"))`` is the
    string 「名称を入力してください」; ``context``, ``source`` and ``args`` let the UI
    show it in English. Values that are messages are translated too.
    """

    context: str
    source: str
    args: dict[str, Any]
    quantity: int | None = None
    """The number that picks the plural form of the translation (None: no plural;
    not ``count``, which is ``str.count``)."""

    def __new__(cls, context: str, source: str, /, **args: Any) -> Message:
        value = source.format(**args) if args else source
        obj = super().__new__(cls, value)
        obj.context = context
        obj.source = source
        obj.args = args
        return obj

    @classmethod
    def counted(cls, count: int, context: str, source: str, /, **args: Any) -> Message:
        """A message whose translation has plural forms chosen by ``count``
        ("1 row can be imported", "2 rows …"). Its source must be listed for lupdate
        as a numerus text (``ui.labels.Counted``) in the context ``context``."""
        obj = cls(context, source, **args)
        obj.quantity = count
        return obj

    @classmethod
    def shown_as(cls, japanese: str, context: str, source: str, /, **args: Any) -> Message:
        """A message whose Japanese differs from its formatted source (a word swapped in)."""
        obj = super().__new__(cls, japanese)
        obj.context = context
        obj.source = source
        obj.args = args
        return obj

    def __reduce__(self) -> Any:
        if self.quantity is not None:
            return (_rebuild, (self.context, self.source, self.args, self.quantity))
        return (_rebuild, (self.context, self.source, self.args))


def _rebuild(context: str, source: str, args: dict[str, Any], count: int | None = None) -> Message:
    if count is not None:
        return Message.counted(count, context, source, **args)
    return Message(context, source, **args)


Translate = Callable[[str, str, int], str]
"""``translate(context, source, n)``: the translation of ``source`` (``n`` picks the
plural form; -1 when the text has none), or ``source`` itself when there is none."""


def render(text: object, translate: Translate) -> str:
    """``text`` in a catalogue's language: a :class:`Message` translated with
    ``translate`` and its values (messages too) filled in; any other text as it is.

    The window passes Qt's translator (``ui.labels.message_text``); the command
    line one read from the shipped catalogue (``services.catalogue``)."""
    if not isinstance(text, Message):
        return "" if text is None else str(text)
    n = -1 if text.quantity is None else text.quantity
    translated = translate(text.context, text.source, n)
    if not text.args:
        return translated
    values = {name: render(value, translate) for name, value in text.args.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(text)


SERVER = "server"
"""The context of the sync server's texts (server/errors.py, policy.py, …)."""


def server_text(source: str, /, **args: Any) -> Message:
    """A text of the sync server: ``server_text(QT_TRANSLATE_NOOP("server", "…{name}…"), name=…)``.

    The server sends its Japanese (``message``) with ``template`` and ``values``
    (:func:`wire_form`) so that a desk in English can translate it (:func:`from_server`)."""
    return Message(SERVER, source, **args)


def wire_form(message: str) -> dict[str, Any]:
    """``{"message", "template", "values"}`` of a server text (only ``message`` when it
    is no :class:`Message` of the server's)."""
    if isinstance(message, Message) and message.context == SERVER:
        return {"message": str(message), "template": message.source, "values": message.args}
    return {"message": str(message)}


def from_server(message: object, template: object = None, values: object = None) -> str:
    """The server's text as the desk shows it: a :class:`Message` when the server sent
    its template (the window translates it; a template the catalogue does not know,
    from a newer server, shows the server's own text), else the text as it came."""
    text = "" if message is None else str(message)
    if not isinstance(template, str) or not template:
        return text
    args = values if isinstance(values, dict) else {}
    if not all(isinstance(v, (str, int, float)) for v in args.values()):
        return text
    args = {str(name): value for name, value in args.items()}
    try:
        formatted = template.format(**args)
    except (KeyError, IndexError, ValueError):  # values that do not fit: the text as it came
        return text or template
    return Message.shown_as(text or formatted, SERVER, template, **args)


def stored_form(message: str) -> str:
    """``message`` for a text column: a server text as JSON (:func:`wire_form`),
    any other text as it is. :func:`from_stored` reads both (and rows stored before)."""
    form = wire_form(message)
    if "template" not in form:
        return str(message)
    return json.dumps(form, ensure_ascii=False)


def from_stored(stored: str | None) -> str:
    """A text column's message: a server text stored by :func:`stored_form` back as a
    message, any other (older rows: the Japanese alone) as it is."""
    text = "" if stored is None else str(stored)
    if not text.startswith("{"):
        return text
    try:
        form = json.loads(text)
    except ValueError:
        return text
    if not isinstance(form, dict) or not isinstance(form.get("message"), str):
        return text
    return from_server(form["message"], form.get("template"), form.get("values"))


def text(context: str, source: str, /, **args: Any) -> Message:
    """A message (same as :class:`Message`; mark ``source`` with QT_TRANSLATE_NOOP too)."""
    return Message(context, source, **args)


def invalid(source: str, /, **args: Any) -> Message:
    """A validation message: ``invalid(QT_TRANSLATE_NOOP("validation", "…"))``."""
    return Message("validation", source, **args)


def error(source: str, /, **args: Any) -> Message:
    """Any other error a service raises: ``error(QT_TRANSLATE_NOOP("errors", "…"))``."""
    return Message("errors", source, **args)


def joined(items: list[str], separator: str = "、") -> str:
    """``items`` as one list (北部、南部); a message when any item is one.

    In English the separator is a comma: each pair is the message
    ``{first}、{rest}`` (or ``{first}」「{rest}`` for quoted names), translated.
    """
    if not any(isinstance(item, Message) for item in items):
        return separator.join(items)
    if len(items) == 1:
        return items[0]
    source = "{first}" + separator + "{rest}"  # 、, 」「 and ・ are in LIST_SEPARATORS
    return Message("texts", source, first=items[0], rest=joined(items[1:], separator))


LIST_SEPARATORS = [
    QT_TRANSLATE_NOOP("texts", "{first}、{rest}"),
    QT_TRANSLATE_NOOP("texts", "{first}」「{rest}"),
    QT_TRANSLATE_NOOP("texts", "{first}・{rest}"),
]
"""English: ``{first}, {rest}``, ``{first}", "{rest}`` and ``{first}, {rest}``."""


NOT_FOUND = QT_TRANSLATE_NOOP("errors", "{kind}が見つかりません(削除された可能性があります)")
"""services.base.NotFoundError's message; ``kind`` is the record kind's label."""

PROBE_CONTEXT = "texts"
PROBE = QT_TRANSLATE_NOOP("texts", "ja")
"""Translated as the catalogue's language code ("en"): while it stays "ja" no catalogue
is loaded, and the UI shows a message exactly as it was made (some swap a word in,
e.g. 保存 → 削除, which only the Japanese text carries)."""

FIELDS = "fields"
"""The context of the field names services put into messages (氏名, 会議名, …)."""


def field(label: str) -> Message:
    """A field name as a message value; its English is in the ``fields`` context."""
    return Message(FIELDS, label)


# The field names the services pass to the validation helpers (check_required,
# check_length, …). tests/domain/test_texts.py checks that every label a
# service passes is listed here, so that lupdate finds it; the import's field
# and kind names (services/transfer/fields.py) are here too.
FIELD_LABELS = [
    QT_TRANSLATE_NOOP("fields", "内容"),
    QT_TRANSLATE_NOOP("fields", "会議"),
    QT_TRANSLATE_NOOP("fields", "地域名"),
    QT_TRANSLATE_NOOP("fields", "ふりがな"),
    QT_TRANSLATE_NOOP("fields", "種別"),
    QT_TRANSLATE_NOOP("fields", "ファイル名"),
    QT_TRANSLATE_NOOP("fields", "相談受付時間"),
    QT_TRANSLATE_NOOP("fields", "メッセージ"),
    QT_TRANSLATE_NOOP("fields", "相談できること"),
    QT_TRANSLATE_NOOP("fields", "コーディネーター"),
    QT_TRANSLATE_NOOP("fields", "担当地域"),
    QT_TRANSLATE_NOOP("fields", "開始日"),
    QT_TRANSLATE_NOOP("fields", "協議体名"),
    QT_TRANSLATE_NOOP("fields", "主な会場"),
    QT_TRANSLATE_NOOP("fields", "状況"),
    QT_TRANSLATE_NOOP("fields", "協議体"),
    QT_TRANSLATE_NOOP("fields", "役割"),
    QT_TRANSLATE_NOOP("fields", "名称"),
    QT_TRANSLATE_NOOP("fields", "種類"),
    QT_TRANSLATE_NOOP("fields", "住所"),
    QT_TRANSLATE_NOOP("fields", "会場"),
    QT_TRANSLATE_NOOP("fields", "日時"),
    QT_TRANSLATE_NOOP("fields", "参加費"),
    QT_TRANSLATE_NOOP("fields", "定員"),
    QT_TRANSLATE_NOOP("fields", "参加者数"),
    QT_TRANSLATE_NOOP("fields", "対象"),
    QT_TRANSLATE_NOOP("fields", "連絡先"),
    QT_TRANSLATE_NOOP("fields", "電話番号"),
    QT_TRANSLATE_NOOP("fields", "ウェブページ"),
    QT_TRANSLATE_NOOP("fields", "休止・終了した日"),
    QT_TRANSLATE_NOOP("fields", "会議名"),
    QT_TRANSLATE_NOOP("fields", "会議の種類"),
    QT_TRANSLATE_NOOP("fields", "開催日"),
    QT_TRANSLATE_NOOP("fields", "開催方法"),
    QT_TRANSLATE_NOOP("fields", "会場の定員"),
    QT_TRANSLATE_NOOP("fields", "オンラインの定員"),
    QT_TRANSLATE_NOOP("fields", "会場の参加者数"),
    QT_TRANSLATE_NOOP("fields", "オンラインの参加者数"),
    QT_TRANSLATE_NOOP("fields", "回"),
    QT_TRANSLATE_NOOP("fields", "記録者"),
    QT_TRANSLATE_NOOP("fields", "欠席者"),
    QT_TRANSLATE_NOOP("fields", "承認者"),
    QT_TRANSLATE_NOOP("fields", "メールアドレス"),
    QT_TRANSLATE_NOOP("fields", "ウェブサイト"),
    QT_TRANSLATE_NOOP("fields", "役職"),
    QT_TRANSLATE_NOOP("fields", "所属機関"),
    QT_TRANSLATE_NOOP("fields", "氏名"),
    QT_TRANSLATE_NOOP("fields", "紹介文"),
    QT_TRANSLATE_NOOP("fields", "プロジェクト名"),
    QT_TRANSLATE_NOOP("fields", "プログラム"),
    QT_TRANSLATE_NOOP("fields", "目標"),
    QT_TRANSLATE_NOOP("fields", "成果"),
    QT_TRANSLATE_NOOP("fields", "プロジェクト"),
    QT_TRANSLATE_NOOP("fields", "日付"),
    QT_TRANSLATE_NOOP("fields", "記入者"),
    QT_TRANSLATE_NOOP("fields", "コメント"),
    QT_TRANSLATE_NOOP("fields", "自治体名"),
    QT_TRANSLATE_NOOP("fields", "担当部署"),
    QT_TRANSLATE_NOOP("fields", "受付時間"),
    QT_TRANSLATE_NOOP("fields", "役割の説明"),
    QT_TRANSLATE_NOOP("fields", "質問"),
    QT_TRANSLATE_NOOP("fields", "調査名"),
    QT_TRANSLATE_NOOP("fields", "終了日"),
    QT_TRANSLATE_NOOP("fields", "期限"),
    QT_TRANSLATE_NOOP("fields", "設置日"),
    QT_TRANSLATE_NOOP("fields", "備考"),
    QT_TRANSLATE_NOOP("fields", "関係機関"),
    QT_TRANSLATE_NOOP("fields", "担当者"),
    QT_TRANSLATE_NOOP("fields", "地域"),
    QT_TRANSLATE_NOOP("fields", "運営形態"),
    QT_TRANSLATE_NOOP("fields", "上位地域"),
    QT_TRANSLATE_NOOP("fields", "通いの場"),
    QT_TRANSLATE_NOOP("fields", "調査の回答"),
    QT_TRANSLATE_NOOP("fields", "人口"),
    QT_TRANSLATE_NOOP("fields", "世帯数"),
]
