"""Reading a spreadsheet as municipal staff actually save it.

* CSV as Excel writes it: Shift_JIS (cp932) or UTF-8, with or without a BOM,
  "Unicode text" (UTF-16, tab-separated), commas or tabs.
* .xlsx with a title row ("関係機関一覧 令和5年4月1日現在") and blank rows above
  the header, blank rows between records, numbers where text was meant
  (a phone number typed as a number loses its leading 0).

The result is text: every cell becomes a string, and the row number is the
one the user sees in Excel, so messages can point at it.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

# openpyxl ships no type information (types-openpyxl is not a dependency).
from openpyxl import load_workbook

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.services.transfer.cells import format_time, restore_text

HEADER_SEARCH_ROWS = 30


NO_TABLE = QT_TRANSLATE_NOOP(
    "transfer", "ファイルに表が見つかりませんでした(空のファイルか、空のシートです)。"
)


def _t(source: str, /, **args: Any) -> Message:
    return Message("transfer", source, **args)


class TransferError(ValueError):
    """A file cannot be read or written; the message is plain Japanese."""


@dataclass(frozen=True)
class SourceRow:
    """One record row: its row number in the file and one text per column.

    Attributes:
        numeric: indexes of cells that were numbers in the workbook (a phone
            number saved as a number has lost its leading zero).
        uncomputed: indexes of formula cells whose result was never saved
            (a workbook written by a program, not by Excel): they read as
            empty, and the preview says so.
    """

    line: int
    values: tuple[str, ...]
    numeric: frozenset[int] = frozenset()
    uncomputed: frozenset[int] = frozenset()

    def get(self, index: int) -> str:
        return self.values[index] if 0 <= index < len(self.values) else ""


@dataclass(frozen=True)
class SourceTable:
    """The header and the non-blank rows below it."""

    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    header_line: int
    encoding: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = field(default_factory=tuple)


def normalise_header(text: str) -> str:
    """Header text for matching: NFKC, no spaces, no marks like ※ or (必須)."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    for bracket_open, bracket_close in (("(", ")"), ("【", "】"), ("[", "]"), ("<", ">")):
        start = folded.find(bracket_open)
        if start > 0 and folded.endswith(bracket_close):
            folded = folded[:start]
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "※*＊:：・_")


