"""Every committed write publishes what it touched; a rolled-back one publishes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from coordinator_app.domain.changes import Changes, Origin, acting
from coordinator_app.domain.enums import AreaKind, MeetingKind, MeetingMode, ProfileRole
from coordinator_app.domain.models import ActionItem, Area, Meeting, UserProfile
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.conftest import Factory


@pytest.fixture
def published(db: Database) -> list[Changes]:
    seen: list[Changes] = []
    db.changes.subscribe(seen.append)
    return seen


def test_a_save_publishes_its_kind_and_id_after_the_commit(
    services: Services, db: Database, published: list[Changes]
) -> None:
    visible: list[bool] = []

    def check_committed(changes: Changes) -> None:
        # A subscriber reads the database: the record is already there.
        (record_id,) = changes.ids(RecordKind.AREA)
        with db.reading() as session:
            visible.append(session.get(Area, record_id) is not None)

    db.changes.subscribe(check_committed)
    area = services.areas.save(Area(name="若葉市", kana="わかばし", kind=AreaKind.MUNICIPALITY))
    assert len(published) == 1
    (changes,) = published
    assert changes.kinds == {RecordKind.AREA}
    assert changes.ids(RecordKind.AREA) == {area.id}
    assert changes.origin is Origin.USER and changes.profile_id is None
    assert visible == [True]


def test_a_refused_save_publishes_nothing(services: Services, published: list[Changes]) -> None:
    with pytest.raises(ValidationError):
        services.areas.save(Area(name="", kana="", kind=AreaKind.MUNICIPALITY))
    assert published == []


def test_a_rolled_back_transaction_publishes_nothing(
    db: Database, published: list[Changes]
) -> None:
    with pytest.raises(RuntimeError), db.writing() as session:
        session.add(Area(name="消える市", kana="きえるし", kind=AreaKind.MUNICIPALITY))
        session.flush()  # the row was written, then the action fails
        raise RuntimeError("disk gone")
    assert published == []
    with db.reading() as session:
        assert session.exec(select(Area)).all() == []


def test_links_count_as_a_change_of_their_owner(
    services: Services, make: Factory, published: list[Changes]
) -> None:
    person = make.coordinator()
    org = make.organisation()
    published.clear()
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="連絡会",
            held_on=date(2024, 5, 1),
            mode=MeetingMode.ON_SITE,
        ),
        coordinator_ids=[person.id],
        organisation_ids=[org.id],
    )
    (changes,) = published
    assert changes.kinds == {RecordKind.MEETING}
    assert changes.ids(RecordKind.MEETING) == {meeting.id}
    assert not changes.touches(RecordKind.COORDINATOR, RecordKind.ORGANISATION)


def test_delete_and_restore_publish_with_the_origin_of_the_action(
    services: Services, make: Factory, published: list[Changes]
) -> None:
    meeting = make.meeting()
    item = services.action_items.save(ActionItem(meeting_id=meeting.id, text="名簿を配る"))
    published.clear()
    services.action_items.soft_delete(item.id)
    with acting(Origin.UNDO):
        services.action_items.restore(item.id)
    assert [(c.kinds, c.ids(RecordKind.ACTION_ITEM), c.origin) for c in published] == [
        ({RecordKind.ACTION_ITEM}, {item.id}, Origin.USER),
        ({RecordKind.ACTION_ITEM}, {item.id}, Origin.UNDO),
    ]


def test_the_profile_in_use_is_named(services: Services, published: list[Changes]) -> None:
    profile = services.profiles.save(
        UserProfile(name="高橋 美咲", kana="たかはし みさき", role=ProfileRole.COORDINATOR)
    )
    services.actor.follow(lambda: profile)
    published.clear()
    services.areas.save(Area(name="若葉市", kana="わかばし", kind=AreaKind.MUNICIPALITY))
    assert [c.profile_id for c in published] == [profile.id]


def test_loading_the_demo_announces_everything(
    services: Services, published: list[Changes]
) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    assert len(published) == 1 and published[0].all


def test_an_import_publishes_its_records_once_as_an_import(
    services: Services, db: Database, tmp_path: Path, published: list[Changes]
) -> None:
    from coordinator_app.services.transfer.fields import ORGANISATIONS
    from coordinator_app.services.transfer.importing import preview_import, run_import
    from coordinator_app.services.transfer.mappings import suggest_mapping
    from coordinator_app.services.transfer.reading import read_table

    path = tmp_path / "in.csv"
    path.write_text(
        "団体名,ふりがな\n若葉台町会,わかばだいちょうかい\n北山サロン,\n", encoding="utf-8"
    )
    table = read_table(path, known_headers=ORGANISATIONS.header_texts)
    mapping = suggest_mapping(ORGANISATIONS, table.headers)
    preview_import(services, ORGANISATIONS, table, mapping)
    assert published == []  # a preview writes nothing
    outcome = run_import(services, ORGANISATIONS, table, mapping)
    stored = {r.record_id for r in outcome.rows if r.record_id is not None}
    assert len(stored) == 2
    (changes,) = published
    assert changes.origin is Origin.IMPORT
    assert changes.ids(RecordKind.ORGANISATION) == stored


def test_a_read_only_database_refuses_the_demo_before_writing(db: Database, db_path: Path) -> None:
    from coordinator_app.services.demo import load_demo
    from coordinator_app.storage.read_only import ReadOnlyDatabaseError, open_read_only

    read_only = open_read_only(db_path)
    seen: list[Changes] = []
    read_only.changes.subscribe(seen.append)
    try:
        with pytest.raises(ReadOnlyDatabaseError):
            load_demo(Services.create(read_only))
    finally:
        read_only.close()
    assert seen == []
