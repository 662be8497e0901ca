"""Writes to governance records: checked first, all or nothing."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from actions.models import Lead, Plan
from actions.planload import leads_get_or_create
from governance.governancefile import GOVERNANCE_FILE
from governance.models import (
    AgendaItem,
    Attendance,
    BoardAction,
    BoardActionNote,
    Body,
    CommitteePaper,
    Decision,
    Meeting,
    Membership,
    PaperSection,
    Signatory,
)
from governance.rules import may_sign
from kentplan.bulk import Row, keyed, sync
from kentplan.datafile import DataFileError, LineDict, Problem, parse


def governance_import_text(*, text: str) -> None:
    """Import a governance file (bodies, meetings, sign-offs); raises DataFileError."""
    data = parse(text)
    problems = GOVERNANCE_FILE.check(data) or _check_references(data)
    if problems:
        raise DataFileError(problems)
    try:
        with transaction.atomic():
            leads = leads_get_or_create(_people(data))
            bodies = _write_bodies(data.get("bodies") or [], leads)
            for record in data.get("bodies") or []:
                _set_reporting_lines(bodies[record["slug"]], record.get("reports_to") or [])
            _write_meetings(data.get("meetings") or [])
            for record in data.get("signoffs") or []:
                _write_signoff(record, leads)
    except (ValidationError, IntegrityError) as error:
        raise DataFileError([Problem(0, "file", f"the database refused it: {error}")]) from error


def _people(data: LineDict) -> list[dict]:
    """Everyone the file names, once each, with the organisation it first gives them."""
    people: dict[str, dict] = {}
    for body in data.get("bodies") or []:
        for member in body.get("members") or []:
            people.setdefault(member["name"], member)
    for signoff in data.get("signoffs") or []:
        for line in signoff["signatories"]:
            people.setdefault(line["name"], {"name": line["name"]})
    return [{"name": n, "organisation": p.get("organisation")} for n, p in people.items()]


def _check_references(data: LineDict) -> list[Problem]:
    problems = []
    slugs = {b["slug"] for b in data.get("bodies") or []}
    slugs |= set(Body.objects.values_list("slug", flat=True))
    for body in data.get("bodies") or []:
        for slug in body.get("reports_to") or []:
            if slug not in slugs:
                message = f"reports to '{slug}', which is not a body"
                problems.append(Problem(body.line, f"body {body['slug']}", message))
    for meeting in data.get("meetings") or []:
        if meeting["body"] not in slugs:
            message = f"'{meeting['body']}' is not a body"
            problems.append(Problem(meeting.line, "meeting", message))
    for signoff in data.get("signoffs") or []:
        if not Plan.objects.filter(slug=signoff["plan"]).exists():
            message = f"the plan '{signoff['plan']}' is not loaded; import it first"
            problems.append(Problem(signoff.line, "signoff", message))
    return problems


def _write_bodies(records: list, leads: dict) -> dict[str, Body]:
    existing = keyed(Body.objects.filter(slug__in=[r["slug"] for r in records]), lambda b: b.slug)
    wanted = {
        r["slug"]: Row(
            {
                "slug": r["slug"],
                "name": r["name"],
                "kind": r["kind"],
                "established": r.get("established"),
                "meets": r.get("meets", ""),
                "description": r.get("description", ""),
                "source": r.get("source", ""),
            },
            r.line,
            f"body {r['slug']}",
        )
        for r in records
    }
    bodies = sync(Body, existing, wanted).objects
    members = {}
    for r in records:
        for order, m in enumerate(r.get("members") or [], start=1):
            values = {
                "body": bodies[r["slug"]],
                "lead": leads[m["name"]],
                "role": m.get("role", Membership.Role.MEMBER),
                "capacity": m.get("capacity", ""),
                "order": order,
            }
            key = (bodies[r["slug"]].pk, leads[m["name"]].pk)
            members[key] = Row(values, m.line, f"body {r['slug']}, member {m['name']}")
    memberships = Membership.objects.filter(body__in=list(bodies.values()))
    sync(Membership, keyed(memberships, lambda m: (m.body_id, m.lead_id)), members)
    return bodies


def _set_reporting_lines(body: Body, slugs: list[str]) -> None:
    wanted = set(Body.objects.filter(slug__in=slugs))
    if set(body.reports_to.all()) != wanted:
        body.reports_to.set(wanted)


def _write_meetings(records: list) -> None:
    bodies = keyed(Body.objects.filter(slug__in={r["body"] for r in records}), lambda b: b.slug)
    wanted = {}
    for r in records:
        body, day = bodies[r["body"]], _day(r["date"])
        values = {
            "body": body,
            "date": day,
            "title": r["title"],
            "note": r.get("note", ""),
            "source": r.get("source", ""),
            "is_sample": False,
        }
        wanted[(body.pk, day)] = Row(values, r.line, f"meeting of {r['body']} on {day}")
    existing = Meeting.objects.filter(body__in=list(bodies.values()))
    sync(Meeting, keyed(existing, lambda m: (m.body_id, m.date)), wanted)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _write_signoff(record: LineDict, leads: dict) -> None:
    plan = Plan.objects.get(slug=record["plan"])
    wanted = {
        leads[line["name"]].pk: Row(
            {
                "plan": plan,
                "lead": leads[line["name"]],
                "capacity": line.get("capacity", ""),
                "order": order,
            },
            getattr(line, "line", record.line),
            f"signoff of {record['plan']}, {line['name']}",
        )
        for order, line in enumerate(record["signatories"], start=1)
    }
    sync(Signatory, keyed(Signatory.objects.filter(plan=plan), lambda x: x.lead_id), wanted)


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


# Meetings ------------------------------------------------------------------------------


def _one_meeting_a_day(body: Body, day: date, meeting: Meeting | None = None) -> None:
    others = Meeting.objects.filter(body=body, date=day)
    if meeting is not None:
        others = others.exclude(pk=meeting.pk)
    if others.exists():
        raise ValidationError({"date": f"{body.name} already has a meeting on {day:%-d %B %Y}."})


def meeting_record(*, body: Body, date: date, title: str, note: str = "") -> Meeting:
    """Record a meeting of a body."""
    _one_meeting_a_day(body, date)
    with transaction.atomic():
        return _save(Meeting(body=body, date=date, title=title, note=note))


def meeting_edit(*, meeting: Meeting, date: date, title: str, note: str = "") -> Meeting:
    """Change a meeting's date, title or note."""
    _one_meeting_a_day(meeting.body, date, meeting)
    with transaction.atomic():
        meeting.date, meeting.title, meeting.note = date, title, note
        return _save(meeting)


