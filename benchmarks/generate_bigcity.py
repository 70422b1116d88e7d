"""Deterministic big-city database: 20 fiscal years of a large municipality.

    python -m benchmarks.generate_bigcity --out big.sqlite3 [--seed 7] [--scale 1.0]

At scale 1.0: 60 coordinators with rotations, 20,000 organisations (with
contacts), 500 councils, 500,000 meetings with Japanese minutes of realistic
length, attendance and action items, 20,000 projects with 2,000,000 progress
entries, and the search index over all of it. The schema comes from the app's
own migrations; rows are written with bulk SQL (the services would take hours,
and this is test data, not user input). The same seed and scale always give
the same database content.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from coordinator_app.storage.database import open_database
from coordinator_app.storage.search_index import (
    DAY_SHIFT,
    KIND_SHIFT,
    bigram_tokens,
    folded_body,
    kind_number,
)
from coordinator_app.storage.search_schema import CREATE_STATEMENTS

FIRST_YEAR = 2006
YEARS = 20
STAMP = "2026-04-01 00:00:00.000000"

SURNAMES = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
]
SURNAME_KANA = [
    "さとう",
    "すずき",
    "たかはし",
    "たなか",
    "いとう",
    "わたなべ",
    "やまもと",
    "なかむら",
    "こばやし",
    "かとう",
    "よしだ",
    "やまだ",
    "ささき",
    "やまぐち",
    "まつもと",
    "いのうえ",
    "きむら",
    "はやし",
    "さいとう",
    "しみず",
]
GIVEN = [
    "一郎",
    "花子",
    "誠",
    "恵子",
    "健一",
    "由美",
    "修",
    "和子",
    "隆",
    "美香",
    "大輔",
    "さくら",
    "浩",
    "節子",
    "真理",
]
GIVEN_KANA = [
    "いちろう",
    "はなこ",
    "まこと",
    "けいこ",
    "けんいち",
    "ゆみ",
    "おさむ",
    "かずこ",
    "たかし",
    "みか",
    "だいすけ",
    "さくら",
    "ひろし",
    "せつこ",
    "まり",
]
PLACES = [
    "北山",
    "南台",
    "本町",
    "緑ヶ丘",
    "川辺",
    "東原",
    "西浜",
    "中央",
    "桜木",
    "青葉",
    "若葉",
    "旭",
    "栄",
    "宮前",
    "松原",
    "泉",
    "新田",
    "駅前",
    "港",
    "丘の上",
]
TOPICS = [
    "見守り活動",
    "買い物支援",
    "通いの場",
    "サロン",
    "配食サービス",
    "移動支援",
    "ゴミ出し支援",
    "認知症カフェ",
    "子ども食堂",
    "防災訓練",
    "体操教室",
    "居場所づくり",
    "担い手養成",
    "ICT講座",
    "空き家活用",
    "孤立防止",
    "生活支援サポーター",
    "ちょっとした困りごと",
    "ボランティア募集",
]
ORG_KINDS = [
    ("neighbourhood_association", "{p}町会", "{pk}ちょうかい", 0.45),
    ("npo", "NPO法人 {p}{t}の会", "えぬぴーおーほうじん {pk}のかい", 0.12),
    ("seniors_club", "{p}老人クラブ", "{pk}ろうじんくらぶ", 0.12),
    ("welfare_commissioner", "{p}地区民生委員協議会", "{pk}ちくみんせいいいんきょうぎかい", 0.08),
    ("company", "{p}商店会", "{pk}しょうてんかい", 0.1),
    ("support_center", "{p}地域包括支援センター", "{pk}ちいきほうかつしえんせんたー", 0.05),
    ("other", "{p}{t}グループ", "{pk}ぐるーぷ", 0.08),
]
PLACE_KANA = [
    "きたやま",
    "みなみだい",
    "ほんちょう",
    "みどりがおか",
    "かわべ",
    "ひがしはら",
    "にしはま",
    "ちゅうおう",
    "さくらぎ",
    "あおば",
    "わかば",
    "あさひ",
    "さかえ",
    "みやまえ",
    "まつばら",
    "いずみ",
    "しんでん",
    "えきまえ",
    "みなと",
    "おかのうえ",
]
MEETING_KINDS = [
    ("council", 0.25),
    ("community_care", 0.12),
    ("small_area_care", 0.1),
    ("liaison", 0.2),
    ("exchange_of_views", 0.08),
    ("training", 0.07),
    ("course", 0.08),
    ("forum", 0.03),
    ("gathering", 0.05),
    ("results_presentation", 0.01),
    ("other", 0.01),
]
KIND_TITLES = {
    "council": "協議体 定例会",
    "community_care": "地域ケア会議",
    "small_area_care": "小地域ケア会議",
    "liaison": "生活支援コーディネーター連絡会",
    "exchange_of_views": "意見交換会",
    "training": "研修会",
    "course": "地域づくり講座",
    "forum": "支え合いフォーラム",
    "gathering": "通いの場交流会",
    "results_presentation": "成果発表会",
    "other": "打合せ",
}
SENTENCES = [
    "{p}地区の{t}について現状を共有した。",
    "{t}の担い手が不足しているとの報告があった。",
    "社協から{t}の実施状況について説明があり、意見交換を行った。",
    "包括より高齢者の{t}に関する相談が増えているとの報告があった。",
    "町会長から{p}の{t}を来年度も継続したいとの意見があった。",
    "民生委員より、{t}の対象者の把握が課題であるとの指摘があった。",
    "NPOと連携した{t}の試行について検討した。",
    "次回までに{t}の参加者アンケートを集計することとした。",
    "{p}の公民館を会場とした{t}の開催日程を調整した。",
    "参加者から{t}の情報をもっと発信してほしいとの要望があった。",
]


def hexid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def weighted(rng: random.Random, pairs: list[tuple]) -> tuple:
    roll, total = rng.random(), 0.0
    for pair in pairs:
        total += pair[-1]
        if roll <= total:
            return pair
    return pairs[-1]


def text_of(rng: random.Random, sentences: int) -> str:
    return "".join(
        rng.choice(SENTENCES).format(p=rng.choice(PLACES), t=rng.choice(TOPICS))
        for _ in range(sentences)
    )


def batched(rows: Iterator[tuple], size: int = 20_000) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Generator:
    def __init__(self, conn: sqlite3.Connection, seed: int, scale: float) -> None:
        self.conn = conn
        self.rng = random.Random(seed)
        self.scale = scale
        self.search_rows: list[tuple] = []

    def n(self, full: int, minimum: int = 1) -> int:
        return max(minimum, int(full * self.scale))

    def insert(self, table: str, columns: str, rows: Iterator[tuple]) -> int:
        count = 0
        marks = ",".join("?" * len(columns.split(",")))
        for batch in batched(rows):
            self.conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", batch)
            count += len(batch)
        return count

    def index(
        self,
        kind: str,
        record_id: str,
        title: str,
        fields: list[str],
        held_on: str | None,
        area_id: str | None,
    ) -> None:
        day = date.fromisoformat(held_on) if held_on else date(2026, 4, 1)
        self.search_rows.append(
            (
                kind_number(kind),
                day.toordinal(),
                kind,
                record_id,
                title,
                folded_body(fields),
                held_on,
                area_id,
            )
        )

    def run(self) -> dict[str, int]:
        rng = self.rng
        counts: dict[str, int] = {}
        common = "created_at, updated_at"
        # Areas: city > 6 districts > 25 daily-life areas > 57 school districts.
        city = hexid(rng)
        areas = [(city, "政令市", "せいれいし", "municipality", None)]
        districts = [
            (hexid(rng), f"{PLACES[i]}区", f"{PLACE_KANA[i]}く", "district", city) for i in range(6)
        ]
        daily = [
            (
                hexid(rng),
                f"{PLACES[i % 20]}第{i // 20 + 1}圏域",
                f"{PLACE_KANA[i % 20]}だい{i // 20 + 1}けんいき",
                "daily_life_area",
                districts[i % 6][0],
            )
            for i in range(25)
        ]
        schools = [
            (
                hexid(rng),
                f"{PLACES[i % 20]}第{i // 20 + 1}小学校区",
                f"{PLACE_KANA[i % 20]}しょうがっこうく",
                "school_district",
                daily[i % 25][0],
            )
            for i in range(57)
        ]
        areas += districts + daily + schools
        counts["area"] = self.insert(
            "area",
            f"id, {common}, name, kana, sort_kana, kind, parent_id, notes",
            ((a, STAMP, STAMP, n, k, k, kind, p, "") for a, n, k, kind, p in areas),
        )
        daily_ids = [a[0] for a in daily]
        # Organisations and contacts.
        orgs = []
        for i in range(self.n(20_000)):
            kind, name, kana_, _ = weighted(rng, ORG_KINDS)
            place = rng.randrange(20)
            orgs.append(
                (
                    hexid(rng),
                    name.format(p=PLACES[place], t=rng.choice(TOPICS)) + f"{i}",
                    kana_.format(pk=PLACE_KANA[place]) + f"{i}",
                    kind,
                )
            )
        counts["organisation"] = self.insert(
            "organisation",
            f"id, {common}, name, kana, sort_kana, kind, operation, address, "
            "phone, email, website, notes",
            (
                (
                    o,
                    STAMP,
                    STAMP,
                    n,
                    k,
                    k,
                    kind,
                    "contracted" if kind == "support_center" else None,
                    f"{PLACES[j % 20]}{j % 9 + 1}-{j % 30 + 1}",
                    f"03-{5000 + j % 4000:04d}-{j % 10000:04d}",
                    "",
                    "",
                    "",
                )
                for j, (o, n, k, kind) in enumerate(orgs)
            ),
        )
        self.insert(
            "organisation_area",
            f"id, {common}, organisation_id, area_id",
            ((hexid(rng), STAMP, STAMP, o[0], daily_ids[j % 25]) for j, o in enumerate(orgs)),
        )
        for o, n, _k, _kind in orgs:
            self.index("organisation", o, n, [n, _k], None, None)
        contacts = []
        for o, org_name, _k, _kind in orgs:
            for _ in range(rng.choice((0, 1, 1, 2))):
                s = rng.randrange(20)
                g = rng.randrange(15)
                contacts.append(
                    (
                        hexid(rng),
                        o,
                        f"{SURNAMES[s]} {GIVEN[g]}",
                        f"{SURNAME_KANA[s]} {GIVEN_KANA[g]}",
                        org_name,
                    )
                )
        counts["contact"] = self.insert(
            "contact",
            f"id, {common}, organisation_id, name, kana, sort_kana, role, phone, email, notes",
            ((c, STAMP, STAMP, o, n, k, k, "担当", "", "", "") for c, o, n, k, _on in contacts),
        )
        for c, _o, n, k, org_name in contacts:
            self.index("contact", c, n, [n, k, "担当", org_name], None, None)
        # Coordinators with rotations over 20 years.
        coordinators = []
        for i in range(self.n(60, 4)):
            s, g = i % 20, (i * 7) % 15
            coordinators.append(
                (hexid(rng), f"{SURNAMES[s]} {GIVEN[g]}{i}", f"{SURNAME_KANA[s]} {GIVEN_KANA[g]}")
            )
        counts["coordinator"] = self.insert(
            "coordinator",
            f"id, {common}, name, kana, sort_kana, phone, email, office_hours, "
            "message, consult_topics, notes",
            (
                (
                    c,
                    STAMP,
                    STAMP,
                    n,
                    k,
                    k,
                    "",
                    "",
                    "平日 9:00〜17:00",
                    "地域の活動を応援します",
                    "",
                    "",
                )
                for c, n, k in coordinators
            ),
        )
        for c, n, k in coordinators:
            self.index(
                "coordinator",
                c,
                n,
                [n, k, "地域の活動を応援します", "", "平日 9:00〜17:00"],
                None,
                None,
            )
        assignments = []
        for post in range(26):
            area = city if post == 0 else daily_ids[post - 1]
            year = FIRST_YEAR
            while year < FIRST_YEAR + YEARS:
                length = rng.choice((3, 4, 5))
                person = coordinators[rng.randrange(len(coordinators))][0]
                end = min(year + length, FIRST_YEAR + YEARS)
                assignments.append(
                    (
                        hexid(rng),
                        person,
                        1 if post == 0 else 2,
                        area,
                        f"{year}-04-01",
                        None if end == FIRST_YEAR + YEARS else f"{end}-03-31",
                    )
                )
                year = end
        counts["assignment"] = self.insert(
            "assignment",
            f"id, {common}, coordinator_id, tier, tier_label, area_id, "
            "organisation_id, concurrent, start_date, end_date, notes",
            (
                (a, STAMP, STAMP, c, t, "", ar, None, 1, s, e, "")
                for a, c, t, ar, s, e in assignments
            ),
        )
        # Councils.
        councils = []
        for i in range(self.n(500)):
            area = city if i == 0 else daily_ids[i % 25]
            councils.append(
                (
                    hexid(rng),
                    f"{PLACES[i % 20]}支え合い協議体{i}",
                    f"{PLACE_KANA[i % 20]}ささえあいきょうぎたい{i}",
                    1 if i == 0 else 2,
                    area,
                )
            )
        counts["council"] = self.insert(
            "council",
            f"id, {common}, name, kana, sort_kana, tier, area_id, purpose, status, "
            "established_on, usual_venue, notes",
            (
                (
                    c,
                    STAMP,
                    STAMP,
                    n,
                    k,
                    k,
                    t,
                    a,
                    "地域の支え合いを協議する",
                    "established",
                    f"{FIRST_YEAR}-07-01",
                    f"{n}会場",
                    "",
                )
                for c, n, k, t, a in councils
            ),
        )
        for c, n, k, _t, a in councils:
            self.index(
                "council",
                c,
                n,
                [n, k, "地域の支え合いを協議する", f"{n}会場"],
                f"{FIRST_YEAR}-07-01",
                a,
            )
        # Projects and their progress log.
        projects = []
        days = YEARS * 365
        for i in range(self.n(20_000)):
            start = date(FIRST_YEAR, 4, 1) + timedelta(days=rng.randrange(days - 400))
            projects.append(
                (
                    hexid(rng),
                    f"{rng.choice(PLACES)}の{rng.choice(TOPICS)}プロジェクト{i}",
                    daily_ids[i % 25],
                    coordinators[i % len(coordinators)][0],
                    start,
                )
            )
        statuses = ("in_progress", "completed", "completed", "not_started", "cancelled")
        counts["project"] = self.insert(
            "project",
            f"id, {common}, title, program, area_id, lead_coordinator_id, goal, status, "
            "progress, start_date, end_date, outcome",
            (
                (
                    p,
                    STAMP,
                    STAMP,
                    t,
                    "independent",
                    a,
                    lead,
                    f"{t}を進める",
                    statuses[j % 5],
                    (j * 37) % 101,
                    s.isoformat(),
                    (s + timedelta(days=365)).isoformat(),
                    "",
                )
                for j, (p, t, a, lead, s) in enumerate(projects)
            ),
        )
        for p, t, a, _lead, s in projects:
            self.index("project", p, t, [t, f"{t}を進める", ""], s.isoformat(), a)
        per_project = max(1, self.n(2_000_000) // len(projects))

        def progress_rows() -> Iterator[tuple]:
            for p, _t, a, _lead, s in projects:
                for k in range(per_project):
                    day = (s + timedelta(days=k * 3 + rng.randrange(3))).isoformat()
                    body = text_of(rng, rng.choice((1, 2, 2, 3)))
                    entry = hexid(rng)
                    self.index("progress_entry", entry, body[:80], [body], day, a)
                    yield (entry, STAMP, STAMP, p, day, body, "", None)

        counts["progress_entry"] = self.insert(
            "progress_entry",
            f"id, {common}, project_id, entry_date, text, author, author_profile_id",
            progress_rows(),
        )
        # Meetings with attendance and action items.
        council_area = {c[0]: c[4] for c in councils}
        meeting_count = self.n(500_000)
        links: list[tuple] = []
        items: list[tuple] = []

        def meeting_rows() -> Iterator[tuple]:
            for i in range(meeting_count):
                kind = weighted(rng, MEETING_KINDS)[0]
                day = (
                    date(FIRST_YEAR, 4, 1) + timedelta(days=i * days // meeting_count)
                ).isoformat()
                council = councils[rng.randrange(len(councils))][0] if kind == "council" else None
                project = projects[rng.randrange(len(projects))] if rng.random() < 0.1 else None
                meeting = hexid(rng)
                place = rng.choice(PLACES)
                title = f"{place} {KIND_TITLES[kind]}"
                agenda = (
                    f"1. {rng.choice(TOPICS)}について\n2. {rng.choice(TOPICS)}の報告\n3. その他"
                )
                minutes = text_of(rng, rng.randrange(4, 12))
                decisions = text_of(rng, 1)
                area = council_area.get(council) if council else (project[2] if project else None)
                self.index(
                    "meeting",
                    meeting,
                    title,
                    [title, f"{place}公民館", agenda, minutes, decisions],
                    day,
                    area,
                )
                for c in rng.sample(coordinators, k=min(2, len(coordinators))):
                    links.append(("meeting_coordinator", hexid(rng), meeting, c[0]))
                for o in rng.sample(orgs, k=min(3, len(orgs))):
                    links.append(("meeting_organisation", hexid(rng), meeting, o[0]))
                if rng.random() < 0.6:
                    item = hexid(rng)
                    text = f"{rng.choice(TOPICS)}の資料を準備する"
                    due = (date.fromisoformat(day) + timedelta(days=30)).isoformat()
                    items.append(
                        (
                            item,
                            meeting,
                            text,
                            coordinators[i % len(coordinators)][0],
                            due,
                            1 if i < meeting_count * 0.97 else 0,
                        )
                    )
                    self.index("action_item", item, text, [text], day, area)
                yield (
                    meeting,
                    STAMP,
                    STAMP,
                    kind,
                    title,
                    day,
                    "14:00:00.000000",
                    "15:30:00.000000",
                    f"{place}公民館",
                    "on_site",
                    30,
                    None,
                    council,
                    project[0] if project else None,
                    rng.randrange(5, 30),
                    None,
                    agenda,
                    minutes,
                    decisions,
                    None,
                    None,
                )

        counts["meeting"] = self.insert(
            "meeting",
            f"id, {common}, kind, title, held_on, start_time, end_time, venue, mode, "
            "capacity_on_site, capacity_online, council_id, project_id, participants_on_site, "
            "participants_online, agenda, minutes, decisions, series_id, session_number",
            meeting_rows(),
        )
        for table, column in (
            ("meeting_coordinator", "coordinator_id"),
            ("meeting_organisation", "organisation_id"),
        ):
            counts[table] = self.insert(
                table,
                f"id, {common}, meeting_id, {column}",
                ((i, STAMP, STAMP, m, t) for tb, i, m, t in links if tb == table),
            )
        counts["action_item"] = self.insert(
            "action_item",
            f"id, {common}, meeting_id, text, owner_coordinator_id, "
            "owner_contact_id, due_date, done",
            ((i, STAMP, STAMP, m, t, c, None, d, done) for i, m, t, c, d, done in items),
        )
        return counts

    def build_index(self) -> int:
        """Index rows with the app's id scheme (kind, day, sequence), then the FTS tables."""
        conn = self.conn
        conn.execute("DROP TRIGGER search_entry_ai")
        self.search_rows.sort(key=lambda r: (r[0], r[1]))

        def rows() -> Iterator[tuple]:
            previous, sequence = None, 0
            for number, ordinal, kind, record_id, title, body, held_on, area in self.search_rows:
                sequence = sequence + 1 if (number, ordinal) == previous else 0
                previous = (number, ordinal)
                rowid = (number << KIND_SHIFT) | (ordinal << DAY_SHIFT) | sequence
                yield (rowid, kind, record_id, title, body, held_on, area)

        self.insert("search_entry", "id, kind, record_id, title, body, held_on, area_id", rows())
        conn.execute("INSERT INTO search_trigram(search_trigram) VALUES ('rebuild')")
        count = 0
        for batch in batched(iter(conn.execute("SELECT id, body FROM search_entry ORDER BY id"))):
            conn.executemany(
                "INSERT INTO search_bigram(rowid, bigrams) VALUES (?, ?)",
                [(rowid, bigram_tokens(body)) for rowid, body in batch],
            )
            count += len(batch)
        conn.execute("INSERT INTO search_bigram(search_bigram) VALUES ('optimize')")
        conn.execute("INSERT INTO search_trigram(search_trigram) VALUES ('optimize')")
        conn.execute(next(s for s in CREATE_STATEMENTS if "search_entry_ai" in s))
        self.search_rows.clear()
        return count


def generate(
    path: Path, *, seed: int = 7, scale: float = 1.0, quiet: bool = False
) -> dict[str, int]:
    """Create the database at ``path`` (which must not exist)."""
    if path.exists():
        raise FileExistsError(path)
    open_database(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    started = time.perf_counter()
    conn.execute("BEGIN")
    generator = Generator(conn, seed, scale)
    counts = generator.run()
    if not quiet:
        print(f"records written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    counts["search_entry"] = generator.build_index()
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    if not quiet:
        print(f"done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    counts = generate(args.out, seed=args.seed, scale=args.scale)
    for table, count in counts.items():
        print(f"{table:24} {count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
