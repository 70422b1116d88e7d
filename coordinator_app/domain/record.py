"""The columns every table has: a UUID key, UTC timestamps and a soft-delete marker."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from coordinator_app.domain.types import UTCDateTime, utc_now


class Record(SQLModel):
    """Columns every table has."""

    # Pydantic builds a table's validator and serializer when one is first needed, not
    # at import: records are made without validation, and building them for every table
    # took a quarter of the models' import at every start (window and commands alike).
    model_config = SQLModel.model_config | {"defer_build": True}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, nullable=False)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)

    if TYPE_CHECKING:
        # Set by SQLAlchemy on every table class; SQLModel's stubs do not declare it.
        __table__: ClassVar[sa.Table]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
