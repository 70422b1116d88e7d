"""``python -m coordinator_app``."""

from __future__ import annotations

import sys

from coordinator_app.cli import main

sys.exit(main())