def agenda_item_save(
    *, meeting: Meeting, item: AgendaItem | None = None, order: int, title: str,
    presenter: str = "", paper_title: str = "", paper_url: str = "",
) -> AgendaItem:  # fmt: skip
    """Add an item to a meeting's agenda, or change one."""
    item = item or AgendaItem(meeting=meeting)
    if item.meeting_id != meeting.pk:
        raise PermissionDenied
    if meeting.agenda_items.filter(order=order).exclude(pk=item.pk).exists():
        raise ValidationError({"order": f"The agenda already has an item {order}."})
    item.order, item.title, item.presenter = order, title, presenter
    item.paper_title, item.paper_url = paper_title, paper_url
    with transaction.atomic():
        return _save(item)


def attendance_record(*, meeting: Meeting, statuses: dict[Lead, str]) -> None:
    """Set who attended and who sent apologies; a blank status removes the person's line."""
    with transaction.atomic():
        for lead, status in statuses.items():
            if not status:
                Attendance.objects.filter(meeting=meeting, lead=lead).delete()
                continue
            line = Attendance.objects.filter(meeting=meeting, lead=lead).first()
            line = line or Attendance(meeting=meeting, lead=lead)
            line.status = status
            _save(line)


def decision_record(
    *, meeting: Meeting, text: str, agenda_item: AgendaItem | None, decision: Decision | None = None
) -> Decision:
    """Record a decision of a meeting (or change one), under one of its agenda items if given."""
    decision = decision or Decision(meeting=meeting)
    if decision.meeting_id != meeting.pk:
        raise PermissionDenied
    decision.text, decision.agenda_item = text, agenda_item
    with transaction.atomic():
        return _save(decision)


