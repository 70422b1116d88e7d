"""The layer contract: which part of ``coordinator_app`` may import which.

Read statically with :mod:`ast` (imports inside functions count too, so a
lazy import cannot hide an arrow that runs back up):

* ``domain`` is pure: no storage, services, sync, server, commands, UI or
  document renderer;
* ``storage`` sits under the services: no services, sync, UI or renderer;
* migrations import no service (a migration runs today's queries on
  yesterday's schema otherwise) and no document code;
* ``services`` hand plain data to renderers and never import one, nor
  reportlab, nor Qt;
* ``server`` imports neither the desktop UI nor the services;
* only ``ui/`` and ``app.py`` import Qt, and only ``app.py`` (the composition
  root) reaches into ``ui/`` from outside; the UI never touches the database
  directly;
* no import cycle among the modules outside ``ui/``;
* no module past :data:`MAX_LINES` lines.

A *renderer* is a module of ``flyers/`` or ``documents/`` (the package is
being renamed) whose runtime imports reach reportlab; the data modules there
(plain dataclasses) are free to use.

The KNOWN_* lists hold what is wrong on main today. Each entry must still be
wrong: when a fix lands, the test asks for the entry to be deleted, so the
lists only shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGE = "coordinator_app"

MAX_LINES = 500

# Violations tolerated for now (none): an entry must name why and still hold.
KNOWN_VIOLATIONS: frozenset[tuple[str, str]] = frozenset()

# Import cycles tolerated for now (none), each a set of modules.
KNOWN_CYCLES: frozenset[frozenset[str]] = frozenset()

# Files past MAX_LINES still to be split.
KNOWN_OVERSIZE: frozenset[str] = frozenset()

QT = ("PySide6", "shiboken6")
RENDERER_PACKAGES = ("flyers", "documents")


@dataclass(frozen=True)
class Import:
    """One import statement's target, resolved to an absolute module name."""

    target: str
    line: int
    type_checking: bool


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(node: ast.ImportFrom, name: str, *, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(node: ast.AST, name: str, known: set[str], *, is_package: bool) -> Iterator[Import]:
    """Every import under ``node``, at any depth (functions, classes, try blocks)."""

    def visit(node: ast.AST, type_checking: bool) -> Iterator[Import]:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                yield from visit(child, True)
            for child in node.orelse:
                yield from visit(child, type_checking)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno, type_checking)
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(node, name, is_package=is_package)
            for alias in node.names:
                # ``from pkg import mod`` imports the module pkg.mod.
                full = f"{module}.{alias.name}"
                yield Import(full if full in known else module, node.lineno, type_checking)
        for child in ast.iter_child_nodes(node):
            yield from visit(child, type_checking)

    yield from visit(node, False)


def scan(root: Path, package: str = PACKAGE) -> dict[str, list[Import]]:
    """Module name -> its imports, for every ``.py`` file of ``root/package``."""
    paths = {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}
    known = set(paths)
    return {
        name: list(
            _imports(
                ast.parse(path.read_text(encoding="utf-8")),
                name,
                known,
                is_package=path.name == "__init__.py",
            )
        )
        for name, path in paths.items()
    }


def within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def renderers(graph: dict[str, list[Import]], package: str = PACKAGE) -> set[str]:
    """Modules of the document packages whose runtime imports reach reportlab,
    directly or through other modules of those packages (import cycles included)."""
    documents = [f"{package}.{p}" for p in RENDERER_PACKAGES]
    members = {name for name in graph if within(name, *documents)}
    runtime = {
        name: [imp.target for imp in graph[name] if not imp.type_checking] for name in members
    }
    drawn = {name for name in members if any(within(t, "reportlab") for t in runtime[name])}
    grown = True
    while grown:
        reached = {name for name in members - drawn if any(t in drawn for t in runtime[name])}
        drawn |= reached
        grown = bool(reached)
    return drawn


@dataclass(frozen=True)
class Rule:
    """Modules within ``sources`` (minus ``exempt``) may not import ``forbidden``."""

    why: str
    sources: tuple[str, ...]
    forbidden: Callable[[str], bool]
    exempt: tuple[str, ...] = ()


