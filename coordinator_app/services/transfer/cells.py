"""Cell values in and out of spreadsheets: neutralising formulas, writing .xlsx and CSV.

A text cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) would be run as a formula by a spreadsheet.

* In .xlsx every text is a string cell (``data_type "s"``), which no
  spreadsheet runs, so the text is written exactly as typed: no apostrophe
  shows in the cell.
* CSV has no types: such text gets a leading apostrophe there. A text that
  already begins with an apostrophe gets one more, so :func:`restore_text`
  undoes exactly what :func:`neutralise` did and an export re-imported is the
  original text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

# openpyxl ships no type information (types-openpyxl is not a dependency).
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from coordinator_app.storage.atomic import write_atomically_with

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
EXCEL_MAX_CELL = 32_767
TRUNCATION_MARK = "…(Excelの上限のため以下省略)"
CSV_ENCODING = "utf-8-sig"

Cell = str | int | float | date | datetime | time | None


def neutralise(text: str) -> str:
    """The text as a spreadsheet cell that no spreadsheet runs as a formula."""
    if text.startswith(FORMULA_STARTS) or text.startswith(QUOTE):
        return QUOTE + text
    return text


def restore_text(text: str) -> str:
    """Undo :func:`neutralise` (a text from elsewhere with one apostrophe stays as it is)."""
    if text.startswith(QUOTE) and text[1:].startswith((*FORMULA_STARTS, QUOTE)):
        return text[1:]
    return text


def xlsx_text(text: str) -> str:
    """A text for a string cell of an .xlsx: as typed.

    Only a text that :func:`restore_text` would change on import (an
    apostrophe before a formula mark) gets one more apostrophe, so that it
    comes back exactly.
    """
    return QUOTE + text if restore_text(text) != text else text


def fit_excel(text: str) -> tuple[str, bool]:
    """Drop characters an .xlsx cannot hold and cut at Excel's cell limit.

    Returns:
        The text and whether it had to be shortened.
    """
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(cleaned) <= EXCEL_MAX_CELL:
        return cleaned, False
    return cleaned[: EXCEL_MAX_CELL - len(TRUNCATION_MARK)] + TRUNCATION_MARK, True


def format_time(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second or value.microsecond else "%H:%M")


def csv_text(value: Cell) -> str:
    """A value as CSV text: ISO dates, ``HH:MM`` times, neutralised text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return format_time(value)
    return str(value)


@dataclass
class Sheet:
    """One table of an export: a title (sheet or file name), headers and typed rows."""

    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    name: str = ""
    """A stable code name (table or list key) for file names inside a zip."""


@dataclass
class WriteReport:
    """What writing had to change: cells cut at Excel's limit, as ``(sheet, row, header)``."""

    truncated: list[tuple[str, int, str]] = field(default_factory=list)


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_xlsx(
    sheets: Sequence[Sheet], path: Path, *, notes: Sequence[str] = (), notes_title: str = "説明"
) -> WriteReport:
    """Write ``sheets`` to one workbook (atomically); ``notes`` become a first sheet
    (``notes_title``: 説明, or its translation when the export follows the UI language)."""
    report = WriteReport()
    workbook = Workbook()
    default = workbook.active
    if notes:
        assert default is not None
        default.title = notes_title
        for line in notes:
            default.append([line])
        default.column_dimensions["A"].width = 100
    elif default is not None:
        workbook.remove(default)
    for sheet in sheets:
        ws = workbook.create_sheet(title=_sheet_title(sheet.title))
        ws.append(sheet.headers)
        for cell in ws[1]:
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
        widths = [min(40, max(8, len(h) * 2 + 2)) for h in sheet.headers]
        for row_number, row in enumerate(sheet.rows, start=2):
            for column, value in enumerate(row, start=1):
                cell = ws.cell(row=row_number, column=column)
                if isinstance(value, str):
                    text, cut = fit_excel(xlsx_text(value))
                    if cut:
                        report.truncated.append(
                            (sheet.title, row_number, sheet.headers[column - 1])
                        )
                    cell.value = text
                    cell.data_type = "s"  # a string cell: never a formula, however it starts
                    widths[column - 1] = min(50, max(widths[column - 1], len(text) + 2))
                else:
                    cell.value = value
                    if isinstance(value, datetime):
                        cell.number_format = "yyyy/mm/dd hh:mm"
                    elif isinstance(value, date):
                        cell.number_format = "yyyy/mm/dd"
                        widths[column - 1] = max(widths[column - 1], 12)
                    elif isinstance(value, time):
                        cell.number_format = "hh:mm"
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        if sheet.headers:
            ws.auto_filter.ref = ws.dimensions
    _save_atomically(path, workbook.save)
    return report


def _sheet_title(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, "_")
    return title[:31] or "Sheet"


def csv_bytes(sheet: Sheet) -> bytes:
    """One sheet as CSV the way Excel reads Japanese text: UTF-8 with BOM, CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in sheet.headers])
    for row in sheet.rows:
        writer.writerow([csv_text(v) for v in row])
    return buffer.getvalue().encode(CSV_ENCODING)


def write_csv(sheet: Sheet, path: Path) -> None:
    data = csv_bytes(sheet)
    _save_atomically(path, lambda target: Path(target).write_bytes(data))


def write_csv_zip(sheets: Sequence[Sheet], path: Path, *, notes: Sequence[str] = ()) -> None:
    """Several sheets as CSV files in one .zip (file names ``01_地域.csv`` …)."""

    def write(target: str) -> None:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            if notes:
                archive.writestr("00_説明.txt", ("\r\n".join(notes) + "\r\n").encode(CSV_ENCODING))
            for number, sheet in enumerate(sheets, start=1):
                archive.writestr(f"{number:02d}_{_sheet_title(sheet.title)}.csv", csv_bytes(sheet))

    _save_atomically(path, write)


def _save_atomically(path: Path, save: Callable[[str], object]) -> None:
    """Write to a temporary file beside ``path`` and move it into place."""
    write_atomically_with(path, lambda tmp: save(str(tmp)))