def board_action_raise(
    *, meeting: Meeting, description: str, owner: Lead, due_date: date | None
) -> BoardAction:
    """Put an action arising on the body's log; it stays there until a meeting closes it."""
    with transaction.atomic():
        return _save(
            BoardAction(raised_at=meeting, description=description, owner=owner, due_date=due_date)
        )


def board_action_update(
    *, action: BoardAction, meeting: Meeting, note: str, owner: Lead, due_date: date | None,
    close: bool,
) -> BoardAction:  # fmt: skip
    """Report on an action at a meeting: a note, a new owner or date, or closing it."""
    if meeting.body_id != action.raised_at.body_id:
        raise ValidationError({"meeting": "Choose a meeting of the body that raised the action."})
    with transaction.atomic():
        action.owner, action.due_date = owner, due_date
        if close:
            action.status, action.closed_at = BoardAction.Status.CLOSED, meeting
        else:
            action.status, action.closed_at = BoardAction.Status.OPEN, None
        _save(action)
        if note:
            _save(BoardActionNote(action=action, meeting=meeting, text=note))
        return action


# Signing off a plan --------------------------------------------------------------------


def plan_sign(*, signatory: Signatory, user) -> Signatory:
    """The member signs their own line of the plan's sign-off, timestamped now."""
    if not may_sign(user, signatory):
        raise PermissionDenied("Only the member named on this line can sign it.")
    with transaction.atomic():
        line = Signatory.objects.select_for_update().get(pk=signatory.pk)
        if line.is_signed:
            raise ValidationError("You have already signed this plan.")
        line.signed_at = timezone.now()
        line.signed_on = timezone.localdate(line.signed_at)
        line.signed_by = user
        return _save(line)


# Committee papers ----------------------------------------------------------------------


@dataclass
class SectionInput:
    heading: str
    body: str


PAPER_FIELDS = [
    "plan", "by", "to", "subject", "classification", "summary", "as_at", "previous_paper_date",
    "readings_from", "recommendations", "contact_name", "contact_title", "contact_phone",
    "contact_email", "background_documents",
]  # fmt: skip


NEW_PAPER_SECTIONS = [
    {"heading": "Introduction", "body": ""},
    {"heading": "Progress to date", "body": "[progress]"},
    {"heading": "Impact on Performance", "body": "[performance]"},
]


def committee_paper_draft(*, meeting: Meeting) -> CommitteePaper:
    """A new, unsaved draft for the meeting, dated and linked to the last paper like it."""
    previous = (
        CommitteePaper.objects.filter(meeting__date__lt=meeting.date)
        .select_related("plan")
        .order_by("-meeting__date")
        .first()
    )
    plan = previous.plan if previous else Plan.objects.order_by("-date").first()
    return CommitteePaper(
        meeting=meeting, plan=plan, as_at=meeting.date,
        previous_paper_date=previous.meeting.date if previous else None,
        readings_from=previous.as_at if previous else None, contact_name="",
    )  # fmt: skip


def committee_paper_save(
    *, paper: CommitteePaper, fields: dict, indicators, sections: list[SectionInput]
) -> CommitteePaper:
    """Save a draft's wording and its sections, all or nothing; an issued paper never changes."""
    if paper.pk and CommitteePaper.objects.filter(pk=paper.pk, status="issued").exists():
        raise ValidationError("This paper has been issued and can no longer be changed.")
    if not sections:
        raise ValidationError("A paper needs at least one section.")
    for name in PAPER_FIELDS:
        if name in fields:
            setattr(paper, name, fields[name])
    with transaction.atomic():
        _save(paper)
        paper.indicators.set(indicators)
        paper.sections.all().delete()
        for order, section in enumerate(sections, start=1):
            _save(PaperSection(paper=paper, order=order, heading=section.heading,
                               body=section.body))  # fmt: skip
        return paper


def committee_paper_mark_issued(*, paper: CommitteePaper) -> CommitteePaper:
    """Freeze a draft once its PDF is issued (called by reports when issuing it): from then
    on its wording never changes; a correction is a new issue that supersedes the old."""
    with transaction.atomic():
        locked = CommitteePaper.objects.select_for_update().get(pk=paper.pk)
        if not locked.is_issued:
            locked.status = CommitteePaper.Status.ISSUED
            locked.full_clean()
            locked.save(update_fields=["status"])
    paper.status = CommitteePaper.Status.ISSUED
    return paper
