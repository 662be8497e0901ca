"""Reads for the monthly reporting cycle: which plans are live, My actions in bounded
groups, the verification inbox and the programme office's returns tracker.

Each action's state is worked out in the database (correlated subqueries on its
updates), so the counts and the lists agree and no page loads every update."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.lookups import LessThan
from django.urls import reverse

from actions.models import (
    Action,
    ActionLead,
    Chase,
    Lead,
    Plan,
    PriorityLead,
    ProgressUpdate,
    ReportingPeriod,
)
from actions.paging import rows_and_count

Status, Rating, Verification = (
    ProgressUpdate.Status,
    ProgressUpdate.Rating,
    ProgressUpdate.Verification,
)

# In the order My actions shows them: what needs the lead first.
MY_ACTION_GROUPS = [
    ("returned", "Returned: update needed"),
    ("overdue", "Overdue or Red"),
    ("at_risk", "At risk (Amber)"),
    ("update_due", "Update due this month"),
    ("on_track", "On track"),
    ("complete", "Complete"),
]
GROUP_LIMIT = 10
SHOWN_PER_PAGE = 50  # a group shown in full, a page at a time
RETURN_STATES = [
    ("submitted", "Submitted"),
    ("awaiting", "Awaiting verification"),
    ("returned", "Returned"),
    ("missing", "Missing"),
]


def live_plans(*, today: date) -> QuerySet[Plan]:
    """Plans in force on `today`: dated on or before it, and not replaced by a successor that
    is. A plan with no date (the 2015 plan, whose start the sources do not give) is not yet
    in force, so it neither asks for updates nor retires its predecessor. Used as a subquery,
    so it costs no query of its own."""
    successor = Plan.objects.filter(predecessor=OuterRef("pk"), date__lte=today)
    return Plan.objects.filter(date__lte=today).exclude(Exists(successor))


def live_plan_ids(*, today: date) -> QuerySet:
    return live_plans(today=today).order_by().values("pk")


def earliest_live_start(*, today: date) -> date | None:
    """The start of the earliest plan in force: no month before it can be reported on."""
    return live_plans(today=today).aggregate(start=Min("date"))["start"]


def actions_with_state(*, period: ReportingPeriod | None, today: date) -> QuerySet[Any]:
    # QuerySet[Any]: the annotations (group, forecast, has_this_month) are not model fields.
    """Every action annotated with its forecast due date, whether this month's update is in,
    and its My-actions group, worked out from its latest update.

    The latest update's state and the latest revised due date are columns of the action,
    kept by the database (Action.progress_status and its neighbours), so the group is read
    from the action's own row: no action's updates are searched for its latest, and only
    whether this month's update is in is looked up (one probe of a unique index)."""
    forecast = Coalesce(F("progress_revised_due_date"), F("due_date"))
    this_month = ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period)
    has_this_month = Exists(this_month) if period else Value(True)
    whens = [
        # no update yet: no rating, no revised date
        When(progress_status__isnull=True, due_date__lt=today, then=Value("overdue")),
        When(progress_status__isnull=True, then=Value("update_due" if period else "on_track")),
        When(progress_verification=Verification.RETURNED, then=Value("returned")),
        When(progress_status=Status.COMPLETE, then=Value("complete")),
        When(progress_rating=Rating.RED, then=Value("overdue")),
        When(LessThan(forecast, Value(today)), then=Value("overdue")),
        When(progress_rating=Rating.AMBER, then=Value("at_risk")),
    ]
    if period:  # no month open: nothing is due
        whens.append(When(~Exists(this_month), then=Value("update_due")))
    group = Case(*whens, default=Value("on_track"), output_field=CharField())
    return Action.objects.annotate(forecast=forecast, has_this_month=has_this_month, group=group)


