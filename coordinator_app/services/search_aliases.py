"""Search aliases (言い換え): words people type for what records spell out.

社協 for 社会福祉協議会, 包括 for 地域包括支援センター, 町会 / 町内会 / 自治会 for
the same kind of association. Each alias is a group of equivalent words; a
search for any word of a group also finds the others (``expand``), applied at
query time, so editing the list needs no re-indexing.

The list lives in the database (a ``Setting`` row), so every desk of the
municipality shares it with its data; until someone edits it the defaults
apply. This module must not import ``services.base`` (which imports the
search module that imports this one).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache

from sqlmodel import Session, select

from coordinator_app.domain import kana
from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Setting
from coordinator_app.domain.validation import Errors, clean_text
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.storage.database import Database

ALIAS_KEY = "search.aliases"
SEPARATORS = ("=", "＝", "、", ",", "，", "↔")
MAX_GROUPS = 300
MAX_WORD = 50
MAX_VARIANTS = 12
"""A query expands to at most this many searches."""

DEFAULT_ALIASES = """\
社協 = 社会福祉協議会
包括 = 地域包括支援センター
町会 = 町内会 = 自治会
ボラセン = ボランティアセンター
社福 = 社会福祉法人
老人クラブ = シニアクラブ = 高齢者クラブ
シルバー人材 = シルバー人材センター
民児協 = 民生委員児童委員協議会
生活支援コーディネーター = 地域支え合い推進員 = SC
"""

Groups = list[tuple[str, ...]]


def parse(text: str) -> tuple[Groups, dict[str, str]]:
    """The groups of ``text`` (one per line, words separated by ``=``) and the errors
    per line (``{"aliases": message}`` when any)."""
    errors = Errors()
    groups: Groups = []
    problems: list[str] = []
    for number, line in enumerate(clean_text(text, multiline=True).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for separator in SEPARATORS[1:]:
            line = line.replace(separator, SEPARATORS[0])
        words = tuple(dict.fromkeys(w.strip() for w in line.split("=") if w.strip()))
        if len(words) < 2:
            problems.append(f"{number}行目: 「=」で区切って二つ以上の言葉を書いてください")
        elif any(len(w) > MAX_WORD for w in words):
            problems.append(f"{number}行目: 言葉は{MAX_WORD}文字以内にしてください")
        else:
            groups.append(words)
    if len(groups) > MAX_GROUPS:
        problems.append(f"言い換えは{MAX_GROUPS}行までにしてください")
    if problems:
        errors.add("aliases", "\n".join(problems[:5]))
    return groups, errors.errors


def format_groups(groups: Iterable[Sequence[str]]) -> str:
    return "".join(" = ".join(group) + "\n" for group in groups)


def load_text(session: Session) -> str:
    """The stored alias list (the defaults when none was saved), in ``session``.

    Every search reads it: one fixed statement, nothing for SQLAlchemy to compile."""
    text = (
        session.connection()
        .exec_driver_sql(
            "SELECT text_value FROM setting WHERE key = ? AND deleted_at IS NULL", (ALIAS_KEY,)
        )
        .scalar()
    )
    return DEFAULT_ALIASES if text is None else str(text)


def load_groups(session: Session) -> Groups:
    return list(_parsed(load_text(session)))


@lru_cache(maxsize=4)
def _parsed(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(parse(text)[0])


def expand(folded_query: str, groups: Iterable[Sequence[str]]) -> list[str]:
    """The query, then each variant with a word of a group replaced by the others.

    ``folded_query`` is already folded (:func:`kana.normalise`); so are the words
    before they are compared, so 「ｼｬｷｮｳ」 style differences do not matter.
    """
    variants = [folded_query]
    for group in groups:
        words = [kana.normalise(w) for w in group]
        for current in list(variants):
            for word in words:
                if word and word in current:
                    for other in words:
                        candidate = current.replace(word, other)
                        if candidate not in variants:
                            variants.append(candidate)
                            if len(variants) >= MAX_VARIANTS:
                                return variants
    return variants


class SearchAliasService(Guarded):
    """Read and change the alias list of the open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def text(self) -> str:
        """The list as the user edits it: one group per line, ``社協 = 社会福祉協議会``."""
        with self.db.reading() as session:
            return load_text(session)

    @reads
    def groups(self) -> Groups:
        with self.db.reading() as session:
            return load_groups(session)

    @writes
    def save(self, text: str) -> Groups:
        """Check and store ``text``; returns its groups.

        Raises:
            ValidationError: a line has fewer than two words or too long a word;
                nothing is stored.
        """
        from coordinator_app.domain.validation import ValidationError

        groups, errors = parse(text)
        if errors:
            raise ValidationError(errors)
        with self.db.writing() as session:
            row = session.exec(select(Setting).where(Setting.key == ALIAS_KEY)).first()
            row = row or Setting(id=setting_id(ALIAS_KEY), key=ALIAS_KEY)
            row.text_value = format_groups(groups)
            row.updated_at = datetime.now(UTC)
            row.deleted_at = None
            session.add(row)
        return groups

    @writes
    def reset(self) -> Groups:
        """Go back to the defaults."""
        return self.save(DEFAULT_ALIASES)
