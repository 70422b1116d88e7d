"""A desk logged in to a server: the account's profile is made present with the
account's role, and the services check writes against that role."""

from __future__ import annotations

import uuid

import pytest

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.services.access import AccessDenied, Account
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def test_the_accounts_profile_is_made_when_the_pull_has_not_brought_it(
    services: Services,
) -> None:
    account = Account(name="takahashi", role=ProfileRole.COORDINATOR, profile_id=uuid.uuid4())
    profile = services.profiles.adopt_account(account.profile_id, account)
    stored = services.profiles.get(account.profile_id)
    assert (profile.id, stored.name, stored.role) == (
        account.profile_id,
        "takahashi",
        ProfileRole.COORDINATOR,
    )


def test_an_existing_profile_keeps_its_name_and_takes_the_accounts_role(
    services: Services, make: Factory
) -> None:
    coordinator = make.coordinator()
    mine = services.profiles.save(
        UserProfile(
            name="山本 健",
            role=ProfileRole.COORDINATOR,
            coordinator_id=coordinator.id,
        )
    )
    account = Account(name="yamamoto", role=ProfileRole.SUPERVISOR, profile_id=mine.id)
    services.profiles.adopt_account(mine.id, account)
    stored = services.profiles.get(mine.id)
    assert (stored.name, stored.role, stored.coordinator_id) == (
        "山本 健",
        ProfileRole.SUPERVISOR,
        None,
    )


def test_a_supervisors_account_reads_only_even_before_its_profile_arrives(
    services: Services, make: Factory
) -> None:
    services.actor.account = Account(
        name="yamamoto", role=ProfileRole.SUPERVISOR, profile_id=uuid.uuid4()
    )
    assert services.actor.profile is None  # the actor of a bare Services resolves nothing
    assert not services.actor.may_write
    with pytest.raises(AccessDenied):
        make.coordinator()
    services.actor.account = None
    assert services.actor.may_write