def latest_updates(actions: list[Action]) -> dict[int, ProgressUpdate]:
    """The latest update of each of these actions, by action id: one query, a window
    numbering each action's updates newest first."""
    if not actions:
        return {}
    newest_first = Window(
        RowNumber(), partition_by=[F("action_id")], order_by=[F("period__month").desc()]
    )
    updates = (
        ProgressUpdate.objects.filter(action__in=[a.pk for a in actions])
        .annotate(newest=newest_first)
        .filter(newest=1)
        .select_related("period", "verified_by")
    )
    return {u.action_id: u for u in updates}


def _led_by(lead: Lead) -> Q:
    delivers = ActionLead.objects.filter(action=OuterRef("pk"), lead=lead)
    accountable = PriorityLead.objects.filter(priority=OuterRef("outcome__priority"), lead=lead)
    return Q(Exists(delivers)) | Q(Exists(accountable))


@dataclass
class Row:
    """One action in My actions, with its latest update (if any)."""

    action: Action
    latest: ProgressUpdate | None
    update_due: bool


@dataclass
class Group:
    key: str
    label: str
    count: int
    rows: list[Row] = field(default_factory=list)
    shown_all: bool = False
    # The group shown in full (`show`) is shown a page at a time: this page of it.
    page: Page | None = None


def my_actions(
    *,
    lead: Lead,
    period: ReportingPeriod | None,
    today: date,
    show: str = "",
    page: int = 1,
    limit: int = GROUP_LIMIT,
    per_page: int | None = None,
) -> list[Group]:
    """A lead's actions in live plans, grouped; each group's first `limit` rows, and of the
    group named by `show`, page `page` of every row (`per_page` a page; the last page if
    there are fewer). Three queries however many actions there are: one works out every
    action's state once and returns, through window functions, each group's size and which
    rows to show (as narrow rows, so ranking thousands of actions sorts a few columns in
    memory rather than whole actions on disk); one reads those actions; the last reads
    their latest updates. (A page past the last costs those three again, once.)"""
    per_page = per_page or SHOWN_PER_PAGE
    mine = actions_with_state(period=period, today=today).filter(
        _led_by(lead), plan_id__in=live_plan_ids(today=today), retired_on__isnull=True
    )
    in_group: dict[str, Any] = {"partition_by": [F("group")]}
    ranked = mine.annotate(
        position=Window(
            RowNumber(),
            order_by=[F("forecast").asc(), F("sort_key").asc(), F("pk").asc()],
            **in_group,
        ),
        group_count=Window(Count("pk"), **in_group),
    )
    shown = Q(position__lte=limit)
    showing = show in dict(MY_ACTION_GROUPS)
    first = (page - 1) * per_page
    if showing:
        # Its first row too, whatever the page: it carries the group's size.
        in_page = Q(group=show, position__gt=first, position__lte=first + per_page)
        shown = (shown & ~Q(group=show)) | in_page | Q(group=show, position=1)
    picked = list(
        ranked.filter(shown)
        .order_by("group", "position")
        .values_list("pk", "group", "group_count", "forecast", "has_this_month", "position")
    )

    def on_page(key: str, position: int) -> bool:
        # Not the shown group's first row when this page of the group starts later.
        return key != show or first < position <= first + per_page

    on_show = [pk for pk, key, *_, position in picked if on_page(key, position)]
    actions = Action.objects.select_related("plan").in_bulk(on_show)
    groups = [Group(key, label, 0) for key, label in MY_ACTION_GROUPS]
    by_key = {group.key: group for group in groups}
    latest = latest_updates(list(actions.values()))
    for pk, key, count, forecast, has_this_month, position in picked:
        group = by_key[key]
        group.count = count
        if not on_page(key, position):
            continue
        a = actions[pk]
        a.forecast = forecast  # type: ignore[attr-defined]  # shown as the due date
        group.rows.append(
            Row(a, latest.get(pk), bool(period) and not has_this_month and key != "complete")
        )
    for group in groups:
        group.shown_all = group.key == show or group.count <= limit
        if showing and group.key == show:
            group.page = Paginator(range(group.count), per_page).get_page(page)
    shown_page = by_key[show].page if showing else None
    if shown_page is not None and shown_page.number != page:
        # Past the last page (the group has shrunk since the link was drawn): the last.
        return my_actions(
            lead=lead,
            period=period,
            today=today,
            show=show,
            page=shown_page.number,
            limit=limit,
            per_page=per_page,
        )
    return groups


