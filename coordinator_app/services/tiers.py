"""The municipality's list of local tiers (層の呼び名), stored with the data.

Coordinators' posts and councils pick their tier from the same list, and the
rule that checks a (tier, label) pair lives in :mod:`coordinator_app.domain.tiers`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain import tiers
from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Assignment, Council, Setting
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.domain.tiers import LocalTier
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import live, now
from coordinator_app.storage.database import Database

LOCAL_TIERS_KEY = "tiers.local"
_USERS: tuple[type[Assignment] | type[Council], ...] = (Assignment, Council)


def read_local_tiers(session: Session) -> list[LocalTier]:
    """The list inside an open session (services validating a record use this)."""
    row = _row(session)
    if row is None or row.deleted_at is not None:
        return []
    return tiers.loads(row.text_value)


def _row(session: Session) -> Setting | None:
    """The setting row, live or not (the key is unique)."""
    return session.exec(select(Setting).where(Setting.key == LOCAL_TIERS_KEY)).first()


@dataclass(frozen=True)
class TierUsage:
    """How many live posts and councils use a local tier."""

    assignments: int
    councils: int

    @property
    def total(self) -> int:
        return self.assignments + self.councils


class LocalTierService(Guarded):
    """Read and replace the list of local tiers."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def local_tiers(self) -> list[LocalTier]:
        with self.db.reading() as session:
            return read_local_tiers(session)

    @reads
    def usage(self) -> dict[str, TierUsage]:
        """Use counts by local label (labels nobody uses are absent)."""
        with self.db.reading() as session:
            counts = [dict(self._counts(session, model)) for model in _USERS]
        labels = set(counts[0]) | set(counts[1])
        return {
            label: TierUsage(counts[0].get(label, 0), counts[1].get(label, 0)) for label in labels
        }

    @staticmethod
    def _counts(session: Session, model: type[Assignment] | type[Council]) -> list[tuple[str, int]]:
        rows = session.exec(
            select(model.tier_label, sa.func.count())
            .where(live(model))
            .where(model.tier_label != "")
            .group_by(model.tier_label)
        ).all()
        return [(label, int(n)) for label, n in rows]

    @writes
    def save_local_tiers(
        self, local_tiers: Sequence[LocalTier], *, renamed: Mapping[str, str] | None = None
    ) -> list[LocalTier]:
        """Replace the list in one transaction.

        ``renamed`` maps an old label to its new one: posts and councils that
        used it follow. A changed ``counts_as`` moves every record using the
        label to that national tier, so reports count them there. A label still
        in use cannot be removed.

        Raises:
            ValidationError: keys ``row{n}`` for invalid rows, ``general`` for a
                removed label that is still used.
        """
        cleaned = [LocalTier(tiers.normalise_label(t.label), t.counts_as) for t in local_tiers]
        renamed = {
            tiers.normalise_label(old): tiers.normalise_label(new)
            for old, new in (renamed or {}).items()
            if tiers.normalise_label(old) != tiers.normalise_label(new)
        }
        problems = tiers.check_local_tiers(cleaned)
        if problems:
            raise ValidationError({f"row{n}": text for n, text in problems.items()})
        wanted = {t.label: t for t in cleaned}
        with self.db.writing() as session:
            before = read_local_tiers(session)
            for old in before:
                label = renamed.get(old.label, old.label)
                if label in wanted:
                    continue
                used = sum(
                    n
                    for model in _USERS
                    for name, n in self._counts(session, model)
                    if name == old.label
                )
                if used:
                    raise ValidationError(
                        {
                            "general": Message(
                                "tiers",
                                QT_TRANSLATE_NOOP(
                                    "tiers",
                                    "「{label}」は{used}件の担当・協議体で使われているため"
                                    "削除できません。先にそれらの層を変えてください",
                                ),
                                label=old.label,
                                used=used,
                            )
                        }
                    )
            stamp = now()
            for model in _USERS:
                for old_label, new_label in renamed.items():
                    if new_label not in wanted:
                        continue
                    session.execute(
                        sa.update(model)
                        .where(col(model.tier_label) == old_label)
                        .values(tier_label=new_label, updated_at=stamp)
                    )
                for local in cleaned:
                    session.execute(
                        sa.update(model)
                        .where(col(model.tier_label) == local.label)
                        .where(col(model.tier) != local.counts_as)
                        .values(tier=local.counts_as, updated_at=stamp)
                    )
            row = _row(session)
            if row is None:
                row = Setting(id=setting_id(LOCAL_TIERS_KEY), key=LOCAL_TIERS_KEY)
                session.add(row)
            row.text_value = tiers.dumps(cleaned)
            row.deleted_at = None
            row.updated_at = stamp
        return cleaned
