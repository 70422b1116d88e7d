"""Where the database lives unless told otherwise.

No SQLAlchemy here: the command line reads it before it knows which command runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "coordinator-app"
DB_ENV_VAR = "COORDINATOR_APP_DB"
DB_FILENAME = "coordinator.sqlite3"


def default_database_path() -> Path:
    """``$COORDINATOR_APP_DB`` if set, else a file in the per-user data directory."""
    override = os.environ.get(DB_ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
