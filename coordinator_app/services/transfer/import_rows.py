"""An import's rows and outcome: what the preview shows and the skip report lists."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.domain.texts import field as field_name
from coordinator_app.services.transfer.cells import Sheet, write_csv
from coordinator_app.services.transfer.fields import ImportKind
from coordinator_app.services.transfer.reading import SourceRow, SourceTable


class RowStatus(StrEnum):
    OK = "ok"
    ERROR = "error"
    DUPLICATE = "duplicate"
    SAME_NAME = "same_name"


STATUS_LABELS = {
    RowStatus.OK: "取り込み",
    RowStatus.ERROR: "エラー",
    RowStatus.DUPLICATE: "重複",
    RowStatus.SAME_NAME: "同名",
}
SAME_NAME_REASON = QT_TRANSLATE_NOOP("import", "同名の関係機関があります(電話番号が異なります)")


@dataclass
class PreviewRow:
    """One row of the file and what the import does with it.

    Attributes:
        line: the row number in the file (as Excel shows it).
        values: the mapped texts, by field key.
        problems: Japanese message per field key ("" for the row as a whole).
        notes: what was adjusted on the way (a leading 0 restored …).
        duplicate_of: the existing or earlier record this row repeats (or, for
            ``SAME_NAME``, the organisation of that name with another phone).
        record_id: the stored record, after a committed import.
    """

    line: int
    source: SourceRow
    values: dict[str, str]
    status: RowStatus = RowStatus.OK
    problems: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    duplicate_of: str = ""
    record_id: uuid.UUID | None = None

    def reason(self, kind: ImportKind) -> str:
        """The problems (or the duplicate) as one line of Japanese."""
        if self.status == RowStatus.DUPLICATE:
            return Message(
                "import",
                QT_TRANSLATE_NOOP("import", "{name}と重複しています"),
                name=self.duplicate_of,
            )
        if self.status == RowStatus.SAME_NAME:
            return Message(
                "import",
                QT_TRANSLATE_NOOP("import", "{reason}: {name}"),
                reason=Message("import", SAME_NAME_REASON),
                name=self.duplicate_of,
            )
        labels = {f.key: f.label for f in kind.fields}
        parts: dict[str, str] = {}
        for key, message in self.problems.items():
            label = labels.get(key, "")
            part = f"p{len(parts)}"
            if label and label not in message:
                parts[part] = Message(
                    "import", "{label}: {message}", label=field_name(label), message=message
                )
            else:
                parts[part] = message
        return Message("import", " / ".join("{" + name + "}" for name in parts), **parts)


@dataclass
class ImportOutcome:
    kind: ImportKind
    table: SourceTable
    rows: list[PreviewRow]
    committed: bool

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def valid(self) -> int:
        return self.count(RowStatus.OK)

    @property
    def skipped(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.status != RowStatus.OK]

    def summary(self) -> str:
        """「2件を取り込めます。…」 (English in the singular for one row)."""
        counts = {
            "valid": self.valid,
            "errors": self.count(RowStatus.ERROR),
            "duplicates": self.count(RowStatus.DUPLICATE),
            "same_name": self.count(RowStatus.SAME_NAME),
        }
        index = (2 if counts["same_name"] else 0) + (0 if self.committed else 1)
        return Message.counted(self.valid, COUNTED, SUMMARIES[index], **counts)


COUNTED = "Counted"
"""The context of the counted messages: their sources are listed for lupdate, as
texts with plural forms, in ``ui.labels.Counted`` (lupdate marks a text as
counted only in a ``tr`` call with a number)."""

SUMMARIES = (
    "{valid}件を取り込みました。エラー {errors}件、重複 {duplicates}件は取り込みません。",
    "{valid}件を取り込めます。エラー {errors}件、重複 {duplicates}件は取り込みません。",
    "{valid}件を取り込みました。エラー {errors}件、重複 {duplicates}件、同名で電話番号が異なる関係機関 {same_name}件は取り込みません。",  # noqa: E501
    "{valid}件を取り込めます。エラー {errors}件、重複 {duplicates}件、同名で電話番号が異なる関係機関 {same_name}件は取り込みません。",  # noqa: E501
)
"""The import's outcome (done, previewed), without and with same-name organisations."""


REPORT_HEADERS = [
    QT_TRANSLATE_NOOP("import", "行"),
    QT_TRANSLATE_NOOP("import", "状態"),
    QT_TRANSLATE_NOOP("import", "理由"),
]


def skip_report_sheet(
    outcome: ImportOutcome,
    rows: Iterable[PreviewRow] | None = None,
    *,
    text: Callable[[object], str] = str,
) -> Sheet:
    """The skipped rows as a sheet, in the language of ``text`` (``str``: Japanese; the
    window passes ``ui.labels.message_text``); the file's own cells stay as they were."""
    headers = [text(Message("import", h)) for h in REPORT_HEADERS] + list(outcome.table.headers)
    title = Message(
        "import",
        QT_TRANSLATE_NOOP("import", "{kind}の取り込み結果"),
        kind=field_name(outcome.kind.label),
    )
    sheet = Sheet(title=text(title), headers=headers, name="report")
    for row in outcome.skipped if rows is None else rows:
        status = Message("PreviewTableModel", STATUS_LABELS[row.status])  # as the preview says
        sheet.rows.append(
            [row.line, text(status), text(row.reason(outcome.kind)), *row.source.values]
        )
    return sheet


def write_skip_report(
    outcome: ImportOutcome, path: Path | str, *, text: Callable[[object], str] = str
) -> Path:
    """The skipped rows with their reasons and original cells, as CSV (UTF-8 with BOM)."""
    path = Path(path)
    write_csv(skip_report_sheet(outcome, text=text), path)
    return path