def verification_inbox(*, user, today: date) -> QuerySet[ProgressUpdate]:
    """Completions this user may verify (never one they reported), oldest first."""
    if not user.is_authenticated:
        return ProgressUpdate.objects.none()
    updates = ProgressUpdate.objects.filter(
        verification=Verification.PENDING, action__plan_id__in=live_plan_ids(today=today)
    ).exclude(author=user)
    # Nor those they saved as Complete themselves (progress.reported_completion).
    saved_complete = ProgressUpdate.history.filter(
        id=OuterRef("pk"), history_user_id=user.pk, status=Status.COMPLETE
    )
    updates = updates.exclude(Exists(saved_complete))
    if not user.has_perm("actions.manage_periods"):
        lead_id = getattr(getattr(user, "lead", None), "pk", None)
        if lead_id is None:
            return ProgressUpdate.objects.none()
        accountable = PriorityLead.objects.filter(
            priority=OuterRef("action__outcome__priority"), lead_id=lead_id
        )
        updates = updates.filter(Exists(accountable))
    return updates.select_related("action__plan", "period", "author").order_by("submitted_at", "pk")


def verification_inbox_page(
    *, user, today: date, limit: int | None, offset: int = 0
) -> tuple[list[ProgressUpdate], int]:
    """`limit` completions of the user's inbox from the `offset`th (all of them with None)
    and how many there are in all, from one query (paging.rows_and_count)."""
    inbox = verification_inbox(user=user, today=today)
    return rows_and_count(inbox, limit=limit, offset=offset)


