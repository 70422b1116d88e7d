"""The flyer code stays on the non-Qt side and the command stays light to parse."""

from __future__ import annotations

import subprocess
import sys

FLYER_MODULES = [
    "coordinator_app.documents.batch",
    "coordinator_app.services.flyer_data",
    "coordinator_app.documents.render.flyer",
    "coordinator_app.documents.render.flyer_panels",
    "coordinator_app.documents.render.team",
    "coordinator_app.commands.flyer",
]


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_flyer_modules_never_import_qt() -> None:
    loaded = _loaded_after("\n".join(f"import {m}" for m in FLYER_MODULES))
    assert set(FLYER_MODULES) <= loaded
    assert not {m for m in loaded if m.split(".")[0] == "PySide6"}


def test_adding_the_command_arguments_does_not_load_reportlab() -> None:
    # Every start of the app builds the parser; reportlab loads only when a flyer is made.
    loaded = _loaded_after(
        "import argparse\n"
        "from coordinator_app.commands import flyer\n"
        "flyer.add_arguments(argparse.ArgumentParser())"
    )
    assert "coordinator_app.commands.flyer" in loaded
    assert "reportlab" not in loaded
