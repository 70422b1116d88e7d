"""documents/: data without reportlab, renderers without the database, no cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "coordinator_app"
DOCUMENTS = PACKAGE / "documents"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every coordinator_app module ``path`` imports, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("coordinator_app")}


def _graph(root: Path) -> dict[str, set[str]]:
    modules = {_module(p): p for p in root.rglob("*.py")}
    return {name: _imports(path) & set(modules) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_inside_documents() -> None:
    assert _cycle(_graph(DOCUMENTS)) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


# Documents write their files through the one atomic-write helper and nothing else of storage.
FILE_WRITING = ("coordinator_app.storage.atomic",)


def test_documents_import_no_service_storage_or_qt() -> None:
    for path in DOCUMENTS.rglob("*.py"):
        for name in _imports(path):
            if name.startswith(FILE_WRITING):
                continue
            assert not name.startswith(
                ("coordinator_app.services", "coordinator_app.storage", "coordinator_app.ui")
            ), f"{_module(path)} imports {name}"
        assert "PySide6" not in path.read_text(encoding="utf-8"), _module(path)


def test_data_imports_only_data() -> None:
    for path in (DOCUMENTS / "data").rglob("*.py"):
        for name in _imports(path):
            assert name.startswith("coordinator_app.documents.data"), f"{_module(path)}: {name}"


def test_services_import_no_renderer_or_design() -> None:
    for path in (PACKAGE / "services").rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(
                ("coordinator_app.documents.render", "coordinator_app.documents.design")
            ), f"{_module(path)} imports {name}"


def test_renderers_never_reach_the_database() -> None:
    for path in (DOCUMENTS / "render").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sqlmodel" not in text and "Session" not in text, _module(path)


def test_data_and_builders_load_no_reportlab() -> None:
    code = (
        "import sys\n"
        "import coordinator_app.documents.data.flyer, coordinator_app.documents.data.minutes\n"
        "import coordinator_app.documents.data.report, coordinator_app.documents.data.guidebook\n"
        "import coordinator_app.services.registry, coordinator_app.services.flyer_data\n"
        "import coordinator_app.services.report_export\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "reportlab" not in out.stdout and "PIL" not in out.stdout
