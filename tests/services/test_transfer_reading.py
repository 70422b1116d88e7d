"""Reading files as municipal staff save them, and neutralising formulas."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from coordinator_app.services.transfer.cells import neutralise, restore_text
from coordinator_app.services.transfer.fields import CONTACTS, ORGANISATIONS
from coordinator_app.services.transfer.reading import (
    TransferError,
    normalise_header,
    read_table,
)

ROWS = [
    ["団体名", "フリガナ", "電話"],
    ["福生市社会福祉協議会", "フッサシシャカイフクシキョウギカイ", "０４２－５５１－１５１１"],
    ["NPO法人 ささえあい", "えぬぴーおーささえあい", "042-000-0000"],
]


def _csv(rows: list[list[str]], *, sep: str = ",") -> str:
    return "".join(sep.join(f'"{c}"' if "," in c else c for c in row) + "\r\n" for row in rows)


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda text: text.encode("cp932"), "Shift_JIS"),
        (lambda text: text.encode("utf-8-sig"), "UTF-8 (BOM付き)"),
        (lambda text: text.encode("utf-8"), "UTF-8"),
    ],
    ids=["excel-csv-shift-jis", "csv-utf8-bom", "utf8-no-bom"],
)
def test_csv_as_excel_saves_it(tmp_path: Path, encode: object, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(encode(_csv(ROWS)))  # type: ignore[operator]
    table = read_table(path, known_headers=ORGANISATIONS.header_texts)
    assert table.encoding == encoding
    assert table.headers == tuple(ROWS[0])
    assert [r.values for r in table.rows] == [tuple(r) for r in ROWS[1:]]
    assert [r.line for r in table.rows] == [2, 3]


def test_unicode_text_from_excel_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(_csv(ROWS, sep="\t").encode("utf-16"))
    table = read_table(path)
    assert table.headers == tuple(ROWS[0]) and len(table.rows) == 2


def test_xlsx_with_title_row_blank_rows_and_numbers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["担当者一覧(令和6年4月1日現在)"])
    ws.append([])
    ws.append(["所属", "氏名", "ふりがな", "TEL", None])
    ws.append(["福生市社会福祉協議会", "山田 花子", "やまだ はなこ", 425511511])
    ws.append([None, None, None])
    ws.append(["所属", "氏名", "ふりがな", "TEL"])  # the header again, as on a printed page
    ws.append(["あおば会", "  鈴木 一郎 ", "すずき いちろう", "042-000-0000"])
    ws.append([])
    path = tmp_path / "contacts.xlsx"
    wb.save(path)
    table = read_table(path, known_headers=CONTACTS.header_texts)
    assert table.header_line == 3
    assert table.headers == ("所属", "氏名", "ふりがな", "TEL")
    assert [r.line for r in table.rows] == [4, 7]
    first, second = table.rows
    assert first.values[3] == "425511511" and 3 in first.numeric
    assert second.values[1] == "鈴木 一郎" and not second.numeric


def test_header_row_chosen_by_the_user(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\r\nc,d\r\ne,f\r\n", encoding="utf-8")
    assert read_table(path, header_line=2).headers == ("c", "d")
    with pytest.raises(TransferError, match="10行目"):
        read_table(path, header_line=10)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "97-2003"),
        ("broken.xlsx", b"not a zip", "読めませんでした"),
        ("empty.csv", b"", "表が見つかりません"),
        ("picture.png", b"\x89PNG", "読めない形式"),
        ("latin1.csv", "名前\r\n".encode("utf-16-le")[2:] + b"\x81\xff\xfe", "文字コード"),
    ],
)
def test_unreadable_files_say_why(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TransferError, match=message):
        read_table(path)


def test_header_normalisation() -> None:
    assert normalise_header(" 電話番号(必須) ") == "電話番号"
    assert normalise_header("ＴＥＬ") == "tel"
    assert normalise_header("※ 氏 名") == "氏名"


@given(st.text())
def test_neutralising_is_undone_exactly(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore_text(cell) == text


def test_a_stray_apostrophe_from_elsewhere_is_kept() -> None:
    assert restore_text("'03") == "'03"
    assert restore_text("'=1+1") == "=1+1"
