"""Issue 11.13: spreadsheets as they arrive from elsewhere.

* a formula cell whose result was never saved is marked in the preview, not
  silently read as empty;
* a header in two rows (a merged 連絡先 over 電話 | メール) is one header, not a
  header and an error row.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.fields import ORGANISATIONS
from coordinator_app.services.transfer.importing import RowStatus, preview_import
from coordinator_app.services.transfer.mappings import suggest_mapping
from coordinator_app.services.transfer.reading import read_table


def test_a_formula_without_a_saved_result_is_marked_in_the_preview(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "機関.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["名称", "ふりがな", "種別", "電話番号"])
    ws.append(["福生市社会福祉協議会", "ふっさし", "社会福祉協議会", "042-551-1511"])
    # Written by a program: a formula and no cached result (openpyxl stores none).
    ws.append(['=A2&"分室"', "ふっさしぶんしつ", "社会福祉協議会", "=D2"])
    workbook.save(path)

    table = read_table(path, known_headers=ORGANISATIONS.header_texts)
    assert [r.uncomputed for r in table.rows] == [frozenset(), frozenset({0, 3})]
    preview = preview_import(
        services, ORGANISATIONS, table, suggest_mapping(ORGANISATIONS, table.headers)
    )
    second = preview.rows[1]
    assert second.status == RowStatus.ERROR  # the name is required, and empty
    notes = " ".join(second.notes)
    assert "「名称」は数式の計算結果がファイルに保存されていないため空欄として読みました" in notes
    assert "電話番号" in notes
    assert preview.rows[0].notes == []


def test_a_two_row_merged_header_is_one_header(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "機関一覧.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["関係機関一覧 令和5年4月1日現在"])
    ws.append([])
    ws.append(["名称", "ふりがな", "種別", "連絡先", None, "備考"])
    ws.append([None, None, None, "電話番号", "メールアドレス", None])
    for column in "ABCF":
        ws.merge_cells(f"{column}3:{column}4")
    ws.merge_cells("D3:E3")
    ws.append(
        [
            "福生市社会福祉協議会",
            "ふっさし",
            "社会福祉協議会",
            "042-551-1511",
            "a@example.jp",
            "メモ",
        ]
    )
    ws.append(["福生市役所", "ふっさしやくしょ", "行政", "042-551-1512", "b@example.jp", ""])
    workbook.save(path)

    table = read_table(path, known_headers=ORGANISATIONS.header_texts)
    assert table.headers == ("名称", "ふりがな", "種別", "電話番号", "メールアドレス", "備考")
    assert table.header_line == 4
    assert [r.line for r in table.rows] == [5, 6]
    mapping = suggest_mapping(ORGANISATIONS, table.headers)
    preview = preview_import(services, ORGANISATIONS, table, mapping)
    assert [r.status for r in preview.rows] == [RowStatus.OK, RowStatus.OK], [
        r.problems for r in preview.rows
    ]
    assert preview.rows[0].values["phone"] == "042-551-1511"
    assert preview.rows[0].values["email"] == "a@example.jp"


def test_a_single_header_followed_by_data_stays_single(tmp_path: Path) -> None:
    path = tmp_path / "機関.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["名称", "ふりがな", "種別", "電話番号"])
    ws.append(["電話番号", "", "", ""])  # a record named like a header, under a filled header cell
    ws.append(["福生市役所", "ふっさしやくしょ", "行政", "042-551-1512"])
    workbook.save(path)
    table = read_table(path, known_headers=ORGANISATIONS.header_texts)
    assert table.header_line == 1 and [r.line for r in table.rows] == [2, 3]
