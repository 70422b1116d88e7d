"""The demo municipality (若葉台市, fictional) loaded from data/demo_municipality.json."""

from __future__ import annotations

import json
import uuid
from datetime import date, time
from importlib import resources
from typing import Any

from sqlmodel import Session

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProjectProgram,
    ProjectStatus,
    SupportCenterOperation,
)
from coordinator_app.domain.gathering_places import STATUS_LABELS, GatheringPlaceStatus
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Assignment,
    Contact,
    Coordinator,
    Council,
    CouncilMembership,
    GatheringPlace,
    Meeting,
    MeetingCoordinator,
    MeetingOrganisation,
    Organisation,
    OrganisationArea,
    ProgressEntry,
    Project,
    ProjectOrganisation,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRound,
)
from coordinator_app.domain.surveys import (
    STATUS_OPTIONS,
    QuestionKind,
    SurveyStatus,
    options_to_json,
)
from coordinator_app.services.base import sync_links
from coordinator_app.services.projects import ProjectMember
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile

DEMO_RESOURCE = "demo_municipality.json"


def demo_document() -> dict[str, Any]:
    text = (resources.files("coordinator_app.data") / DEMO_RESOURCE).read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def load_demo(services: Services) -> None:
    """Load the demo municipality in one transaction (all of it or nothing)."""
    doc = demo_document()
    refs: dict[str, uuid.UUID] = {}
    s = services
    with s.db.writing(everything=True) as session:

        def link(
            model: type, owner_column: str, owner: uuid.UUID, target_column: str, targets: list[str]
        ) -> None:
            sync_links(
                session,
                model,
                owner_column=owner_column,
                owner_id=owner,
                target_column=target_column,
                target_ids=[refs[t] for t in targets],
            )

        for a in doc["areas"]:
            area = s.areas._save(
                session,
                Area(
                    name=a["name"],
                    kana=a["kana"],
                    kind=AreaKind(a["kind"]),
                    parent_id=refs.get(a.get("parent", "")),
                    population=a.get("population"),
                    households=a.get("households"),
                    aging_rate=a.get("aging_rate"),
                    stats_as_of=_date(a.get("stats_as_of")),
                ),
            )
            refs[a["ref"]] = area.id
        for o in doc["organisations"]:
            org = s.organisations._save(
                session,
                Organisation(
                    name=o["name"],
                    kana=o["kana"],
                    kind=OrgKind(o["kind"]),
                    operation=SupportCenterOperation(o["operation"])
                    if o.get("operation")
                    else None,
                    address=o.get("address", ""),
                    phone=o.get("phone", ""),
                    email=o.get("email", ""),
                    website=o.get("website", ""),
                    established_on=_date(o.get("established")),
                ),
            )
            refs[o["ref"]] = org.id
            link(OrganisationArea, "organisation_id", org.id, "area_id", o.get("areas", []))
        for c in doc["contacts"]:
            contact = s.contacts._save(
                session,
                Contact(
                    organisation_id=refs[c["organisation"]],
                    name=c["name"],
                    kana=c["kana"],
                    role=c.get("role", ""),
                    phone=c.get("phone", ""),
                ),
            )
            refs[c["ref"]] = contact.id
        for c in doc["coordinators"]:
            person = s.coordinators._save(
                session,
                Coordinator(
                    name=c["name"],
                    kana=c["kana"],
                    phone=c.get("phone", ""),
                    email=c.get("email", ""),
                    office_hours=c.get("office_hours", ""),
                    message=c.get("message", ""),
                    consult_topics=c.get("consult_topics", ""),
                ),
            )
            refs[c["ref"]] = person.id
        for a in doc["assignments"]:
            s.assignments._save(
                session,
                Assignment(
                    coordinator_id=refs[a["coordinator"]],
                    tier=a["tier"],
                    area_id=refs[a["area"]],
                    organisation_id=refs.get(a.get("organisation", "")),
                    concurrent=a.get("concurrent", False),
                    start_date=date.fromisoformat(a["start"]),
                    end_date=_date(a.get("end")),
                    notes=a.get("notes", ""),
                ),
            )
        for c in doc["councils"]:
            council = s.councils._save(
                session,
                Council(
                    name=c["name"],
                    kana=c["kana"],
                    tier=c["tier"],
                    area_id=refs[c["area"]],
                    purpose=c.get("purpose", ""),
                    status=CouncilStatus(c["status"]),
                    established_on=_date(c.get("established")),
                    usual_venue=c.get("usual_venue", ""),
                ),
            )
            refs[c["ref"]] = council.id
            for member, role in c.get("members", []):
                s.council_members._save(
                    session,
                    CouncilMembership(
                        council_id=council.id,
                        organisation_id=refs[member],
                        role=role,
                    ),
                )
        for p in doc["projects"]:
            project = s.projects._save(
                session,
                Project(
                    title=p["title"],
                    program=ProjectProgram(p["program"]),
                    area_id=refs.get(p.get("area", "")),
                    lead_coordinator_id=refs.get(p.get("lead", "")),
                    goal=p.get("goal", ""),
                    status=ProjectStatus(p["status"]),
                    progress=p.get("progress", 0),
                    start_date=_date(p.get("start")),
                    end_date=_date(p.get("end")),
                    outcome=p.get("outcome", ""),
                ),
            )
            refs[p["ref"]] = project.id
            link(ProjectOrganisation, "project_id", project.id, "organisation_id", p["partners"])
            s.projects._save_members(
                session,
                project.id,
                [ProjectMember(kind, refs[person], role) for kind, person, role in p["members"]],
            )
            lead_name = next(
                (c["name"] for c in doc["coordinators"] if c["ref"] == p.get("lead")), ""
            )
            for entry_date, text in p.get("entries", []):
                s.progress._save(
                    session,
                    ProgressEntry(
                        project_id=project.id,
                        entry_date=date.fromisoformat(entry_date),
                        text=text,
                        author=lead_name,
                    ),
                )
        for m in doc["meetings"]:
            meeting = s.meetings._save(
                session,
                Meeting(
                    kind=MeetingKind(m["kind"]),
                    title=m["title"],
                    held_on=date.fromisoformat(m["date"]),
                    start_time=_time(m.get("start")),
                    end_time=_time(m.get("end")),
                    venue=m.get("venue", ""),
                    mode=MeetingMode(m.get("mode", "on_site")),
                    capacity_on_site=m.get("capacity_on_site"),
                    capacity_online=m.get("capacity_online"),
                    participants_on_site=m.get("participants_on_site"),
                    participants_online=m.get("participants_online"),
                    council_id=refs.get(m.get("council") or ""),
                    project_id=refs.get(m.get("project") or ""),
                    area_id=refs.get(m.get("area") or ""),
                    agenda=m.get("agenda", ""),
                    minutes=m.get("minutes", ""),
                    decisions=m.get("decisions", ""),
                ),
            )
            link(MeetingCoordinator, "meeting_id", meeting.id, "coordinator_id", m["coordinators"])
            link(
                MeetingOrganisation, "meeting_id", meeting.id, "organisation_id", m["organisations"]
            )
            for item in m.get("actions", []):
                s.action_items._save(
                    session,
                    ActionItem(
                        meeting_id=meeting.id,
                        text=item["text"],
                        owner_coordinator_id=refs.get(item.get("owner") or ""),
                        due_date=_date(item.get("due")),
                        done=item.get("done", False),
                    ),
                )
        places = []
        for g in doc.get("gathering_places", []):
            place = s.gathering_places._save(
                session,
                GatheringPlace(
                    name=g["name"],
                    kana=g.get("kana", ""),
                    kind=g["kind"],
                    area_id=refs.get(g.get("area") or ""),
                    meeting_place=g.get("meeting_place", ""),
                    address=g.get("address", ""),
                    schedule_text=g.get("schedule", ""),
                    fee=g.get("fee", ""),
                    capacity=g.get("capacity"),
                    usual_attendance=g.get("usual_attendance"),
                    eligibility=g.get("eligibility", ""),
                    barrier_free=g.get("barrier_free", False),
                    transport=g.get("transport", False),
                    organisation_id=refs.get(g.get("organisation") or ""),
                    contact_name=g.get("contact_name", ""),
                    contact_phone=g.get("contact_phone", ""),
                    contact_printable=g.get("contact_printable", False),
                    status=GatheringPlaceStatus(g.get("status", "active")),
                    started_on=_date(g.get("started_on")),
                    status_since=_date(g.get("status_since")),
                ),
            )
            places.append(place)
        _demo_survey(session, places)
    profile = MunicipalityProfile(**doc["municipality"])
    s.settings.save_municipality(profile)


