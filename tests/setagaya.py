"""Seed 003: Setagaya's 伴走支援 project with its six progress entries (2017-08-28 to 11-28),
typed from the Tokyo Hometown Project page, as a test fixture."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from PIL import Image

from coordinator_app.domain.enums import ProfileRole, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project, UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile

TITLE = "世田谷区 伴走支援"
GOAL = "初めて挑戦する参加型講座企画。地域活動の担い手発掘を目指す。"
NARRATIVE = (
    "世田谷区では、「住み慣れた地域で支えあい、自分らしく安心して暮らし続けられる地域社会」"
    "=地域包括ケアシステムの構築に向け、区内を5つの地域、27の日常生活圏域に分け、"
    "地域の実情に応じた支えあいの仕組みづくりを推進しています。\n\n"
    "しかし、まだまだそうした活動の担い手が不足しているのが現状です。そこで今年度(2017年度)は、"
    "地域参加に対する住民の「きっかけづくり」に力を入れることになりました。"
)
OUTCOME = (
    "講座全5回を開催し、参加者同士が出会うきっかけをつくった。"
    "来年度以降の継続方針を関係者で共有した。"
)

ENTRIES: list[tuple[date, str]] = [
    (
        date(2017, 8, 28),
        "現状のヒアリングを行い、今後の方向性とスケジュールを確認しました。"
        "その後、9月から開催する講座について、内容の検討を行いました。",
    ),
    (
        date(2017, 9, 5),
        "前回の打合せを踏まえて、本講座の開催経緯、世田谷区および担当課の実施に向けた意向を"
        "再度確認し、講座内容の改善を行いました。また、講座に先立って開催された講演について、"
        "当日の様子を共有しました。",
    ),
    (
        date(2017, 9, 14),
        "第1回の講座に立ち合いました。講座終了後には振り返りと、次回の講座に向けた修正点などに"
        "ついて打ち合わせを行いました。",
    ),
    (date(2017, 9, 14), "第1回講座の様子(2)"),
    (
        date(2017, 11, 7),
        "第5回の講座に立ち合いました。第1回講座以降、随時電話やメール等でのやり取りを経て、"
        "内容や進行がとてもよいものになっていました。今回の様子を踏まえて、来年度以降に"
        "いかに続けるか、また日を改めて検討予定です。",
    ),
    (
        date(2017, 11, 28),
        "講座全5回が無事終了したところで、関係者で振り返りを行いました。これまで講座を実施して"
        "みての感想や反省点を出し合い、今年度の成果を来年度につなげるための方針を検討しました。",
    ),
]


def photo(width: int = 640, height: int = 480, colour: str = "#6a9fd8") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Setagaya:
    project: Project
    entries: list[ProgressEntry]
    coordinator: UserProfile
    supervisor: UserProfile


def make_setagaya(services: Services, *, reviewed: bool = True) -> Setagaya:
    """The project, its six entries (a photo on the second 09-14 entry), the
    municipality's name and department; every entry reviewed when ``reviewed``."""
    services.settings.save_municipality(
        MunicipalityProfile(name="世田谷区", department="高齢福祉部介護予防・地域支援課")
    )
    coordinator = services.profiles.save(
        UserProfile(name="世田谷 担当", kana="せたがや たんとう", role=ProfileRole.COORDINATOR)
    )
    supervisor = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと けん", role=ProfileRole.SUPERVISOR)
    )
    project = services.projects.save(
        Project(
            title=TITLE,
            program=ProjectProgram.ACCOMPANIMENT,
            status=ProjectStatus.COMPLETED,
            progress=100,
            start_date=date(2017, 8, 1),
            end_date=date(2018, 3, 31),
            goal=GOAL,
            outcome=OUTCOME,
        )
    )
    services.project_pages.save_narrative(project.id, NARRATIVE)
    entries = [
        services.progress.save_by(
            ProgressEntry(project_id=project.id, entry_date=day, text=text), coordinator
        )
        for day, text in ENTRIES
    ]
    services.attachments.add(
        filename="第1回講座の様子.jpg", content=photo(), progress_entry_id=entries[3].id
    )
    if reviewed:
        services.reviews.mark_reviewed([e.id for e in entries], supervisor, "確認しました")
    return Setagaya(project, entries, coordinator, supervisor)
