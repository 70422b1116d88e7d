"""生活支援コーディネーター case manager."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

__version__ = "0.1.0"


def _source_tree_folders() -> None:
    """Run from a source tree (a clone first on ``sys.path``, as ``python -m
    coordinator_app`` in its folder does), the package's ``resources`` and ``data`` are
    the clone's top-level ``resources/`` and ``data/``, which an install maps into the
    package (pyproject's ``package-dir``). Installed, the package holds them itself."""
    package = Path(__file__).parent
    for name in ("resources", "data"):
        init = package.parent / name / "__init__.py"
        full = f"{__name__}.{name}"
        if (package / name).is_dir() or full in sys.modules or not init.is_file():
            continue
        spec = importlib.util.spec_from_file_location(
            full, init, submodule_search_locations=[str(init.parent)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[full] = module
        spec.loader.exec_module(module)


_source_tree_folders()