def _demo_survey(session: Session, places: list[GatheringPlace]) -> None:
    """令和6年度 通いの場調査: four questions, answers from two places in three."""
    survey = SurveyRound(
        name="令和6年度 通いの場調査",
        fiscal_year=2024,
        starts_on=date(2024, 6, 1),
        ends_on=date(2024, 7, 31),
        status=SurveyStatus.CLOSED,
    )
    session.add(survey)
    session.flush()  # no ORM relationships: the round is written before what refers to it
    questions = [
        SurveyQuestion(
            round_id=survey.id,
            position=number,
            prompt=prompt,
            kind=kind,
            options=options_to_json(options),
            place_field=field,
        )
        for number, (prompt, kind, options, field) in enumerate(
            (
                ("ふだんの参加者数", QuestionKind.NUMBER, [], "usual_attendance"),
                ("活動の状況", QuestionKind.CHOICE, list(STATUS_OPTIONS), "status"),
                (
                    "担い手は足りていますか",
                    QuestionKind.CHOICE,
                    ["足りている", "やや不足", "不足"],
                    "",
                ),
                ("困っていること・要望", QuestionKind.TEXT, [], ""),
            ),
            start=1,
        )
    ]
    session.add_all(questions)
    session.flush()
    helpers = ("足りている", "やや不足", "不足")
    wishes = ("会場の予約が取りにくい", "男性の参加が少ない", "", "送迎の手が足りない")
    for index, place in enumerate(places):
        if index % 3 == 2:
            continue  # not answered (yet)
        attendance = (place.usual_attendance or 10) + index % 4 - 1
        values = (
            str(max(attendance, 0)),
            STATUS_LABELS[place.status],
            helpers[index % 3],
            wishes[index % 4],
        )
        for question, value in zip(questions, values, strict=True):
            if value:
                session.add(
                    SurveyAnswer(
                        round_id=survey.id,
                        place_id=place.id,
                        question_id=question.id,
                        question_text=question.prompt,
                        value=value,
                    )
                )
