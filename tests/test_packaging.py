"""The wheel must contain every package and resource the app loads."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_package_directory_is_declared() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "coordinator_app").rglob("__init__.py")
    }
    missing = found - _declared_packages()
    assert not missing, f"add these to [tool.setuptools] packages: {sorted(missing)}"


def test_bundled_font_and_licence_are_resources() -> None:
    fonts = resources.files("coordinator_app.resources") / "fonts"
    assert (fonts / "ipaexg.ttf").is_file()
    assert (fonts / "IPA_Font_License_Agreement_v1.0.txt").is_file()


def test_a_source_tree_run_finds_the_resources_and_data() -> None:
    # ``python -m coordinator_app`` in a clone imports the clone's package, not the
    # installed one; without site (-S) no installed copy or editable finder can help.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from importlib import resources;"
        "print((resources.files('coordinator_app.resources') / 'fonts' / 'ipaexg.ttf').is_file(),"
        " (resources.files('coordinator_app.data') / 'demo_municipality.json').is_file())"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["True", "True"], done.stderr
