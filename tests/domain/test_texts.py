"""The catalogue of service-made texts (domain/texts.py): Japanese as before, and
every field name a service puts into a message is marked for lupdate."""

from __future__ import annotations

import ast
import pickle
from datetime import date
from pathlib import Path

from coordinator_app.domain.texts import FIELD_LABELS, Message, field
from coordinator_app.domain.validation import Errors, check_date_order, check_required

ROOT = Path(__file__).parents[2] / "coordinator_app"
CHECKS = {"check_required", "check_length", "check_date_range", "check_count"}


def _labels_passed_by_services() -> dict[str, str]:
    """Every literal field name handed to a validation helper (or an import field)."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            literals: list[ast.expr] = []
            if name in CHECKS and len(node.args) >= 3:
                literals.append(node.args[2])
            if name == "check_person_fields" and len(node.args) >= 3:
                literals.append(node.args[2])
            if name == "ImportField" and len(node.args) >= 2:
                literals.append(node.args[1])
            if name in {"check_date_order", "ImportKind"}:
                literals += [k.value for k in node.keywords if k.arg == "label"]
            for literal in literals:
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                    found.setdefault(literal.value, f"{path.name}:{node.lineno}")
    return found


def test_every_field_name_a_service_passes_is_in_the_catalogue() -> None:
    passed = _labels_passed_by_services()
    assert len(passed) > 50
    missing = {label: where for label, where in passed.items() if label not in FIELD_LABELS}
    assert not missing, "add to FIELD_LABELS in domain/texts.py: " + repr(missing)


def test_a_message_is_its_japanese_and_keeps_how_it_was_made() -> None:
    errors = Errors()
    check_required(errors, "name", "氏名", " ")
    check_date_order(errors, "end", date(2024, 5, 2), date(2024, 5, 1))
    message = errors.errors["name"]
    assert message == "氏名を入力してください"
    assert isinstance(message, Message)
    assert (message.context, message.source) == ("validation", "{label}を入力してください")
    assert message.args["label"] == field("氏名") and message.args["label"].context == "fields"
    assert errors.errors["end"] == "終了日は開始日以降の日付にしてください"
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message and copy.args == message.args
