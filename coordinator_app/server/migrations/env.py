"""Alembic environment of the server: runs on the connection handed over by server.schema.

The version table lives in the municipality's schema, one chain per schema.
"""

from __future__ import annotations

from alembic import context


def run_migrations() -> None:
    attributes = context.config.attributes
    connection = attributes.get("connection")
    schema = attributes.get("schema")
    if connection is None or schema is None:
        raise RuntimeError("server migrations run through coordinator_app.server.schema only")
    context.configure(
        connection=connection,
        version_table_schema=schema,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