def cell_text(value: object) -> str:
    """A cell value from openpyxl as the text a user would type."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return restore_text(str(value))


def decode_csv(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes; returns (text, encoding name)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), _t(
            QT_TRANSLATE_NOOP("transfer", "UTF-8 (BOM付き)")
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "Shift_JIS"
    except UnicodeDecodeError as exc:
        raise TransferError(
            _t(
                QT_TRANSLATE_NOOP(
                    "transfer",
                    "文字コードを判別できませんでした。Excel で「CSV UTF-8(コンマ区切り)」として"
                    "保存し直してください。",
                )
            )
        ) from exc


def _csv_rows(text: str) -> list[list[str]]:
    sample = text[:20_000]
    delimiter = ","
    first_lines = sample.splitlines()[:10]
    if first_lines and sum(line.count("\t") for line in first_lines) > sum(
        line.count(",") for line in first_lines
    ):
        delimiter = "\t"
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _find_header(
    rows: Sequence[tuple[int, Sequence[str]]], known: set[str]
) -> tuple[int, Sequence[str]]:
    """The row that names the columns: the one matching most known headers, else the
    first with two or more filled cells (a title row above has only one)."""
    candidates = rows[:HEADER_SEARCH_ROWS]
    best: tuple[int, int] | None = None
    for position, (_line, values) in enumerate(candidates):
        score = sum(1 for v in values if v.strip() and normalise_header(v) in known)
        if score and (best is None or score > best[0]):
            best = (score, position)
    if best is not None:
        return candidates[best[1]]
    for line, values in candidates:
        if sum(1 for v in values if v.strip()) >= 2:
            return line, values
    if candidates:
        return candidates[0]
    raise TransferError(_t(NO_TABLE))


def _second_header_row(
    filled: Sequence[tuple[int, Sequence[str], frozenset[int]]],
    header_line: int,
    known: set[str],
) -> tuple[int, list[str]] | None:
    """A header in two rows (a merged 連絡先 above 電話 | メール): the combined header.

    The row right below the header continues it when it names at least one
    known column and each of its texts sits under a blank header cell (a
    vertically merged cell, or the tail of a group label), or is a known
    column name under a group label that spans several columns (連絡先 over
    電話 | メール). Merged cells
    keep their text in the first cell only, so each column takes the lower
    row's text, else the upper row's.

    Returns:
        (the lower row's line, the combined header), or None.
    """
    lines = [line for line, _values, _ in filled]
    if header_line not in lines:
        return None
    position = lines.index(header_line)
    if position + 1 >= len(filled):
        return None
    upper = list(filled[position][1])
    line, lower_values, _ = filled[position + 1]
    lower = list(lower_values)
    if line != header_line + 1 or not known:
        return None
    texts = [(i, v.strip()) for i, v in enumerate(lower) if v.strip()]
    named = [i for i, v in texts if normalise_header(v) in known]
    if not named:
        return None
    for i, text in texts:
        above = upper[i].strip() if i < len(upper) else ""
        if not above:
            continue  # under a vertically merged cell or a group label's tail
        spans = (
            i + 1 < len(upper)
            and not upper[i + 1].strip()
            and i + 1 < len(lower)
            and bool(lower[i + 1].strip())
        )
        if not spans or normalise_header(text) not in known:
            return None  # it would replace a single column's name: this is a record
    width = max(len(upper), len(lower))
    upper += [""] * (width - len(upper))
    lower += [""] * (width - len(lower))
    combined = [low if low.strip() else up for up, low in zip(upper, lower, strict=True)]
    return line, combined


def _table(
    raw: Iterable[tuple[int, Sequence[str], frozenset[int]]],
    *,
    known: set[str],
    header_line: int | None,
    encoding: str = "",
    sheet: str = "",
    sheets: tuple[str, ...] = (),
    uncomputed: dict[int, frozenset[int]] | None = None,
) -> SourceTable:
    filled = [
        (line, values, numeric) for line, values, numeric in raw if any(v.strip() for v in values)
    ]
    if header_line is None:
        line, header = _find_header([(line, values) for line, values, _ in filled], known)
    else:
        matches = [(line, values) for line, values, _ in filled if line == header_line]
        if not matches:
            raise TransferError(
                _t(
                    QT_TRANSLATE_NOOP("transfer", "{line}行目は空か、表の範囲外です。"),
                    line=header_line,
                )
            )
        line, header = matches[0]
    two_rows = _second_header_row(filled, line, known)
    if two_rows is not None:
        line, header = two_rows
    headers = [h.strip() for h in header]
    while headers and not headers[-1]:
        headers.pop()
    header_key = [normalise_header(h) for h in headers]
    rows = []
    for row_line, values, numeric in filled:
        if row_line <= line:
            continue
        cells = tuple(v.strip() for v in values[: len(headers)])
        if [normalise_header(c) for c in cells] == header_key[: len(cells)]:
            continue  # the header repeated (a printed list pasted page by page)
        rows.append(
            SourceRow(
                line=row_line,
                values=cells,
                numeric=numeric,
                uncomputed=(uncomputed or {}).get(row_line, frozenset()),
            )
        )
    return SourceTable(
        headers=tuple(headers),
        rows=tuple(rows),
        header_line=line,
        encoding=encoding,
        sheet=sheet,
        sheets=sheets,
    )


def read_csv(
    path: Path, *, known_headers: Iterable[str] = (), header_line: int | None = None
) -> SourceTable:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TransferError(
            _t(
                QT_TRANSLATE_NOOP(
                    "transfer", "ファイル「{path}」を開けませんでした。詳細: {detail}"
                ),
                path=str(path),
                detail=str(exc),
            )
        ) from exc
    text, encoding = decode_csv(data)
    raw = (
        (n, [restore_text(v) for v in values], frozenset[int]())
        for n, values in enumerate(_csv_rows(text), start=1)
    )
    known = {normalise_header(h) for h in known_headers}
    return _table(raw, known=known, header_line=header_line, encoding=encoding)


def _open_workbook(path: Path, loader: Any, *, data_only: bool = True) -> Any:
    try:
        return loader(path, read_only=True, data_only=data_only)
    except Exception as exc:
        # openpyxl raises many kinds of errors for a file it cannot read.
        raise TransferError(
            _t(
                QT_TRANSLATE_NOOP(
                    "transfer",
                    "Excel ファイル「{name}」を読めませんでした(壊れているか、"
                    "パスワード付きの可能性があります)。詳細: {detail}",
                ),
                name=Path(path).name,
                detail=str(exc),
            )
        ) from exc


def read_xlsx(
    path: Path,
    *,
    sheet: str | None = None,
    known_headers: Iterable[str] = (),
    header_line: int | None = None,
) -> SourceTable:
    workbook = _open_workbook(path, load_workbook)
    try:
        names = tuple(workbook.sheetnames)
        known = {normalise_header(h) for h in known_headers}
        if sheet is None:
            sheet = _best_sheet(workbook, names, known)
        if sheet not in names:
            raise TransferError(
                _t(
                    QT_TRANSLATE_NOOP("transfer", "シート「{sheet}」が見つかりません。"),
                    sheet=sheet,
                )
            )
        ws = workbook[sheet]
        raw: list[tuple[int, list[str], frozenset[int]]] = []
        blanks: dict[int, frozenset[int]] = {}
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            values = [cell_text(v) for v in row]
            numeric = frozenset(
                i
                for i, v in enumerate(row)
                if isinstance(v, int | float) and not isinstance(v, bool)
            )
            raw.append((number, values, numeric))
            empty = frozenset(i for i, v in enumerate(row) if v is None)
            if empty:
                blanks[number] = empty
        uncomputed = _uncomputed_formulas(path, sheet, blanks) if blanks else {}
        return _table(
            raw,
            known=known,
            header_line=header_line,
            sheet=sheet,
            sheets=names,
            uncomputed=uncomputed,
        )
    finally:
        workbook.close()


def _uncomputed_formulas(
    path: Path, sheet: str, blanks: dict[int, frozenset[int]]
) -> dict[int, frozenset[int]]:
    """Of the empty cells (row -> column indexes), those that hold a formula.

    A workbook saved by Excel stores each formula's last result, which
    ``data_only`` reads; one written by a program often stores none, and the
    cell would silently read as empty.
    """
    workbook = _open_workbook(path, load_workbook, data_only=False)
    try:
        found: dict[int, frozenset[int]] = {}
        for number, row in enumerate(workbook[sheet].iter_rows(values_only=True), start=1):
            empty = blanks.get(number)
            if not empty:
                continue
            formulas = frozenset(
                i
                for i in empty
                if i < len(row) and isinstance(row[i], str) and row[i].startswith("=")
            )
            if formulas:
                found[number] = formulas
        return found
    finally:
        workbook.close()


def _best_sheet(workbook: Any, names: tuple[str, ...], known: set[str]) -> str:
    """The first sheet whose first rows match known headers, else the first with data."""
    first_with_data = ""
    for name in names:
        ws = workbook[name]
        rows = list(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True))
        texts = [normalise_header(cell_text(v)) for row in rows for v in row]
        if known and any(t in known for t in texts if t):
            return name
        if not first_with_data and any(texts):
            first_with_data = name
    if not first_with_data:
        raise TransferError(_t(NO_TABLE))
    return first_with_data


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    known_headers: Iterable[str] = (),
    header_line: int | None = None,
) -> SourceTable:
    """Read a .csv/.txt or .xlsx file into a :class:`SourceTable`.

    Args:
        sheet: the worksheet of an .xlsx (default: the one that looks like the table).
        known_headers: header texts to look for when finding the header row.
        header_line: the header's row number when the user chose it.

    Raises:
        TransferError: the file cannot be read; nothing was changed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet=sheet, known_headers=known_headers, header_line=header_line)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path, known_headers=known_headers, header_line=header_line)
    if suffix == ".xls":
        raise TransferError(
            _t(
                QT_TRANSLATE_NOOP(
                    "transfer",
                    "Excel 97-2003 形式(.xls)は読めません。Excel で「Excel ブック(.xlsx)」または"
                    "「CSV」として保存し直してください。",
                )
            )
        )
    raise TransferError(
        _t(
            QT_TRANSLATE_NOOP(
                "transfer", "「{name}」は読めない形式です。.xlsx か .csv を選んでください。"
            ),
            name=path.name,
        )
    )