def rules(graph: dict[str, list[Import]], package: str = PACKAGE) -> list[Rule]:
    p = package
    drawn = renderers(graph, package)

    def any_of(*prefixes: str, renderer: bool = False) -> Callable[[str], bool]:
        return lambda target: within(target, *prefixes) or (renderer and target in drawn)

    documents = tuple(f"{p}.{d}" for d in RENDERER_PACKAGES)
    return [
        Rule(
            "domain is pure",
            (f"{p}.domain",),
            any_of(
                f"{p}.storage",
                f"{p}.services",
                f"{p}.sync",
                f"{p}.server",
                f"{p}.commands",
                f"{p}.ui",
                f"{p}.app",
                f"{p}.cli",
                "reportlab",
                *QT,
                renderer=True,
            ),
        ),
        Rule(
            "storage sits under the services",
            (f"{p}.storage",),
            any_of(
                f"{p}.services",
                f"{p}.sync",
                f"{p}.commands",
                f"{p}.ui",
                f"{p}.app",
                f"{p}.cli",
                "reportlab",
                *QT,
                renderer=True,
            ),
        ),
        Rule(
            "migrations import no service and no document code",
            (f"{p}.storage.migrations",),
            any_of(f"{p}.services", f"{p}.sync", *documents),
        ),
        Rule(
            "services hand data to renderers, never import them",
            (f"{p}.services",),
            any_of(f"{p}.ui", f"{p}.app", f"{p}.commands", "reportlab", *QT, renderer=True),
        ),
        Rule(
            "the server needs neither the desktop UI nor the services",
            (f"{p}.server",),
            any_of(f"{p}.ui", f"{p}.services", f"{p}.app", *QT),
        ),
        Rule(
            "Qt only in ui/ and app.py",
            (p,),
            any_of(*QT),
            exempt=(f"{p}.ui", f"{p}.app"),
        ),
        Rule(
            "only the composition root reaches into ui/",
            (p,),
            any_of(f"{p}.ui"),
            exempt=(f"{p}.ui", f"{p}.app"),
        ),
        Rule(
            "the UI calls services, never the database",
            (f"{p}.ui",),
            any_of("sqlalchemy", "sqlmodel", "sqlite3", "alembic", f"{p}.storage"),
        ),
    ]


def violations(
    graph: dict[str, list[Import]], package: str = PACKAGE
) -> dict[tuple[str, str], str]:
    """(module, imported module) -> the rule it breaks."""
    found: dict[tuple[str, str], str] = {}
    for rule in rules(graph, package):
        for name, imports in graph.items():
            if not within(name, *rule.sources) or within(name, *rule.exempt):
                continue
            for imp in imports:
                if rule.forbidden(imp.target):
                    found.setdefault((name, imp.target), f"{rule.why} (line {imp.line})")
    return found


def cycles(graph: dict[str, list[Import]], *, outside: Iterable[str]) -> list[frozenset[str]]:
    """Strongly connected components (more than one module) of the runtime
    imports among modules outside ``outside``; ``TYPE_CHECKING`` imports never run."""
    excluded = tuple(outside)
    nodes = sorted(n for n in graph if not within(n, *excluded))
    node_set = set(nodes)
    edges = {
        n: sorted(
            {
                imp.target
                for imp in graph[n]
                if not imp.type_checking and imp.target in node_set and imp.target != n
            }
        )
        for n in nodes
    }
    # Tarjan's algorithm, iterative so a long chain cannot hit the recursion limit.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in nodes:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def oversize(root: Path, package: str = PACKAGE) -> dict[str, int]:
    base = root / package
    return {
        path.relative_to(base).as_posix(): n
        for path in sorted(base.rglob("*.py"))
        # Migrations are frozen history (their DDL written out on purpose), not code to split.
        if "migrations/versions" not in path.as_posix()
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }


# --- the contract on the real package ---------------------------------------


@pytest.fixture(scope="module")
def graph() -> dict[str, list[Import]]:
    return scan(ROOT)


def test_no_import_runs_back_up(graph: dict[str, list[Import]]) -> None:
    found = violations(graph)
    new = {edge: why for edge, why in found.items() if edge not in KNOWN_VIOLATIONS}
    assert not new, "imports that break the layer contract:\n" + "\n".join(
        f"{a} -> {b}: {why}" for (a, b), why in sorted(new.items())
    )
    fixed = KNOWN_VIOLATIONS - found.keys()
    assert not fixed, f"fixed: delete these from KNOWN_VIOLATIONS: {sorted(fixed)}"


def test_no_import_cycle_outside_the_ui(graph: dict[str, list[Import]]) -> None:
    found = set(cycles(graph, outside=[f"{PACKAGE}.ui"]))
    new = found - KNOWN_CYCLES
    assert not new, f"import cycles: {[sorted(c) for c in new]}"
    fixed = KNOWN_CYCLES - found
    assert not fixed, f"fixed: delete these from KNOWN_CYCLES: {[sorted(c) for c in fixed]}"


def test_modules_stay_small() -> None:
    found = oversize(ROOT)
    new = {path: n for path, n in found.items() if path not in KNOWN_OVERSIZE}
    assert not new, f"modules past {MAX_LINES} lines: {new}"
    fixed = KNOWN_OVERSIZE - found.keys()
    assert not fixed, f"now small: delete these from KNOWN_OVERSIZE: {sorted(fixed)}"


