"""The server's Alembic environment (``env.py``, ``versions/``) and the SQL it runs.

Each revision in ``versions/`` runs one SQL file of this directory, so a DBA
can still read the DDL as it is; ``coordinator_app.server.schema`` runs the
chain per municipality schema.
"""

from __future__ import annotations

from importlib import resources

from alembic import op


def run_sql_file(name: str) -> None:
    """Run the SQL file ``name`` of this package on the migration's connection.

    Through the driver's own ``execute`` without parameters, so a file holds
    several statements (and ``%`` in a function body stays literal).
    """
    text = (resources.files(__name__) / name).read_text(encoding="utf-8")
    op.get_bind().connection.driver_connection.execute(text)  # type: ignore[union-attr]
