"""Importing lists: mapping, preview, duplicates, one transaction, report, round trip."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.domain.enums import AreaKind, OrgKind
from coordinator_app.domain.models import Area, Organisation
from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.exporting import export_list
from coordinator_app.services.transfer.fields import (
    AREAS,
    CONTACTS,
    COORDINATORS,
    IMPORT_KINDS,
    ORGANISATIONS,
    ImportKind,
)
from coordinator_app.services.transfer.importing import (
    RowStatus,
    preview_import,
    run_import,
    write_skip_report,
)
from coordinator_app.services.transfer.mappings import (
    MappingStore,
    mapping_problems,
    suggest_mapping,
)
from coordinator_app.services.transfer.reading import SourceTable, TransferError, read_table
from coordinator_app.storage.database import open_database
from coordinator_app.storage.read_only import ReadOnlyDatabaseError, open_read_only
from tests.conftest import Factory


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="cp932", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return path


def _table(tmp_path: Path, kind: ImportKind, rows: list[list[str]]) -> SourceTable:
    return read_table(_write_csv(tmp_path / "in.csv", rows), known_headers=kind.header_texts)


def _import(
    services: Services, tmp_path: Path, kind: ImportKind, rows: list[list[str]], **kw: bool
) -> object:
    table = _table(tmp_path, kind, rows)
    return run_import(services, kind, table, suggest_mapping(kind, table.headers), **kw)


ORG_ROWS = [
    ["団体名", "ふりがな", "種別", "電話番号", "メール", "担当地域"],
    [
        "福生市社会福祉協議会",
        "ふっさししゃかいふくしきょうぎかい",
        "社協",
        "０４２－５５１－１５１１",
        "",
        "",
    ],
    ["北部包括", "ほくぶほうかつ", "地域包括支援センター", "042-000-0001", "bad-address", ""],
    ["NPO法人 ささえあい", "", "", "", "", "北部圏域、南部圏域"],
    ["ふじ町会", "ふじちょうかい", "町会・自治会", "", "", "存在しない圏域"],
]


def test_import_organisations_with_excel_habits(
    services: Services, tmp_path: Path, make: Factory
) -> None:
    city = make.city()
    north = make.area("北部圏域", parent=city)
    south = make.area("南部圏域", parent=city)
    outcome = _import(services, tmp_path, ORGANISATIONS, ORG_ROWS)
    statuses = {r.line: r.status for r in outcome.rows}  # type: ignore[attr-defined]
    assert statuses == {2: "ok", 3: "error", 4: "ok", 5: "error"}
    by_name = {o.name: o for o in services.organisations.list().rows}
    assert set(by_name) == {"福生市社会福祉協議会", "NPO法人 ささえあい"}
    assert by_name["福生市社会福祉協議会"].phone == "042-551-1511"
    assert by_name["福生市社会福祉協議会"].kind == OrgKind.SOCIAL_WELFARE_COUNCIL
    npo = by_name["NPO法人 ささえあい"]
    assert npo.kind == OrgKind.OTHER
    assert set(services.organisations.area_ids(npo.id)) == {north.id, south.id}
    rows = {r.line: r for r in outcome.rows}  # type: ignore[attr-defined]
    assert "メールアドレスの形式" in rows[3].problems["email"]
    assert "存在しない圏域" in rows[5].problems["areas"]
    assert rows[4].notes == ["種別が空欄のため「その他」にしました"]


def test_preview_shows_every_row_and_writes_nothing(services: Services, tmp_path: Path) -> None:
    table = _table(tmp_path, ORGANISATIONS, ORG_ROWS[:4])
    mapping = suggest_mapping(ORGANISATIONS, table.headers)
    preview = preview_import(services, ORGANISATIONS, table, mapping)
    assert [r.line for r in preview.rows] == [2, 3, 4]
    assert services.organisations.list().total == 0
    assert not preview.committed and all(r.record_id is None for r in preview.rows)
    result = run_import(services, ORGANISATIONS, table, mapping)
    assert [r.status for r in result.rows] == [r.status for r in preview.rows]
    assert services.organisations.list().total == result.valid == 1
    assert "1件を取り込みました" in result.summary()


def test_all_valid_rows_or_nothing(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["名称", "種別"]] + [[f"団体{n}", "NPO"] for n in range(5)]
    table = _table(tmp_path, ORGANISATIONS, rows)
    original = type(services.organisations)._save
    calls = {"n": 0}

    def failing_save(self: object, session: object, obj: Organisation) -> Organisation:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk full")
        return original(self, session, obj)  # type: ignore[arg-type]

    monkeypatch.setattr(type(services.organisations), "_save", failing_save)
    with pytest.raises(OSError):
        run_import(services, ORGANISATIONS, table, suggest_mapping(ORGANISATIONS, table.headers))
    monkeypatch.undo()
    assert services.organisations.list().total == 0


def test_duplicates_by_name_kana_and_phone(
    services: Services, tmp_path: Path, make: Factory
) -> None:
    make.organisation("福生市社会福祉協議会", phone="042-551-1511")
    rows = [
        ["名称", "ふりがな", "電話番号"],
        ["福生市社会福祉協議会", "フッサシシャカイフクシキョウギカイ", "042-551-1511"],
        ["福生市 社会福祉協議会", "", ""],
        ["福生市社会福祉協議会", "ふっさししゃかいふくしきょうぎかい", "03-0000-0000"],
        ["ささえあい", "ささえあい", ""],
        ["ささえあい", "", ""],
        ["ささえあい", "べつのかい", ""],
    ]
    outcome = _import(services, tmp_path, ORGANISATIONS, rows)
    got = {r.line: (r.status, r.duplicate_of) for r in outcome.rows}  # type: ignore[attr-defined]
    assert got[2] == ("duplicate", "登録済みの「福生市社会福祉協議会」")
    assert got[3][0] == "duplicate", "spaces and width do not make a different name"
    assert got[4][0] == RowStatus.SAME_NAME, "same name, other phone: flagged, not stored"
    assert got[5][0] == "ok"
    assert got[6] == ("duplicate", "5行目の「ささえあい」")
    assert got[7][0] == "ok", "a different reading is a different organisation"
    assert "ささえあい" in got[6][1], "no reading: the same name is taken as the same"
    again = _import(services, tmp_path, ORGANISATIONS, rows[:3], include_duplicates=True)
    assert [r.status for r in again.rows] == ["ok", "ok"]  # type: ignore[attr-defined]


def test_same_name_with_another_phone_is_flagged_and_kept_out_unless_chosen(
    services: Services, tmp_path: Path, make: Factory
) -> None:
    make.organisation("ふじ町会", phone="042-551-0001")
    rows = [
        ["名称", "電話番号"],
        ["ふじ町会", "042-551-9999"],
        ["さくら会", "042-000-0001"],
        ["さくら会", "042-000-0002"],
    ]
    table = _table(tmp_path, ORGANISATIONS, rows)
    mapping = suggest_mapping(ORGANISATIONS, table.headers)
    preview = preview_import(services, ORGANISATIONS, table, mapping)
    flagged = {r.line: r for r in preview.rows if r.status == RowStatus.SAME_NAME}
    assert sorted(flagged) == [2, 4], "an existing record and an earlier row both count"
    reason = flagged[2].reason(ORGANISATIONS)
    assert "同名の関係機関があります(電話番号が異なります)" in reason
    assert "登録済みの「ふじ町会」" in reason and "042-551-0001" in reason
    assert "3行目の「さくら会」" in flagged[4].reason(ORGANISATIONS)
    assert "同名で電話番号が異なる関係機関 2件" in preview.summary()

    outcome = run_import(services, ORGANISATIONS, table, mapping)
    names = sorted(o.name for o in services.organisations.list().rows)
    assert names == ["さくら会", "ふじ町会"], "by default no second record goes in"
    assert outcome.count(RowStatus.SAME_NAME) == 2

    chosen = run_import(
        services,
        ORGANISATIONS,
        _table(tmp_path, ORGANISATIONS, rows[:2]),
        mapping,
        include_same_name=True,
    )
    assert [r.status for r in chosen.rows] == [RowStatus.OK]
    rows_now = services.organisations.list().rows
    phones = sorted(o.phone for o in rows_now if o.name == "ふじ町会")
    assert phones == ["042-551-0001", "042-551-9999"], "stored as a second record when chosen"


def test_contacts_find_their_organisation_by_name(
    services: Services, tmp_path: Path, make: Factory
) -> None:
    org = make.organisation("あおば会", kana="あおばかい")
    make.organisation("同名の会", kana="どうめいのかい")
    make.organisation("同名の会", kana="どうめいのかい", phone="03-1111-1111")
    rows = [
        ["所属機関", "氏名", "ふりがな", "役職"],
        ["あおば会", "山田 花子", "やまだ はなこ", "会長"],
        ["ない会", "鈴木", "", ""],
        ["同名の会", "佐藤", "", ""],
        ["", "田中", "", ""],
        ["あおば会", "山田 花子", "やまだ はなこ", "会計"],
    ]
    outcome = _import(services, tmp_path, CONTACTS, rows)
    rows_by_line = {r.line: r for r in outcome.rows}  # type: ignore[attr-defined]
    assert rows_by_line[2].status == "ok"
    assert "見つかりません" in rows_by_line[3].problems["organisation"]
    assert "複数あります" in rows_by_line[4].problems["organisation"]
    assert "所属機関を入力" in rows_by_line[5].problems["organisation"]
    assert rows_by_line[6].status == "duplicate"
    (contact,) = services.contacts.list().rows
    assert contact.organisation_id == org.id and contact.role == "会長"


def test_areas_in_any_order_build_the_tree(services: Services, tmp_path: Path) -> None:
    rows = [
        ["地域名", "種別", "上位地域"],
        ["第一小学校区", "学区", "北部圏域"],
        ["北部圏域", "圏域", "福生市"],
        ["福生市", "市域", ""],
        ["ループA", "地区", "ループB"],
        ["ループB", "地区", "ループA"],
        ["なぞ", "", ""],
    ]
    outcome = _import(services, tmp_path, AREAS, rows)
    status = {r.line: r.status for r in outcome.rows}  # type: ignore[attr-defined]
    assert status[2] == status[3] == status[4] == "ok"
    assert status[7] == "error"
    assert RowStatus.ERROR in (status[5], status[6]), "a cycle is refused, not a crash"
    tree = [(n.area.name, n.depth) for n in services.areas.tree() if n.area.name != "ループA"]
    assert tree[:3] == [("福生市", 0), ("北部圏域", 1), ("第一小学校区", 2)]
    assert {a.kind for a in services.areas.list().rows} >= {
        AreaKind.MUNICIPALITY,
        AreaKind.DAILY_LIFE_AREA,
        AreaKind.SCHOOL_DISTRICT,
    }


def test_mapping_is_remembered_by_header_names(services: Services) -> None:
    headers = ("お名前", "連絡先", "メモ欄")
    store = MappingStore(services.db)
    first = suggest_mapping(COORDINATORS, headers, store.load(COORDINATORS))
    assert first == {0: "name", 1: "phone"}
    chosen = {0: "name", 1: "email", 2: "notes"}
    store.remember(COORDINATORS, headers, chosen)
    again = suggest_mapping(
        COORDINATORS, (" メモ欄 ", "お名前", "連絡先"), store.load(COORDINATORS)
    )
    assert again == {0: "notes", 1: "name", 2: "email"}
    ignored = {0: "name"}
    store.remember(COORDINATORS, headers, ignored)
    assert suggest_mapping(COORDINATORS, headers, store.load(COORDINATORS)) == {0: "name"}
    assert store.load(ORGANISATIONS) == {}


def test_mapping_problems_in_japanese() -> None:
    headers = ("氏名", "名前", "電話")
    assert mapping_problems(CONTACTS, headers, {0: "name"}) == [
        "必須の項目「所属機関」に列を割り当ててください。"
    ]
    problems = mapping_problems(COORDINATORS, headers, {0: "name", 1: "name"})
    assert problems == ["「氏名」に複数の列(「氏名」「名前」)が割り当てられています。"]
    with pytest.raises(TransferError, match="所属機関"):
        run_import(
            None, CONTACTS, SourceTable(headers=headers, rows=(), header_line=1), {0: "name"}
        )  # type: ignore[arg-type]


def test_report_of_skipped_rows(services: Services, tmp_path: Path, make: Factory) -> None:
    make.city()
    make.area("北部圏域")
    make.area("南部圏域")
    outcome = _import(services, tmp_path, ORGANISATIONS, ORG_ROWS)
    report = write_skip_report(outcome, tmp_path / "report.csv")  # type: ignore[arg-type]
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["行", "状態", "理由", *ORG_ROWS[0]]
    assert [r[0] for r in rows[1:]] == ["3", "5"]
    assert rows[1][1] == "エラー" and "メールアドレス" in rows[1][2]
    assert rows[1][3:] == ORG_ROWS[2]


def test_a_read_only_database_is_not_imported_into(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    ro = open_read_only(db_path)
    try:
        table = _table(tmp_path, ORGANISATIONS, ORG_ROWS[:2])
        with pytest.raises(ReadOnlyDatabaseError):
            preview_import(Services.create(ro), ORGANISATIONS, table, {0: "name"})
    finally:
        ro.close()


def _sheet_values(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("kind", list(IMPORT_KINDS.values()), ids=list(IMPORT_KINDS))
def test_list_export_imports_into_an_empty_database_and_exports_the_same(
    services: Services, make: Factory, tmp_path: Path, kind: ImportKind
) -> None:
    city = make.city()
    area = make.area("北部圏域", parent=city)
    services.areas.save(Area(name="第二学区", kind=AreaKind.SCHOOL_DISTRICT, parent_id=area.id))
    org = make.organisation('=HYPERLINK("http://x")', phone="042-000-0000", notes="+メモ\n2行目")
    services.organisations.save(
        Organisation(name="@北部包括", kind=OrgKind.SUPPORT_CENTER, kana="ほくぶ"),
        area_ids=[area.id],
    )
    make.contact(org, name="-山田")
    make.coordinator("'佐藤'")
    first = tmp_path / "first.xlsx"
    export_list(services, kind.service_attr, first)
    other = open_database(tmp_path / "empty.sqlite3")
    try:
        target = Services.create(other)
        for prerequisite in ("areas", "organisations"):
            if kind.key in ("contacts", "organisations") and prerequisite != kind.key:
                path = tmp_path / f"{prerequisite}.xlsx"
                export_list(services, prerequisite, path)
                _import_file(target, IMPORT_KINDS[prerequisite], path)
        outcome = _import_file(target, kind, first)
        assert outcome.skipped == []
        second = tmp_path / "second.xlsx"
        export_list(target, kind.service_attr, second)
    finally:
        other.close()
    assert _sheet_values(second) == _sheet_values(first)
    assert len(_sheet_values(first)) > 1


def _import_file(services: Services, kind: ImportKind, path: Path) -> object:
    table = read_table(path, known_headers=kind.header_texts)
    mapping = suggest_mapping(kind, table.headers)
    assert not mapping_problems(kind, table.headers, mapping)
    return run_import(services, kind, table, mapping)