def test_the_contract_sees_the_renderers(graph: dict[str, list[Import]]) -> None:
    """The renderer rule is computed, so it must find the reportlab modules and
    leave the plain data modules alone."""
    drawn = renderers(graph)
    assert drawn
    assert all(within(name, *(f"{PACKAGE}.{d}" for d in RENDERER_PACKAGES)) for name in drawn)
    assert not {f"{PACKAGE}.flyers.data", f"{PACKAGE}.documents.data"} & drawn


# --- the checker itself, on a synthetic package ------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            init = root / parent / "__init__.py"
            if parent != Path(".") and not init.exists():
                init.write_text("", encoding="utf-8")
        path.write_text(text, encoding="utf-8")


def test_an_import_inside_a_function_that_runs_back_up_is_caught(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/domain/model.py": "def f():\n    from pkg.services import search\n",
            "pkg/services/search.py": "from ..domain import model\n",
            "pkg/storage/migrations/versions/0004_x.py": "import pkg.services.search\n",
            "pkg/storage/database.py": "from pkg.domain.model import f\n",
        },
    )
    found = violations(scan(tmp_path, "pkg"), "pkg")
    assert set(found) == {
        ("pkg.domain.model", "pkg.services.search"),
        ("pkg.storage.migrations.versions.0004_x", "pkg.services.search"),
    }
    assert "domain is pure (line 2)" in found["pkg.domain.model", "pkg.services.search"]


def test_services_may_use_document_data_but_no_renderer(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/documents/data.py": "import dataclasses\n",
            "pkg/documents/design.py": "from reportlab.lib import colors\n",
            # Reaches reportlab only through design: still a renderer.
            "pkg/documents/minutes.py": "from .data import x\nfrom .design import y\n",
            "pkg/flyers/renderer.py": "import reportlab\n",
            # panels and layout import each other; only layout draws.
            "pkg/flyers/panels.py": "from . import layout\n",
            "pkg/flyers/layout.py": "from . import panels\nfrom .renderer import R\n",
            "pkg/services/export.py": (
                "from pkg.documents.data import x\n"
                "def pdf():\n    from pkg.documents import minutes\n"
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from pkg.flyers.renderer import R\n"
            ),
            "pkg/services/qt.py": "from PySide6.QtCore import QObject\n",
            "pkg/ui/window.py": "from PySide6.QtWidgets import QWidget\n",
            "pkg/server/app.py": "from pkg.services.export import pdf\n",
        },
    )
    graph = scan(tmp_path, "pkg")
    assert renderers(graph, "pkg") == {
        "pkg.documents.design",
        "pkg.documents.minutes",
        "pkg.flyers.layout",
        "pkg.flyers.panels",
        "pkg.flyers.renderer",
    }
    assert set(violations(graph, "pkg")) == {
        ("pkg.services.export", "pkg.documents.minutes"),
        ("pkg.services.export", "pkg.flyers.renderer"),
        ("pkg.services.qt", "PySide6.QtCore"),
        ("pkg.server.app", "pkg.services.export"),
    }


def test_a_cycle_is_caught_and_type_checking_imports_are_not_one(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/storage/a.py": "from pkg.storage import b\n",
            "pkg/storage/b.py": "from .c import x\n",
            "pkg/storage/c.py": "def f():\n    import pkg.storage.a\n",
            "pkg/services/d.py": (
                "from typing import TYPE_CHECKING\n"
                "from pkg.services import e\n"
                "if TYPE_CHECKING:\n    from pkg.services.e import E\n"
            ),
            "pkg/services/e.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import d\n"
            ),
            "pkg/ui/f.py": "from pkg.ui import g\n",
            "pkg/ui/g.py": "from pkg.ui import f\n",
        },
    )
    graph = scan(tmp_path, "pkg")
    assert cycles(graph, outside=["pkg.ui"]) == [
        frozenset({"pkg.storage.a", "pkg.storage.b", "pkg.storage.c"})
    ]
    assert set(cycles(graph, outside=[])) == {
        frozenset({"pkg.storage.a", "pkg.storage.b", "pkg.storage.c"}),
        frozenset({"pkg.ui.f", "pkg.ui.g"}),
    }


def test_a_long_module_is_caught(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/ui/long.py": "x = 1\n" * (MAX_LINES + 1),
            "pkg/storage/short.py": "x = 1\n" * MAX_LINES,
        },
    )
    assert oversize(tmp_path, "pkg") == {"ui/long.py": MAX_LINES + 1}
