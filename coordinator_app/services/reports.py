"""実績報告: the fiscal-year activity report, aggregated in SQL.

The report data is a plain dataclass; the window, the .xlsx export and the PDF
all render the same :class:`ActivityReport`: the counts, the list of meetings
by kind, each project's progress entries of the year and the issuer (the
municipality profile), so the report can be submitted as it is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.enums import MeetingKind, ProjectStatus
from coordinator_app.domain.era import format_fiscal_year
from coordinator_app.domain.fiscal import fiscal_months, fiscal_year, fiscal_year_range
from coordinator_app.domain.models import (
    Area,
    Assignment,
    Contact,
    Coordinator,
    Council,
    Meeting,
    MeetingCoordinator,
    Organisation,
    OrganisationArea,
    ProgressEntry,
    Project,
)
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, joined
from coordinator_app.domain.tiers import tier_display
from coordinator_app.services.access import Guarded, reads
from coordinator_app.services.areas import AreaStatistics, statistics_of
from coordinator_app.services.base import live
from coordinator_app.services.meetings import area_subtree
from coordinator_app.services.report_places import PlaceRow, places_per_area_and_kind
from coordinator_app.services.report_rows import (
    CouncilRow as CouncilRow,
)
from coordinator_app.services.report_rows import (
    KindRow as KindRow,
)
from coordinator_app.services.report_rows import (
    MeetingRow as MeetingRow,
)
from coordinator_app.services.report_rows import (
    MonthRow as MonthRow,
)
from coordinator_app.services.report_rows import (
    ProgressRow as ProgressRow,
)
from coordinator_app.services.report_rows import (
    StatusRow as StatusRow,
)
from coordinator_app.services.settings import MunicipalityProfile, SettingsService
from coordinator_app.storage.database import Database

JST = timezone(timedelta(hours=9))


@dataclass
class ActivityReport:
    fiscal_year: int
    area_name: str = ""
    """The chosen area's own name; empty for the whole municipality."""
    area_statistics: AreaStatistics | None = None
    """The chosen area's 人口・世帯数・高齢化率, if entered."""
    municipality: str = ""
    """自治体名 of the profile (``福生市``), for 全域."""
    coordinator_name: str = ""
    coordinator_tiers: list[str] = field(default_factory=list)
    """The tiers of the coordinator's posts in the year (``0層``, ``第2層``)."""
    issuer: MunicipalityProfile = field(default_factory=MunicipalityProfile)
    """The municipality profile: who submits the report."""
    meetings: list[MeetingRow] = field(default_factory=list)
    """Every meeting of the year, by kind (in :class:`MeetingKind` order), then date."""
    progress: list[ProgressRow] = field(default_factory=list)
    """Progress entries of the year, by project, then date."""
    by_kind: list[KindRow] = field(default_factory=list)
    by_month: list[MonthRow] = field(default_factory=list)
    councils: list[CouncilRow] = field(default_factory=list)
    projects_by_status: list[StatusRow] = field(default_factory=list)
    new_organisations: int = 0
    new_contacts: int = 0
    gathering_places: list[PlaceRow] = field(default_factory=list)
    """通いの場 per area and kind (running in the year, begun in it, ended in it)."""

    @property
    def project_ids(self) -> list[uuid.UUID]:
        """Projects with progress entries in the year, in the report's order."""
        return list(dict.fromkeys(r.project_id for r in self.progress if r.project_id))

    @property
    def total_meetings(self) -> int:
        return sum(r.meetings for r in self.by_kind)

    @property
    def total_participants(self) -> int:
        return sum(r.participants for r in self.by_kind)

    @property
    def council_meetings(self) -> int:
        return sum(r.meetings for r in self.councils)

    def title(self, *, wareki: bool = False) -> str:
        year: str = format_fiscal_year(self.fiscal_year, wareki=wareki)
        if not wareki:
            year = Message(
                "report", QT_TRANSLATE_NOOP("report", "{year}年度"), year=self.fiscal_year
            )
        return Message(
            "report",
            QT_TRANSLATE_NOOP("report", "{fiscal_year} 生活支援体制整備事業 実績報告"),
            fiscal_year=year,
        )

    def scope(self) -> str:
        """``北部圏域`` or ``福生市全域`` (``全域`` without a profile), and the coordinator."""
        area = self.area_name or (
            Message(
                "report",
                QT_TRANSLATE_NOOP("report", "{municipality}全域"),
                municipality=self.municipality,
            )
            if self.municipality
            else Message("report", QT_TRANSLATE_NOOP("report", "全域"))
        )
        person = self.coordinator_name
        if person and self.coordinator_tiers:
            person = Message(
                "report",
                QT_TRANSLATE_NOOP("report", "{person}({tiers})"),
                person=person,
                tiers=joined(self.coordinator_tiers, "・"),
            )
        if not person:
            return area
        return Message("report", "{area} / {person}", area=area, person=person)


