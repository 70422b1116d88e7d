"""The border between the two worlds: Qt only in ui/ and app.py; ui calls services only."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "coordinator_app"
UI = PACKAGE / "ui"


def _imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_qt_stays_in_the_ui() -> None:
    offenders = [
        (str(path.relative_to(PACKAGE)), name)
        for path in PACKAGE.rglob("*.py")
        if UI not in path.parents and path != PACKAGE / "app.py"
        for name in _imports(path)
        if name.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert not offenders


def test_the_ui_never_touches_the_database_directly() -> None:
    forbidden = ("sqlalchemy", "sqlmodel", "sqlite3", "alembic", "coordinator_app.storage")
    offenders = [
        (str(path.relative_to(PACKAGE)), name)
        for path in UI.rglob("*.py")
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert not offenders


def test_modules_stay_small() -> None:
    too_long = {
        str(path.relative_to(PACKAGE)): n
        for path in [*UI.rglob("*.py"), PACKAGE / "app.py"]
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert not too_long
