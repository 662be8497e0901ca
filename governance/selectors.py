"""Reads of governance records, each with what its page needs fetched up front."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from actions.models import Lead, Plan
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


def body_get(*, slug: str) -> Body:
    return get_object_or_404(Body, slug=slug)


def meetings_for_body(*, body: Body) -> QuerySet[Meeting]:
    """The body's meetings, newest first, with how much each records."""
    return (
        Meeting.objects.filter(body=body)
        .annotate(
            item_count=Count("agenda_items", distinct=True),
            decision_count=Count("decisions", distinct=True),
        )
        .order_by("-date")
    )


def meeting_get(*, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def meeting_get_for_page(*, pk: int) -> Meeting:
    """The meeting with its agenda, attendance and decisions."""
    items = AgendaItem.objects.order_by("order")
    attendance = Attendance.objects.select_related("lead__organisation").order_by(
        "-status", "lead__name"
    )
    decisions = Decision.objects.select_related("agenda_item")
    return get_object_or_404(
        Meeting.objects.select_related("body").prefetch_related(
            Prefetch("agenda_items", queryset=items),
            Prefetch("attendance", queryset=attendance),
            Prefetch("decisions", queryset=decisions),
            Prefetch("committee_papers", queryset=CommitteePaper.objects.order_by("pk")),
        ),
        pk=pk,
    )


def board_action_log(*, meeting: Meeting) -> QuerySet[BoardAction]:
    """The body's action log as it stood at this meeting: every action raised at it or
    before, not closed at an earlier meeting (those closed at this one included)."""
    notes = BoardActionNote.objects.filter(meeting__date__lte=meeting.date).select_related(
        "meeting"
    )
    return (
        BoardAction.objects.filter(
            raised_at__body_id=meeting.body_id, raised_at__date__lte=meeting.date
        )
        .filter(Q(closed_at__isnull=True) | Q(closed_at__date__gte=meeting.date))
        .select_related("raised_at", "closed_at", "owner")
        .prefetch_related(Prefetch("notes", queryset=notes))
        .order_by("raised_at__date", "pk")
    )


def board_action_get(*, pk: int) -> BoardAction:
    return get_object_or_404(
        BoardAction.objects.select_related("raised_at__body", "closed_at", "owner"), pk=pk
    )


def meetings_after(*, meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings of the same body on or after this one: where an action can be closed."""
    return Meeting.objects.filter(body_id=meeting.body_id, date__gte=meeting.date).order_by("date")


def body_people(*, body: Body) -> QuerySet[Lead]:
    """The body's members first, then everyone else who has attended one of its meetings."""
    return Lead.objects.filter(
        Q(memberships__body=body) | Q(attendance__meeting__body=body)
    ).distinct()


def body_members(*, body: Body) -> QuerySet[Membership]:
    return body.memberships.select_related("lead").order_by("order")


def plans_with_sign_off() -> QuerySet[Plan]:
    return Plan.objects.filter(signatories__isnull=False).distinct().order_by("date")


@dataclass
class SignOff:
    plan: Plan
    lines: list[Signatory]
    signed: int
    own_line: Signatory | None


def plan_sign_off(*, plan: Plan, user) -> SignOff:
    """Who has and has not signed the plan, and the line this user may sign (if any)."""
    lines = list(plan.signatories.select_related("lead__organisation", "signed_by"))
    lead_id = getattr(getattr(user, "lead", None), "pk", None)
    own = next((line for line in lines if lead_id and line.lead_id == lead_id), None)
    return SignOff(plan, lines, sum(1 for line in lines if line.is_signed), own)


def signatory_get(*, plan: Plan, pk: int) -> Signatory:
    return get_object_or_404(plan.signatories.select_related("lead"), pk=pk)


def committee_papers() -> QuerySet[CommitteePaper]:
    return CommitteePaper.objects.select_related("meeting__body").order_by("-meeting__date", "pk")


def committee_paper_get(*, pk: int) -> CommitteePaper:
    """The paper with its meeting, plan, sections and indicators."""
    return get_object_or_404(
        CommitteePaper.objects.select_related("meeting__body", "plan").prefetch_related(
            Prefetch("sections", queryset=PaperSection.objects.order_by("order")), "indicators"
        ),
        pk=pk,
    )