def _skip_years(name: str, table: str, column: str) -> str:
    """A recursive CTE ``name(day)``: the earliest live ``column`` of each 年度 in
    ``table``, found by skipping through the date index: one seek per 年度 (the
    earliest live day on or after the next 1 April), never a scan of the table.
    ``ifnull`` keeps the planner off the deleted_at index (nearly every row is
    live), so the date's index orders and bounds each seek."""

    def seek(bound: str) -> str:
        return (
            f"(SELECT {column} FROM {table} WHERE ifnull(deleted_at, NULL) IS NULL"
            f" AND {column} >= {bound} ORDER BY {column} LIMIT 1)"
        )

    # 年度 Y starts on Y-04-01; the 年度 after the one of ``day`` starts on:
    next_start = "printf('%04d-04-01', substr(day, 1, 4) + (substr(day, 6, 2) >= '04'))"
    return (
        f"{name}(day) AS (SELECT {seek(repr('0000-01-01'))}"
        f" UNION ALL SELECT {seek(next_start)} FROM {name} WHERE day IS NOT NULL)"
    )


def _fiscal_year_of(column: str) -> str:
    """SQL: the 年度 of a stored 'YYYY-MM-DD' (January to March belong to the year before)."""
    return f"substr({column}, 1, 4) - (substr({column}, 6, 2) < '04')"


YEAR_DAYS_SQL = sa.text(
    "WITH RECURSIVE "
    + _skip_years("meeting_days", "meeting", "held_on")
    + ", "
    + _skip_years("entry_days", "progress_entry", "entry_date")
    # Projects (no index on their dates): one pass over the table for the distinct
    # pairs of 年度 a project starts and ends in (a few dozen), each as its April 1st.
    # The 年度 is cut from the stored 'YYYY-MM-DD' (strftime parses each date: 2-7x
    # slower); ifnull() keeps the planner off the deleted_at index, which would look
    # every row up through it instead of reading the table in order.
    + f", project_years(s, e) AS (SELECT DISTINCT {_fiscal_year_of('start_date')},"
    f" {_fiscal_year_of('end_date')} FROM project WHERE ifnull(deleted_at, NULL) IS NULL)"
    " SELECT day FROM meeting_days WHERE day IS NOT NULL"
    " UNION SELECT day FROM entry_days WHERE day IS NOT NULL"
    " UNION SELECT printf('%04d-04-01', s) FROM project_years WHERE s IS NOT NULL"
    " UNION SELECT printf('%04d-04-01', e) FROM project_years WHERE e IS NOT NULL"
)
"""One day in every 年度 with activity (a meeting, a progress entry, a project
starting or ending): one statement, whatever the number of years or rows."""


def fiscal_year_utc_bounds(year: int) -> tuple[datetime, datetime]:
    """[start, end) of 年度 ``year`` in Japan, as UTC instants (for created_at)."""
    first, last = fiscal_year_range(year)
    start = datetime.combine(first, time(), JST).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), JST).astimezone(UTC)
    return start, end


