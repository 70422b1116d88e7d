"""Every table model passes Qt's model tester, with data in it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from coordinator_app.domain.models import ActionItem, CouncilMembership, ProgressEntry
from coordinator_app.services.registry import Services
from coordinator_app.ui.areas.area_model import AreaTableModel
from coordinator_app.ui.common.table_model import ID_ROLE, RecordTableModel
from coordinator_app.ui.coordinators.assignment_model import AssignmentTableModel
from coordinator_app.ui.coordinators.coordinator_model import CoordinatorTableModel
from coordinator_app.ui.councils.council_meeting_model import CouncilMeetingModel
from coordinator_app.ui.councils.council_model import CouncilTableModel
from coordinator_app.ui.councils.membership_model import MembershipTableModel
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.meetings.action_item_model import ActionItemTableModel
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.organisations.contact_model import ContactTableModel
from coordinator_app.ui.organisations.organisation_model import OrganisationTableModel
from coordinator_app.ui.organisations.participation_model import (
    CouncilParticipationModel,
    MeetingParticipationModel,
)
from coordinator_app.ui.projects.project_model import ProjectTableModel
from tests.conftest import Factory


@pytest.fixture
def world(make: Factory) -> dict[str, object]:
    s = make.s
    city = make.city("若葉市")
    north = make.area("北部圏域", parent=city)
    org = make.organisation()
    contact = make.contact(org)
    person = make.coordinator()
    make.assignment(person, north)
    council = make.council(city)
    s.council_members.save(CouncilMembership(council_id=council.id, organisation_id=org.id))
    project = make.project(lead_coordinator_id=person.id)
    meeting = make.meeting(council_id=council.id, project_id=project.id)
    s.meetings.save(meeting, coordinator_ids=[person.id], organisation_ids=[org.id])
    s.action_items.save(
        ActionItem(meeting_id=meeting.id, text="依頼する", due_date=date(2023, 1, 31))
    )
    s.progress.save(ProgressEntry(project_id=project.id, entry_date=date(2023, 5, 1), text="開始"))
    return {
        "person": person.id,
        "org": org.id,
        "council": council.id,
        "meeting": meeting.id,
        "project": project.id,
        "contact": contact.id,
    }


class SmallPageOrganisationModel(OrganisationTableModel):
    PAGE_SIZE = 3


LIST_MODELS = [
    (AreaTableModel, "areas"),
    (CoordinatorTableModel, "coordinators"),
    (OrganisationTableModel, "organisations"),
    (CouncilTableModel, "councils"),
    (MeetingTableModel, "meetings"),
    (ProjectTableModel, "projects"),
]


@pytest.mark.parametrize(("model_cls", "service_name"), LIST_MODELS)
def test_list_models(
    qtmodeltester: ModelTester,
    services: Services,
    world: dict[str, object],
    model_cls: type[RecordTableModel],
    service_name: str,
) -> None:
    model = model_cls(getattr(services, service_name), DateFormat())
    model.refresh()
    assert model.rowCount() >= 1
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0), ID_ROLE) == model.record_at(0).id  # type: ignore[union-attr]
    # The tester stays connected: every re-sort (a model reset) is checked again.
    for column in range(model.columnCount()):
        if model.is_sortable(column):
            model.sort(column, Qt.SortOrder.DescendingOrder)
            assert model.query.descending


def test_list_model_pages_with_fetch_more(
    qtmodeltester: ModelTester, services: Services, make: Factory
) -> None:
    # (The area list is a tree read whole; organisations page.)
    for i in range(8):
        make.organisation(f"町会{i}", kana=f"ちょうかい{i}")
    model = SmallPageOrganisationModel(services.organisations, DateFormat())
    model.refresh()
    assert (model.rowCount(), model.total) == (3, 8)
    assert model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    model.fetch_all()
    assert model.rowCount() == 8
    assert not model.canFetchMore()


def test_child_models(
    qtmodeltester: ModelTester, services: Services, world: dict[str, object]
) -> None:
    dates = DateFormat(wareki=True)
    cases = [
        (AssignmentTableModel(services.assignments, dates), world["person"]),
        (ContactTableModel(services.contacts, dates), world["org"]),
        (CouncilParticipationModel(services.organisations, dates), world["org"]),
        (MeetingParticipationModel(services.organisations, dates), world["org"]),
        (MembershipTableModel(services.council_members, dates), world["council"]),
        (CouncilMeetingModel(services.councils, dates), world["council"]),
        (ActionItemTableModel(services.action_items, dates), world["meeting"]),
    ]
    for model, owner in cases:
        model.load(owner)  # type: ignore[arg-type]
        assert model.rowCount() == 1, type(model).__name__
    for model, _owner in cases:
        qtmodeltester.check(model, force_py=True)
        model.refresh()
