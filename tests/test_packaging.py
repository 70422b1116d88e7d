"""The wheel must contain every package and resource the app loads."""

from __future__ import annotations

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
