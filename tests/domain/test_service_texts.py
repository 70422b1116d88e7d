"""Issue 18: every text a service, the sync or the sync server makes for the user
goes through ``domain.texts.Message`` (so the English window shows it in English).

The scan reads the service, sync and server modules and fails on Japanese written
straight into an exception (the server's ``ApiError`` too), a refusal of a pushed
change (``Refusal``, ``Refused``), a field error (``errors.add``, ``require_live``,
``LinkSpec``) or a ``ValidationError`` dict instead of into a Message; the few
texts that only a command line or a log ever shows are listed in ALLOWED, and the
server's console modules (its own command line, never seen by a desk) in CONSOLE.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[2] / "coordinator_app"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
CARRIERS = {"add", "require_live", "LinkSpec", "Refusal", "Refused"}
"""Calls (besides exception constructors) whose text arguments reach the user."""

ALLOWED: set[tuple[str, str]] = set()
"""(module, text start) of texts only a command line or a log shows."""


def _is_carrier(call: ast.Call) -> bool:
    name = getattr(call.func, "id", None) or getattr(call.func, "attr", None) or ""
    return name in CARRIERS or name.endswith("Error") or name == "Exception"


def _raw_texts(node: ast.AST, constants: dict[str, ast.expr]) -> Iterator[str]:
    """Japanese string literals in ``node`` that are not inside another call
    (``"…{x}".format(…)`` and module constants such as ``_TOO_LARGE`` are read too)."""
    if isinstance(node, ast.Name) and node.id in constants:
        yield from _raw_texts(constants[node.id], {})
    elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "format":
        yield from _raw_texts(node.func.value, constants)  # type: ignore[attr-defined]
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        if JAPANESE.search(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        if JAPANESE.search(text):
            yield text
    elif isinstance(node, ast.Call):
        return  # Message(...), invalid(...), error(...), sync_text(...) and anything else made
    else:
        for child in ast.iter_child_nodes(node):
            yield from _raw_texts(child, constants)


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    return {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def raw_user_texts(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _module_constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _is_carrier(node):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            found += [(node.lineno, text) for text in _raw_texts(arg, constants)]
    return found


CONSOLE = {"server/cli.py", "server/cluster.py", "server/config.py", "server/schema.py"}
"""The server's modules whose texts only its administrator's console shows
(``coordinator-server init/run/user``, its migrations): the server stays Japanese there."""


def _scanned() -> list[Path]:
    return sorted(
        [
            *(ROOT / "services").rglob("*.py"),
            *(ROOT / "sync").rglob("*.py"),
            *(
                path
                for path in (ROOT / "server").rglob("*.py")
                if path.relative_to(ROOT).as_posix() not in CONSOLE
            ),
        ]
    )


def test_the_scan_reads_the_servers_refusals() -> None:
    """The modules whose texts reach a desk are scanned (the server's refusals too)."""
    scanned = {path.relative_to(ROOT).as_posix() for path in _scanned()}
    assert {"server/errors.py", "server/policy.py", "server/sync.py", "server/app.py"} <= scanned
    assert {"server/accounts.py", "server/codec.py", "server/limits.py"} <= scanned
    assert not CONSOLE & scanned


def test_no_service_or_sync_error_is_plain_japanese() -> None:
    problems = []
    for path in _scanned():
        module = path.relative_to(ROOT).as_posix()
        for line, text in raw_user_texts(path):
            if not any(module == m and text.startswith(t) for m, t in ALLOWED):
                problems.append(f"{module}:{line}: {text!r}")
    assert not problems, "wrap these in domain.texts.Message (invalid/error/...):\n" + "\n".join(
        problems
    )


def test_the_scan_finds_a_plain_japanese_error(tmp_path: Path) -> None:
    """The scan is not blind: each way a raw text could slip in is caught."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "TOO = '大きすぎます'\n"
        "def f(errors, name):\n"
        "    errors.add('a', '入力してください')\n"
        "    errors.add('b', TOO)\n"
        "    raise LookupError(f'「{name}」が見つかりません')\n"
        "    raise ValidationError({'c': '選んでください' if name else 'x'})\n"
        "    raise ValidationError({'d': invalid(QT_TRANSLATE_NOOP('validation', '正しい'))})\n"
        "    errors.add('e', LOCKED.format(old=name))\n"
        "LOCKED = '「{old}」から変えられません'\n"
        "def g(table):\n"
        "    return Refusal('admin_only', '管理者だけが変更できます')\n"
        "    raise Refused('unknown_table', f'同期できない表です: {table}')\n"
        "    raise ApiError('not_found', 'ありません')\n"
        "    raise ApiError('forbidden', server_text(QT_TRANSLATE_NOOP('server', '権限')))\n",
        encoding="utf-8",
    )
    assert [text for _line, text in raw_user_texts(sample)] == [
        "入力してください",
        "大きすぎます",
        "「」が見つかりません",
        "選んでください",
        "「{old}」から変えられません",
        "管理者だけが変更できます",
        "同期できない表です: ",
        "ありません",
    ]