class ReportService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def available_years(self, *, today: date | None = None) -> list[int]:
        """The current 年度 and every 年度 with any activity (a meeting, a progress
        entry, a project running), newest first."""
        years = {fiscal_year(today or date.today())}
        with self.db.reading() as session:
            days = session.connection().execute(YEAR_DAYS_SQL).scalars().all()
        years |= {fiscal_year(date.fromisoformat(day)) for day in days if day}
        return sorted(years, reverse=True)

    @reads
    def activity_report(
        self,
        fiscal_year: int,
        *,
        area_id: uuid.UUID | None = None,
        coordinator_id: uuid.UUID | None = None,
    ) -> ActivityReport:
        """Meetings by kind and month, councils held, participants, projects by
        status, new organisations and contacts of one 年度.

        ``area_id`` keeps meetings held in that area (or below) or whose council or
        project lies there, projects in it and organisations serving it; ``coordinator_id``
        keeps meetings the coordinator attended and projects they lead (new
        organisations and contacts are not attributed to a coordinator).
        """
        first, last = fiscal_year_range(fiscal_year)
        profile = SettingsService(self.db).municipality()
        report = ActivityReport(fiscal_year=fiscal_year, municipality=profile.name, issuer=profile)
        with self.db.reading() as session:
            areas = area_subtree(session, area_id) if area_id is not None else None
            if area_id is not None:
                area = session.get(Area, area_id)
                report.area_name = area.name if area else ""
                stats = statistics_of(area) if area else None
                report.area_statistics = stats if stats is not None and not stats.is_empty else None
            if coordinator_id is not None:
                person = session.get(Coordinator, coordinator_id)
                report.coordinator_name = person.name if person else ""
                report.coordinator_tiers = self._coordinator_tiers(
                    session, coordinator_id, first, last
                )
            meetings = self._meetings(session, first, last, areas, coordinator_id)
            report.by_kind = self._by_kind(session, meetings)
            report.meetings = self._meeting_rows(session, meetings)
            report.progress = self._progress(session, first, last, areas, coordinator_id)
            report.by_month = self._by_month(session, meetings, fiscal_year)
            report.councils = self._councils(session, meetings)
            report.projects_by_status = self._projects(session, first, last, areas, coordinator_id)
            if coordinator_id is None:
                report.new_organisations, report.new_contacts = self._new_partners(
                    session, fiscal_year, areas
                )
                report.gathering_places = places_per_area_and_kind(
                    session, fiscal_year, areas, entered=fiscal_year_utc_bounds(fiscal_year)
                )
        return report

    @staticmethod
    def _coordinator_tiers(
        session: Session, coordinator_id: uuid.UUID, first: date, last: date
    ) -> list[str]:
        posts = session.exec(
            select(Assignment.tier, Assignment.tier_label)
            .where(live(Assignment))
            .where(Assignment.coordinator_id == coordinator_id)
            .where(Assignment.start_date <= last)
            .where(sa.or_(col(Assignment.end_date).is_(None), col(Assignment.end_date) >= first))
            .order_by(col(Assignment.tier), col(Assignment.start_date))
        ).all()
        return list(dict.fromkeys(tier_display(tier, label or "") for tier, label in posts))

    @staticmethod
    def _meetings(
        session: Session,
        first: date,
        last: date,
        areas: list[uuid.UUID] | None,
        coordinator_id: uuid.UUID | None,
    ) -> sa.Subquery:
        stmt = (
            sa.select(
                col(Meeting.id),
                col(Meeting.kind),
                col(Meeting.held_on),
                col(Meeting.council_id),
                (sa.func.coalesce(Meeting.participants_on_site, 0)).label("on_site"),
                (sa.func.coalesce(Meeting.participants_online, 0)).label("online"),
            )
            .where(live(Meeting))
            .where(col(Meeting.held_on) >= first)
            .where(col(Meeting.held_on) <= last)
        )
        if areas is not None:
            stmt = stmt.where(
                sa.or_(
                    col(Meeting.area_id).in_(areas),
                    col(Meeting.council_id).in_(
                        select(Council.id).where(col(Council.area_id).in_(areas))
                    ),
                    col(Meeting.project_id).in_(
                        select(Project.id).where(col(Project.area_id).in_(areas))
                    ),
                )
            )
        if coordinator_id is not None:
            stmt = stmt.where(
                col(Meeting.id).in_(
                    select(MeetingCoordinator.meeting_id)
                    .where(MeetingCoordinator.coordinator_id == coordinator_id)
                    .where(live(MeetingCoordinator))
                )
            )
        return stmt.subquery()

    @staticmethod
    def _meeting_rows(session: Session, m: sa.Subquery) -> list[MeetingRow]:
        rows = session.exec(
            select(  # type: ignore[call-overload]  # sqlmodel types select() up to 4 columns
                Meeting.held_on,
                Meeting.kind,
                Meeting.title,
                Meeting.venue,
                Meeting.participants_on_site,
                Meeting.participants_online,
            )
            .join(m, m.c.id == Meeting.id)
            .order_by(Meeting.held_on, Meeting.start_time, Meeting.title)
        ).all()
        order = {kind: index for index, kind in enumerate(MeetingKind)}
        found = [
            MeetingRow(
                held_on=held_on,
                kind=MeetingKind(kind),
                title=title,
                venue=venue,
                participants=None
                if on_site is None and online is None
                else (on_site or 0) + (online or 0),
            )
            for held_on, kind, title, venue, on_site, online in rows
        ]
        return sorted(found, key=lambda r: order[r.kind])  # stable: dates stay in order

    @staticmethod
    def _progress(
        session: Session,
        first: date,
        last: date,
        areas: list[uuid.UUID] | None,
        coordinator_id: uuid.UUID | None,
    ) -> list[ProgressRow]:
        stmt = (
            select(  # type: ignore[call-overload]  # sqlmodel types select() up to 4 columns
                Project.title,
                ProgressEntry.entry_date,
                ProgressEntry.text,
                ProgressEntry.author,
                Project.id,
            )
            .join(Project, Project.id == ProgressEntry.project_id)
            .where(live(ProgressEntry))
            .where(live(Project))
            .where(ProgressEntry.entry_date >= first)
            .where(ProgressEntry.entry_date <= last)
        )
        if areas is not None:
            stmt = stmt.where(col(Project.area_id).in_(areas))
        if coordinator_id is not None:
            stmt = stmt.where(Project.lead_coordinator_id == coordinator_id)
        rows = session.exec(stmt.order_by(Project.title, ProgressEntry.entry_date)).all()
        return [ProgressRow(*row) for row in rows]

    @staticmethod
    def _by_kind(session: Session, m: sa.Subquery) -> list[KindRow]:
        rows = session.exec(
            select(
                m.c.kind, sa.func.count(), sa.func.sum(m.c.on_site), sa.func.sum(m.c.online)
            ).group_by(m.c.kind)
        ).all()
        found = {MeetingKind(k): (n, a or 0, b or 0) for k, n, a, b in rows}
        return [KindRow(kind, *found[kind]) for kind in MeetingKind if kind in found]

    @staticmethod
    def _by_month(session: Session, m: sa.Subquery, year: int) -> list[MonthRow]:
        month = sa.func.strftime("%Y-%m", m.c.held_on)
        rows = session.exec(
            select(month, sa.func.count(), sa.func.sum(m.c.on_site + m.c.online)).group_by(month)
        ).all()
        found = {key: (n, p or 0) for key, n, p in rows}
        return [
            MonthRow(y, mo, *found.get(f"{y:04d}-{mo:02d}", (0, 0)))
            for y, mo in fiscal_months(year)
        ]

    @staticmethod
    def _councils(session: Session, m: sa.Subquery) -> list[CouncilRow]:
        rows = session.exec(
            select(  # type: ignore[call-overload]  # sqlmodel types select() up to 4 columns
                Council.name,
                Council.tier,
                sa.func.count(),
                sa.func.sum(m.c.on_site + m.c.online),
                Council.tier_label,
            )
            .join(m, m.c.council_id == Council.id)
            .group_by(Council.id)
            .order_by(Council.tier, Council.sort_kana)
        ).all()
        return [
            CouncilRow(name, tier, n, p or 0, tier_label or "")
            for name, tier, n, p, tier_label in rows
        ]

    @staticmethod
    def _projects(
        session: Session,
        first: date,
        last: date,
        areas: list[uuid.UUID] | None,
        coordinator_id: uuid.UUID | None,
    ) -> list[StatusRow]:
        stmt = (
            select(Project.status, sa.func.count())
            .where(live(Project))
            .where(sa.or_(col(Project.start_date).is_(None), col(Project.start_date) <= last))
            .where(sa.or_(col(Project.end_date).is_(None), col(Project.end_date) >= first))
        )
        if areas is not None:
            stmt = stmt.where(col(Project.area_id).in_(areas))
        if coordinator_id is not None:
            stmt = stmt.where(Project.lead_coordinator_id == coordinator_id)
        # Grouped by an expression, not the column: grouping by the status index would
        # read every project through it, in status order (3-5x a scan of the table).
        grouped = stmt.group_by(sa.func.ifnull(col(Project.status), sa.null()))
        found = dict(session.exec(grouped).all())
        return [StatusRow(s, found.get(s, 0)) for s in ProjectStatus]

    @staticmethod
    def _new_partners(
        session: Session, year: int, areas: list[uuid.UUID] | None
    ) -> tuple[int, int]:
        start, end = fiscal_year_utc_bounds(year)
        first, last = fiscal_year_range(year)
        # An organisation counts in the year it began (設立日); one without that
        # date in the year it was entered.
        established = col(Organisation.established_on)
        orgs = (
            select(Organisation.id)
            .where(live(Organisation))
            .where(
                sa.or_(
                    sa.and_(established.is_not(None), established >= first, established <= last),
                    sa.and_(
                        established.is_(None),
                        col(Organisation.created_at) >= start,
                        col(Organisation.created_at) < end,
                    ),
                )
            )
        )
        contacts = (
            select(sa.func.count())
            .select_from(Contact)
            .where(live(Contact))
            .where(Contact.created_at >= start)
            .where(Contact.created_at < end)
        )
        if areas is not None:
            serving = (
                select(OrganisationArea.organisation_id)
                .where(col(OrganisationArea.area_id).in_(areas))
                .where(live(OrganisationArea))
            )
            orgs = orgs.where(col(Organisation.id).in_(serving))
            contacts = contacts.where(col(Contact.organisation_id).in_(serving))
        org_count = session.exec(select(sa.func.count()).select_from(orgs.subquery())).one()
        return int(org_count), int(session.exec(contacts).one())
