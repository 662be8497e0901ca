"""Writes to governance records: checked first, all or nothing."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actions.models import Plan
from actions.services import lead_get_or_create
from governance.governancefile import GOVERNANCE_FILE
from governance.models import Body, Meeting, Membership, Signatory
from kentplan.datafile import DataFileError, LineDict, Problem, parse
from targets.services import upsert


def governance_import_text(*, text: str) -> None:
    """Import a governance file (bodies, meetings, sign-offs); raises DataFileError."""
    data = parse(text)
    problems = GOVERNANCE_FILE.check(data) or _check_references(data)
    if problems:
        raise DataFileError(problems)
    try:
        with transaction.atomic():
            bodies = {b["slug"]: _write_body(b) for b in data.get("bodies") or []}
            for record in data.get("bodies") or []:
                _set_reporting_lines(bodies[record["slug"]], record.get("reports_to") or [])
            for record in data.get("meetings") or []:
                _write_meeting(record)
            for record in data.get("signoffs") or []:
                _write_signoff(record)
    except (ValidationError, IntegrityError) as error:
        raise DataFileError([Problem(0, "file", f"the database refused it: {error}")]) from error


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


def _write_body(record: LineDict) -> Body:
    body = upsert(
        Body,
        {"slug": record["slug"]},
        {
            "name": record["name"],
            "kind": record["kind"],
            "established": record.get("established"),
            "meets": record.get("meets", ""),
            "description": record.get("description", ""),
            "source": record.get("source", ""),
        },
    )
    for order, member in enumerate(record.get("members") or [], start=1):
        lead = lead_get_or_create(name=member["name"], organisation=member.get("organisation"))
        upsert(
            Membership,
            {"body": body, "lead": lead},
            {
                "role": member.get("role", Membership.Role.MEMBER),
                "capacity": member.get("capacity", ""),
                "order": order,
            },
        )
    return body


def _set_reporting_lines(body: Body, slugs: list[str]) -> None:
    wanted = set(Body.objects.filter(slug__in=slugs))
    if set(body.reports_to.all()) != wanted:
        body.reports_to.set(wanted)


def _write_meeting(record: LineDict) -> Meeting:
    return upsert(
        Meeting,
        {"body": Body.objects.get(slug=record["body"]), "date": record["date"]},
        {
            "title": record["title"],
            "note": record.get("note", ""),
            "source": record.get("source", ""),
            "is_sample": False,
        },
    )


def _write_signoff(record: LineDict) -> None:
    plan = Plan.objects.get(slug=record["plan"])
    for order, line in enumerate(record["signatories"], start=1):
        upsert(
            Signatory,
            {"plan": plan, "lead": lead_get_or_create(name=line["name"])},
            {"capacity": line.get("capacity", ""), "order": order},
        )
