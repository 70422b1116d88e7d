"""What flyer data is built from: the registry's services, or the command line's narrow read.

:class:`~coordinator_app.services.flyer_data.FlyerDataBuilder` reads five
services through :class:`FlyerSources`. The window passes its ``Services``;
the command line, on a file at the schema head, passes :class:`NarrowFlyerSources`,
which answers the same calls from :mod:`coordinator_app.storage.flyer_read`
(plain sqlite3, read-only) without importing SQLAlchemy, SQLModel or the table
models: the same rows, in the same order, so the same flyers.

Nothing here imports the ORM; the protocols name only what flyers read.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from coordinator_app.domain.area_statistics import AreaFigureFields
from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.municipality import (
    SETTING_PREFIX,
    MunicipalityProfile,
    profile_from_settings,
)
from coordinator_app.domain.posts import Dated
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import NOT_FOUND, Message
from coordinator_app.storage.flyer_read import (
    AreaRow,
    AssignmentRow,
    CoordinatorRow,
    FlyerTables,
    OrganisationRow,
    open_flyer_tables,
)

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class AreaFields(AreaFigureFields, Protocol):
    @property
    def kind(self) -> AreaKind: ...
    @property
    def parent_id(self) -> uuid.UUID | None: ...


class OrganisationFields(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def website(self) -> str: ...


class CoordinatorFields(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def name(self) -> str: ...
    @property
    def kana(self) -> str: ...
    @property
    def sort_kana(self) -> str: ...
    @property
    def photo(self) -> bytes | None: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def office_hours(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def consult_topic_list(self) -> list[str]: ...


class AssignmentFields(Dated, Protocol):
    @property
    def coordinator_id(self) -> uuid.UUID: ...
    @property
    def tier(self) -> int: ...
    @property
    def tier_label(self) -> str: ...
    @property
    def area_id(self) -> uuid.UUID: ...
    @property
    def organisation_id(self) -> uuid.UUID | None: ...
    @property
    def concurrent(self) -> bool: ...
    @property
    def start_date(self) -> date: ...


class Listed(Protocol[T_co]):
    """A service's ``Page``: its rows."""

    @property
    def rows(self) -> Sequence[T_co]: ...


class SettingsSource(Protocol):
    def municipality(self) -> MunicipalityProfile: ...


class AreaSource(Protocol):
    def list(self) -> Listed[AreaFields]: ...
    def get(self, record_id: uuid.UUID) -> AreaFields: ...


class OrganisationSource(Protocol):
    def get(self, record_id: uuid.UUID) -> OrganisationFields: ...


class CoordinatorSource(Protocol):
    def list(self) -> Listed[CoordinatorFields]: ...
    def get(self, record_id: uuid.UUID) -> CoordinatorFields: ...


class AssignmentSource(Protocol):
    def list(self) -> Listed[AssignmentFields]: ...


class FlyerSources(Protocol):
    """The services a flyer builder reads: the registry's ``Services``, the lean
    :class:`~.flyer_data.FlyerServices`, or :class:`NarrowFlyerSources`."""

    @property
    def settings(self) -> SettingsSource: ...
    @property
    def areas(self) -> AreaSource: ...
    @property
    def organisations(self) -> OrganisationSource: ...
    @property
    def coordinators(self) -> CoordinatorSource: ...
    @property
    def assignments(self) -> AssignmentSource: ...


class RecordNotFoundError(LookupError):
    """No live record with that id: the message of the services' ``NotFoundError``."""

    def __init__(self, kind: RecordKind, record_id: uuid.UUID) -> None:
        super().__init__(Message("errors", NOT_FOUND, kind=Message("RecordKind", kind.label)))
        self.kind = kind
        self.record_id = record_id


@dataclass(frozen=True)
class _Rows(Generic[T]):
    rows: list[T]


def _found(row: T | None, kind: RecordKind, record_id: uuid.UUID) -> T:
    if row is None:
        raise RecordNotFoundError(kind, record_id)
    return row


@dataclass(frozen=True)
class _Settings:
    tables: FlyerTables

    def municipality(self) -> MunicipalityProfile:
        return profile_from_settings(self.tables.municipality_settings(SETTING_PREFIX))


@dataclass(frozen=True)
class _Areas:
    tables: FlyerTables

    def list(self) -> _Rows[AreaRow]:
        return _Rows(self.tables.areas())

    def get(self, record_id: uuid.UUID) -> AreaRow:
        return _found(self.tables.area(record_id), RecordKind.AREA, record_id)


@dataclass(frozen=True)
class _Organisations:
    tables: FlyerTables

    def get(self, record_id: uuid.UUID) -> OrganisationRow:
        return _found(self.tables.organisation(record_id), RecordKind.ORGANISATION, record_id)


@dataclass(frozen=True)
class _Coordinators:
    tables: FlyerTables

    def list(self) -> _Rows[CoordinatorRow]:
        return _Rows(self.tables.coordinators())

    def get(self, record_id: uuid.UUID) -> CoordinatorRow:
        return _found(self.tables.coordinator(record_id), RecordKind.COORDINATOR, record_id)


@dataclass(frozen=True)
class _Assignments:
    tables: FlyerTables

    def list(self) -> _Rows[AssignmentRow]:
        return _Rows(self.tables.assignments())


@dataclass(frozen=True)
class NarrowFlyerSources:
    """The five sources over one read-only sqlite3 connection (no ORM); close when done."""

    tables: FlyerTables
    settings: _Settings
    areas: _Areas
    organisations: _Organisations
    coordinators: _Coordinators
    assignments: _Assignments

    @classmethod
    def open(cls, path: Path) -> NarrowFlyerSources | None:
        """The sources of ``path``, or ``None`` when it needs the full open
        (see :func:`coordinator_app.storage.flyer_read.open_flyer_tables`)."""
        tables = open_flyer_tables(path)
        if tables is None:
            return None
        return cls(
            tables=tables,
            settings=_Settings(tables),
            areas=_Areas(tables),
            organisations=_Organisations(tables),
            coordinators=_Coordinators(tables),
            assignments=_Assignments(tables),
        )

    def close(self) -> None:
        self.tables.close()
