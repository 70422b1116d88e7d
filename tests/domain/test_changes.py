"""RecordKind (the one list of kinds) and Changes (what one action touched)."""

from __future__ import annotations

import uuid

import pytest

from coordinator_app.domain.changes import ChangeFeed, Changes, Origin, acting
from coordinator_app.domain.record_kind import RecordKind


def test_search_numbers_are_the_ones_every_index_row_id_carries() -> None:
    # The number is part of each stored index row id: changing one breaks old files.
    assert {k.value: k.search_number for k in RecordKind.searchable()} == {
        "meeting": 1,
        "progress_entry": 2,
        "action_item": 3,
        "project": 4,
        "council": 5,
        "organisation": 6,
        "contact": 7,
        "coordinator": 8,
        "area": 9,
        "gathering_place": 10,
    }
    dated = {k.value for k in RecordKind.searchable() if k.dated}
    assert dated == {"meeting", "progress_entry", "action_item", "project", "council"}


def test_a_kind_is_its_string_and_has_a_label_and_table() -> None:
    assert RecordKind("meeting") is RecordKind.MEETING
    assert RecordKind.MEETING == "meeting" and {"meeting": 1}[RecordKind.MEETING] == 1
    assert RecordKind.PROGRESS_ENTRY.label == "進捗"
    assert RecordKind.of_table("user_profile") is RecordKind.PROFILE
    assert RecordKind.of_table("setting") is None
    assert len({k.search_number for k in RecordKind if k.search_number}) == 10


def test_changes_of_one_kind() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    changes = Changes.of(RecordKind.MEETING, [a, b])
    assert changes.touches(RecordKind.MEETING)
    assert changes.touches(RecordKind.AREA, RecordKind.MEETING)
    assert not changes.touches(RecordKind.AREA)
    assert changes.ids(RecordKind.MEETING) == {a, b}
    assert changes.ids(RecordKind.AREA) == frozenset()
    assert changes.origin is Origin.USER and bool(changes)
    assert not Changes()
    assert Changes.of(RecordKind.AREA).ids(RecordKind.AREA) == frozenset()
    assert Changes.of(RecordKind.AREA).touches(RecordKind.AREA)


def test_merging_keeps_every_kind_and_id_and_the_first_origin() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    left = Changes.of(RecordKind.MEETING, [a], origin=Origin.UNDO)
    right = Changes.of(RecordKind.ACTION_ITEM, [b])
    both = left | right
    assert both.kinds == {RecordKind.MEETING, RecordKind.ACTION_ITEM}
    assert both.ids(RecordKind.MEETING) == {a} and both.ids(RecordKind.ACTION_ITEM) == {b}
    assert both.origin is Origin.UNDO
    assert (Changes() | right).origin is Origin.USER
    assert (Changes() | left).origin is Origin.UNDO  # an empty change has no say
    assert not (left | right).all
    assert (left | Changes.everything()).all


def test_everything_touches_every_kind_and_lists_no_ids() -> None:
    changes = Changes.everything(origin=Origin.RESTORE)
    assert all(changes.touches(kind) for kind in RecordKind)
    assert changes.ids(RecordKind.MEETING) == frozenset()
    assert changes.origin is Origin.RESTORE


def test_changes_are_frozen_values() -> None:
    changes = Changes.of(RecordKind.AREA)
    with pytest.raises(AttributeError):
        changes.all = True  # type: ignore[misc]
    assert changes == Changes.of(RecordKind.AREA)


def test_the_feed_publishes_holds_a_batch_and_forgets_unsubscribed() -> None:
    feed = ChangeFeed()
    seen: list[Changes] = []
    unsubscribe = feed.subscribe(seen.append)
    feed.publish(Changes())
    assert seen == []  # nothing changed: nothing to tell
    with feed.batch():
        feed.publish(Changes.of(RecordKind.AREA))
        with feed.batch():
            feed.publish(Changes.of(RecordKind.MEETING))
        assert seen == []
    assert [c.kinds for c in seen] == [{RecordKind.AREA, RecordKind.MEETING}]
    unsubscribe()
    feed.publish(Changes.of(RecordKind.AREA))
    assert len(seen) == 1


def test_acting_names_the_origin_for_the_block_only() -> None:
    feed = ChangeFeed()
    assert feed.origin() is Origin.USER
    with acting(Origin.UNDO):
        assert feed.origin() is Origin.UNDO
    assert feed.origin() is Origin.USER
