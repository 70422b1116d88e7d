"""``python -m coordinator_app.server`` = ``coordinator-server``."""

from __future__ import annotations

import sys

from coordinator_app.server.cli import main

sys.exit(main())