def verification_inbox_paged(
    *, user, today: date, page: int, per_page: int | None = None
) -> tuple[list[ProgressUpdate], Page]:
    """Page `page` of the user's inbox (the last if there are fewer), `per_page` a page."""
    per_page = per_page or SHOWN_PER_PAGE
    offset = (page - 1) * per_page
    rows, count = verification_inbox_page(user=user, today=today, limit=per_page, offset=offset)
    if not rows and page > 1:  # past the last page: how many pages, then the last
        _, count = verification_inbox_page(user=user, today=today, limit=1)
        last = Paginator(range(count), per_page).get_page(page)
        offset = (last.number - 1) * per_page
        rows, count = verification_inbox_page(user=user, today=today, limit=per_page, offset=offset)
    return rows, Paginator(range(count), per_page).get_page(offset // per_page + 1)


def may_verify_anything(user) -> bool:
    """The programme office, and those in a verifier's role (priority leads)."""
    return user.is_authenticated and user.has_perm("actions.verify_some_action")


# The programme office's returns tracker.


def _return_state(action_ref: str, period: ReportingPeriod) -> Case:
    this = ProgressUpdate.objects.filter(action=OuterRef(action_ref), period=period)
    return Case(
        When(~Exists(this), then=Value("missing")),
        When(Exists(this.filter(verification=Verification.RETURNED)), then=Value("returned")),
        When(Exists(this.filter(verification=Verification.PENDING)), then=Value("awaiting")),
        default=Value("submitted"),
        output_field=CharField(),
    )


def actions_reporting(*, period: ReportingPeriod, today: date) -> QuerySet[Action]:
    """Actions that owe a return for the month: in a live plan, not retired and not
    completed earlier."""
    done_before = ProgressUpdate.objects.filter(
        action=OuterRef("pk"),
        period__month__lt=period.month,
        status=Status.COMPLETE,
        verification__in=[Verification.PENDING, Verification.VERIFIED],
    )
    return Action.objects.filter(
        plan_id__in=live_plan_ids(today=today), retired_on__isnull=True
    ).exclude(Exists(done_before))


def _state_counts() -> dict:
    return {key: Count("pk", filter=Q(return_state=key)) for key, _ in RETURN_STATES}


@dataclass
class ReturnsLine:
    name: str
    counts: dict[str, int]
    url: str = ""
    has_account: bool = True

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent_in(self) -> int:
        done = self.counts.get("submitted", 0) + self.counts.get("awaiting", 0)
        return round(100 * done / self.total) if self.total else 100


@dataclass
class ReturnsSummary:
    """The month's returns counted over every live action: all My actions and closing the
    month show."""

    period: ReportingPeriod
    overall: ReturnsLine


@dataclass
class Returns(ReturnsSummary):
    """The returns tracker's page: the counts overall, by priority (a page of them: live
    plans bring six or so each) and by lead."""

    by_priority: list[ReturnsLine]
    priority_page: Page
    by_lead: list[ReturnsLine]
    leads_without_account: list[Lead]
    chased_today: Chase | None
    last_chase: Chase | None


PRIORITIES_PER_PAGE = 30


def _returns_of(period: ReportingPeriod, today: date) -> QuerySet[Action]:
    return actions_reporting(period=period, today=today).annotate(
        return_state=_return_state("pk", period)
    )


def returns_summary(*, period: ReportingPeriod, today: date) -> ReturnsSummary:
    """Every live action's return for the month, counted: one query."""
    overall = _returns_of(period, today).order_by().aggregate(**_state_counts())
    return ReturnsSummary(period=period, overall=ReturnsLine("All actions", overall))


def returns_for_period(*, period: ReportingPeriod, today: date, page: int = 1) -> Returns:
    """Every live action's return for the month, counted overall, by priority (page `page`
    of them, oldest plan first) and by lead."""
    summary = returns_summary(period=period, today=today)
    actions = _returns_of(period, today)
    priorities = Paginator(
        actions.order_by("plan__date", "plan__short_title", "plan_id", "outcome__priority__number")
        .values(
            "plan_id",
            "plan__short_title",
            "outcome__priority__number",
            "outcome__priority__title",
        )
        .annotate(**_state_counts()),
        PRIORITIES_PER_PAGE,
    ).get_page(page)
    action_leads = ActionLead.objects.filter(action__in=actions.values("pk")).annotate(
        return_state=_return_state("action", period)
    )
    leads = (
        action_leads.order_by("lead__name")
        .values("lead__name", "lead__slug", "lead__user_id")
        .annotate(**_state_counts())
    )
    without_account = Lead.objects.filter(
        user__isnull=True, pk__in=action_leads.values("lead_id")
    ).order_by("name")
    chases = list(period.chases.select_related("sent_by")[:1])
    last = chases[0] if chases else None
    return Returns(
        period=period,
        overall=summary.overall,
        by_priority=[
            ReturnsLine(
                f"{p['plan__short_title']}: {p['outcome__priority__number']} "
                f"{p['outcome__priority__title']}",
                _only_counts(p),
            )
            for p in priorities.object_list
        ],
        priority_page=priorities,
        by_lead=[
            ReturnsLine(
                row["lead__name"],
                _only_counts(row),
                url=reverse("actions:lead-detail", args=[row["lead__slug"]]),
                has_account=row["lead__user_id"] is not None,
            )
            for row in leads
        ],
        leads_without_account=list(without_account),
        chased_today=last if last and last.day == today else None,
        last_chase=last,
    )


def _only_counts(row: Mapping[str, Any]) -> dict[str, int]:
    return {key: row[key] for key, _ in RETURN_STATES}


def missing_returns_by_lead(*, period: ReportingPeriod, today: date) -> dict[Lead, list[Action]]:
    """The leads (with an account and an e-mail address) whose return for the month is missing."""
    missing = actions_reporting(period=period, today=today).exclude(
        Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period))
    )
    rows = (
        ActionLead.objects.filter(action__in=missing.values("pk"), lead__user__is_active=True)
        .exclude(lead__user__email="")
        .select_related("lead__user", "action__plan")
        .order_by("lead__name", "action__plan__date", "action__sort_key")
    )
    by_lead: dict[Lead, list[Action]] = {}
    for row in rows:
        by_lead.setdefault(row.lead, []).append(row.action)
    return by_lead
