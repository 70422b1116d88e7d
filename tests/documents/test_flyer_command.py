"""``coordinator-app flyer``: the same flyers, written from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from coordinator_app.cli import main
from coordinator_app.domain.models import Coordinator
from coordinator_app.services.registry import Services
from tests.documents.conftest import Fussa

A4_PORTRAIT = (595, 842)


def _pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_all_active_into_one_combined_pdf(
    db_path: Path, fussa: Fussa, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.pdf"
    code = main(["--db", str(db_path), "flyer", "--all-active", "--layout", "a5x2", "-o", str(out)])
    assert code == 0
    pages = _pages(out)
    assert len(pages) == 4
    assert "佐藤" in pages[0] and "高橋" in pages[1]  # ふりがな順
    assert capsys.readouterr().out.strip() == str(out)


def test_separate_files_per_coordinator(db_path: Path, fussa: Fussa, tmp_path: Path) -> None:
    out = tmp_path / "flyers"
    code = main(
        [
            "--db",
            str(db_path),
            "flyer",
            "--all-active",
            "--separate",
            "--design",
            "warm",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        f"{n}_a4.pdf" for n in ("佐藤 一郎", "田中 花子", "高橋 美和", "渡辺 健太")
    )
    assert not list(out.glob("*.part*"))
    for path in out.iterdir():
        (page,) = PdfReader(path).pages
        assert tuple(round(float(v)) for v in page.mediabox.upper_right) == A4_PORTRAIT


def test_by_name_and_id_as_cards(db_path: Path, fussa: Fussa, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    code = main(
        [
            "--db",
            str(db_path),
            "flyer",
            "-c",
            "田中  花子",
            "-c",
            str(fussa.tier1.id),
            "--layout",
            "cards",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    pages = _pages(out)
    assert len(pages) == 2
    assert pages[0].count("田中") == 10 and pages[1].count("佐藤") == 10


def test_team_of_an_area(db_path: Path, fussa: Fussa, tmp_path: Path) -> None:
    out = tmp_path / "team.pdf"
    code = main(
        ["--db", str(db_path), "flyer", "--layout", "team", "--area", "北部圏域", "-o", str(out)]
    )
    assert code == 0
    (text,) = _pages(out)
    assert "田中" in text and "佐藤" in text and "高橋" not in text


def test_character_no_font_has_prints_as_geta_and_warns(
    db_path: Path,
    services: Services,
    fussa: Fussa,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person = services.coordinators.get(fussa.tier2[2].id)
    person.message = "よろしく\U0001f600"
    services.coordinators.save(person)
    out = tmp_path / "flyers"
    code = main(["--db", str(db_path), "flyer", "--all-active", "--separate", "-o", str(out)])
    assert code == 0
    assert len(list(out.glob("*.pdf"))) == 4
    err = capsys.readouterr().err
    assert "【渡辺 健太】「メッセージ」" in err and "U+1F600" in err and "〓" in err
    strict = tmp_path / "strict"
    args = ["--db", str(db_path), "flyer", "--all-active", "--separate", "--strict"]
    assert main([*args, "-o", str(strict)]) == 3


def test_overflow_warns_and_strict_refuses(
    db_path: Path,
    services: Services,
    fussa: Fussa,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person = services.coordinators.get(fussa.tier2[0].id)
    person.message = "よろしくお願いします。" * 60
    services.coordinators.save(person)
    out = tmp_path / "one.pdf"
    args = ["--db", str(db_path), "flyer", "-c", "田中 花子", "--layout", "a5", "-o", str(out)]
    assert main(args) == 0
    assert out.exists()
    assert "注意: 【田中 花子】「メッセージ」が枠に収まりません" in capsys.readouterr().err
    out.unlink()
    assert main([*args, "--strict"]) == 3
    assert not out.exists()


def test_unknown_or_ambiguous_coordinator(
    db_path: Path,
    services: Services,
    fussa: Fussa,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["--db", str(db_path), "flyer", "-c", "山田 太郎", "-o", out]) == 2
    assert "見つかりません" in capsys.readouterr().err
    services.coordinators.save(Coordinator(name="田中 花子", kana="たなか はなこ"))
    assert main(["--db", str(db_path), "flyer", "-c", "田中 花子", "-o", out]) == 2
    assert "複数" in capsys.readouterr().err
    assert main(["--db", str(db_path), "flyer", "-o", out]) == 2


def test_jobs_must_be_at_least_one(
    db_path: Path, fussa: Fussa, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "flyers")
    args = ["--db", str(db_path), "flyer", "--all-active", "--separate", "-o", out]
    assert main([*args, "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err
    assert main([*args, "--jobs", "2"]) == 0
    assert len(list(Path(out).iterdir())) == len(fussa.everyone)
