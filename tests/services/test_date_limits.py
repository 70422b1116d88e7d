"""Issue 11.8: the services refuse dates outside 1868-01-01..2200-12-31, field by field."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator_app.domain.models import ActionItem, ProgressEntry
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from tests.conftest import Factory


@pytest.mark.parametrize("bad", [date(1, 1, 1), date(1867, 12, 31), date(9999, 12, 31)])
def test_extreme_dates_are_refused_by_every_service(
    services: Services, make: Factory, bad: date
) -> None:
    with pytest.raises(ValidationError) as caught:
        make.meeting(held_on=bad)
    assert "開催日は1868年1月1日から2200年12月31日まで" in caught.value.errors["held_on"]
    project = make.project()
    with pytest.raises(ValidationError) as caught:
        services.progress.save(ProgressEntry(project_id=project.id, entry_date=bad, text="x"))
    assert "entry_date" in caught.value.errors
    meeting = make.meeting()
    with pytest.raises(ValidationError) as caught:
        services.action_items.save(ActionItem(meeting_id=meeting.id, text="x", due_date=bad))
    assert caught.value.errors["due_date"].startswith("期限は1868年1月1日から")
    with pytest.raises(ValidationError):
        make.project(start_date=bad)


def test_the_edges_of_the_range_are_stored(services: Services, make: Factory) -> None:
    first = make.meeting(held_on=date(1868, 1, 1))
    last = make.meeting(held_on=date(2200, 12, 31))
    assert services.meetings.get(first.id).held_on == date(1868, 1, 1)
    assert services.meetings.get(last.id).held_on == date(2200, 12, 31)
