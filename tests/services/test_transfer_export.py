"""Exports: Japanese headers, neutralised formulas, and the whole-database round trip."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.domain.enums import MeetingKind, MeetingMode, OrgKind
from coordinator_app.domain.models import Attachment, Coordinator, Meeting, Organisation, Setting
from coordinator_app.services.demo import load_demo
from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.cells import EXCEL_MAX_CELL
from coordinator_app.services.transfer.exporting import (
    available_lists,
    dump_columns,
    dump_tables,
    export_database,
    export_list,
)
from coordinator_app.services.transfer.labels import TABLE_LABELS, column_label
from coordinator_app.services.transfer.reading import TransferError

FIXED = datetime(2025, 4, 1, 9, 30)
FORMULAS = ["=1+1", "+81 42", "-3", "@SUM(A1)", "\tタブ", "'引用"]


@pytest.fixture
def full(services: Services) -> Services:
    """The demo municipality plus the awkward cases."""
    load_demo(services)
    for text in FORMULAS:
        services.organisations.save(Organisation(name=text, kind=OrgKind.NPO, notes=text))
    gone = services.organisations.save(Organisation(name="解散した会", kind=OrgKind.NPO))
    services.organisations.soft_delete(gone.id)
    services.coordinators.save(Coordinator(name="写真の人", photo=b"\x89PNG" * 100))
    services.meetings.save(
        Meeting(
            kind=MeetingKind.TRAINING,
            title="研修",
            held_on=date(2019, 4, 30),
            start_time=time(9, 59, 58),
            end_time=time(23, 59),
            mode=MeetingMode.HYBRID,
            minutes="一行目\n二行目\t字下げ",
        )
    )
    with services.db.writing() as session:
        session.add(Attachment(filename="a.pdf", size=3, content=b"pdf"))
        session.add(Setting(key="test.picture", text_value="絵", blob_value=b"logo"))
    return services


def _cells(path: Path) -> dict[str, list[list[object]]]:
    workbook = openpyxl.load_workbook(path)
    return {
        ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook.worksheets
    }


def test_whole_database_export_to_xlsx(full: Services, tmp_path: Path) -> None:
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    export_database(full, first, exported_at=FIXED)
    export_database(full, second, exported_at=FIXED)
    a = _cells(first)
    assert a == _cells(second)
    assert next(iter(a)) == "説明"
    assert len(a["会議"]) > 40 and len(a["関係機関"]) > 30
    assert any(row[3] is not None for row in a["関係機関"][1:]), "deleted rows are kept"


def test_whole_database_export_to_csv_zip(full: Services, tmp_path: Path) -> None:
    first = tmp_path / "first.zip"
    export_database(full, first, exported_at=FIXED)
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert len(names) > 10
        for name in names:
            if name.endswith(".csv"):
                assert archive.read(name).startswith(b"\xef\xbb\xbf"), name


def test_every_table_and_column_has_a_japanese_header() -> None:
    for table in dump_tables():
        assert table.name in TABLE_LABELS, f"add a Japanese name for table {table.name}"
        labels = [column_label(table.name, c.name) for c in dump_columns(table)]
        untranslated = [
            c.name for c in dump_columns(table) if column_label(table.name, c.name) == c.name
        ]
        assert untranslated == [], f"{table.name}: add Japanese headers for {untranslated}"
        assert len(set(labels)) == len(labels), f"{table.name}: two columns share a header"


def test_formulas_are_neutralised_in_xlsx_and_csv(full: Services, tmp_path: Path) -> None:
    xlsx, csv_path = tmp_path / "orgs.xlsx", tmp_path / "orgs.csv"
    export_list(full, "organisations", xlsx)
    export_list(full, "organisations", csv_path)
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    texts = [c.value for c in cells]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    # Issue 11.13: formula-like text is a string cell, shown exactly as typed
    # (no visible apostrophe); a string cell is never run as a formula.
    for text in FORMULAS:
        assert text in texts and "'" + text not in texts
    assert all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(xlsx) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("名称,ふりがな,種別")
    assert not [line for line in lines if line.startswith(("=", "+", "-", "@"))]
    assert any(line.startswith("'=1+1") for line in lines)


def test_every_list_exports_to_both_formats(full: Services, tmp_path: Path) -> None:
    lists = available_lists(full)
    assert {"organisations", "contacts", "coordinators", "areas", "meetings"} <= {
        info.key for info in lists
    }
    for info in lists:
        for suffix in (".xlsx", ".csv"):
            path = tmp_path / f"{info.key}{suffix}"
            export_list(full, info.key, path)
            assert path.stat().st_size > 0
        headers = next(openpyxl.load_workbook(tmp_path / f"{info.key}.xlsx").worksheets[0].values)
        assert all(h and not h.isascii() for h in headers), (info.key, headers)
    with pytest.raises(TransferError):
        export_list(full, "organisations", tmp_path / "x.pdf")


def test_text_beyond_the_excel_limit_is_cut_and_said(services: Services, tmp_path: Path) -> None:
    services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="長い議事録",
            held_on=date(2024, 1, 1),
            mode=MeetingMode.ON_SITE,
            minutes="あ" * 100_000,
        )
    )
    path = tmp_path / "all.xlsx"
    report = export_database(services, path)
    assert len(report.truncated) == 1
    cells = _cells(path)
    minutes = [
        v for row in cells["会議"] for v in row if isinstance(v, str) and v.startswith("ああ")
    ]
    assert len(minutes[0]) <= EXCEL_MAX_CELL and minutes[0].endswith("省略)")
    assert any("32,767" in (row[0] or "") for row in cells["説明"])
    csv_zip = tmp_path / "all.zip"
    export_database(services, csv_zip)
    with zipfile.ZipFile(csv_zip) as archive:
        text = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8-sig", "replace")
    assert "あ" * 100_000 in text
