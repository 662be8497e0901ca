"""Reads of the plan. Each returns a QuerySet (or plain data) with what its page needs
fetched up front, so a page's query count does not grow with the plan."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.db.models.fields import Field
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from actions.asat import historical_as_at, moment_for
from actions.models import (
    Action,
    ActionLead,
    ActionLink,
    CoreTask,
    Lead,
    Measure,
    MeasureLead,
    Outcome,
    Plan,
    PlanLead,
    PlanSection,
    Priority,
    PriorityLead,
    ProgressUpdate,
    ReportingPeriod,
    job_titles_from,
)
from kentplan.clock import today
from targets.models import ImprovementNotice, Inspection, NoticeTarget, Recommendation


def _count(model, **outer) -> Subquery:
    """A correlated COUNT, so several counts do not multiply each other's joins."""
    rows = model.objects.filter(**{k: OuterRef(v) for k, v in outer.items()})
    return Subquery(rows.order_by().values(*outer).annotate(n=Count("pk")).values("n")[:1])


def plans_with_counts() -> QuerySet[Plan]:
    """Plans oldest first; one the sources give no date for (the 2015 plan) last."""
    return (
        Plan.objects.select_related("predecessor")
        .annotate(
            priority_count=Coalesce(_count(Priority, plan="pk"), 0),
            outcome_count=Coalesce(_count(Outcome, plan="pk"), 0),
            action_count=Coalesce(_count(Action, plan="pk"), 0),
        )
        .order_by(F("date").asc(nulls_last=True), "slug")
    )


def plan_standing(*, plan: Plan, day: date, plans: list[Plan] | None = None) -> str:
    """How the plan stood on `day`, by the rule that decides which plans ask for updates
    (selectors_progress.live_plans): 'In force', 'Superseded' once a successor is,
    'Not yet started' before its date (or, undated, before the year it was issued), and
    'Start date not given' for an undated plan after that. `plans`: every plan, to find
    successors without a query."""
    if plan.date is None:
        year = plan.issued.strip()[-4:]
        started = not (year.isdigit() and day.year < int(year))
        return "Start date not given" if started else "Not yet started"
    if day < plan.date:
        return "Not yet started"
    if plans is None:
        plans = list(Plan.objects.filter(predecessor=plan))
    if any(p.predecessor_id == plan.pk and p.date and p.date <= day for p in plans):
        return "Superseded"
    return "In force"


def plan_successors(*, plans: list[Plan]) -> list[Plan]:
    """The plans that follow these, for plan_standing: one query."""
    return list(Plan.objects.filter(predecessor__in=[p.pk for p in plans]))


def plan_get(*, slug: str) -> Plan:
    return get_object_or_404(Plan, slug=slug)


def plan_get_for_page(*, slug: str) -> Plan:
    """The plan with everything its own page shows about it."""
    return get_object_or_404(
        Plan.objects.select_related("predecessor").prefetch_related(
            "successors", "notices", "inspections", "sections"
        ),
        slug=slug,
    )


def priorities_for_plan(*, plan: Plan) -> QuerySet[Priority]:
    outcomes = Outcome.objects.annotate(action_count=Count("actions"))
    leads = PriorityLead.objects.select_related("lead")
    return plan.priorities.prefetch_related(
        Prefetch("prioritylead_set", queryset=leads), Prefetch("outcomes", queryset=outcomes)
    )


def action_leads_prefetch() -> Prefetch:
    return Prefetch("actionlead_set", queryset=ActionLead.objects.select_related("lead"))


@dataclass
class TableMoment:
    """When the actions table is read: today's date, or the end of a past day (as_at)."""

    today: date
    moment: datetime | None = None  # None: as things are now

    def updates(self) -> QuerySet:
        if self.moment is None:
            return ProgressUpdate.objects.all()
        return historical_as_at(ProgressUpdate, self.moment)

    @cached_property
    def period(self) -> ReportingPeriod | None:
        """The month open for reporting at the moment (read only when a filter needs it)."""
        if self.moment is None:
            return current_period()
        return (
            ReportingPeriod.objects.filter(opened_at__lte=self.moment)
            .filter(Q(closed_at__isnull=True) | Q(closed_at__gt=self.moment))
            .order_by("-month")
            .first()
        )


def table_moment(*, as_at: date | None = None) -> TableMoment:
    """Now, or the end of the day `as_at`."""
    if as_at is None:
        return TableMoment(today=today())
    return TableMoment(today=as_at, moment=moment_for(as_at))


def actions_for_table(*, plan: Plan, when: TableMoment | None = None) -> QuerySet[Action]:
    """The plan's actions with what the actions table shows, each annotated in the same
    query with its latest update (rating, status, month, verification), its forecast due
    date and, when read as at a past day, its words and dates as they stood then."""
    when = when or TableMoment(today=today())
    latest = when.updates().filter(action_id=OuterRef("pk")).order_by("-period__month")
    if when.moment is None:
        # As things are now, the latest update's state is kept on the action's own row.
        state: dict[str, Any] = {
            "latest_rating": F("progress_rating"),
            "latest_status": F("progress_status"),
            "latest_verification": F("progress_verification"),
            "forecast_due": Coalesce(F("progress_revised_due_date"), F("shown_due_date")),
        }
    else:
        revised = latest.filter(revised_due_date__isnull=False).values("revised_due_date")[:1]
        state = {
            "latest_rating": Subquery(latest.values("rating")[:1]),
            "latest_status": Subquery(latest.values("status")[:1]),
            "latest_verification": Subquery(latest.values("verification")[:1]),
            "forecast_due": Coalesce(Subquery(revised), F("shown_due_date")),
        }
    queryset = plan.actions.annotate(**_shown_fields(when)).annotate(
        **state,
        latest_month=Subquery(latest.values("period__month")[:1]),
        latest_is_sample=Subquery(latest.values("is_sample")[:1]),
    )
    if when.moment is not None:
        existed = historical_as_at(Action, when.moment, id=OuterRef("pk"))
        queryset = queryset.filter(Exists(existed))
    return (
        queryset.select_related("outcome__priority")
        .prefetch_related(action_leads_prefetch(), *_codes_prefetches())
        .order_by("sort_key")
    )


# What the table (its rows, filters, order and rows for paper) reads from progress updates,
# for the plan's actions as things are now: the update counted too, so a first update for
# any month, even an older one, is seen.
TABLE_PROGRESS = [
    "pk", "latest_rating", "latest_status", "latest_month", "latest_verification",
    "latest_is_sample", "forecast_due", "updates_made",
]  # fmt: skip


def table_progress_digest(*, plan: Plan) -> str:
    """A fingerprint of what the actions table shows of progress, now: one query over the
    plan's actions. Most of a month end's saves change words the table does not show
    (the commentary), and leave this as it was."""
    rows = (
        actions_for_table(plan=plan)
        .prefetch_related(None)
        .select_related(None)
        .annotate(updates_made=_count(ProgressUpdate, action_id="pk"))
        .order_by("pk")
        .values_list(*TABLE_PROGRESS)
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def _codes_prefetches() -> list[Prefetch]:
    """What the table shows of the targets, recommendations and core tasks an action serves:
    their codes ('IN 3'), so not their long words."""
    return [
        Prefetch("notice_targets", NoticeTarget.objects.only("id", "notice_id", "number")),
        Prefetch(
            "recommendations",
            Recommendation.objects.only("id", "inspection_id", "number", "area", "printed_number"),
        ),
        Prefetch("core_tasks", CoreTask.objects.only("id", "plan_id", "number")),
    ]


SHOWN_FIELDS = ("text", "timescale", "due_date", "due_precision", "retired_on")


def _shown_fields(when: TableMoment) -> dict:
    if when.moment is None:
        return {f"shown_{name}": F(name) for name in SHOWN_FIELDS}
    past = historical_as_at(Action, when.moment, id=OuterRef("pk"))
    return {f"shown_{name}": Subquery(past.values(name)[:1]) for name in SHOWN_FIELDS}


def _not_complete() -> Q:
    """Not finished: never reported complete, or a completion the verifier sent back."""
    return (
        Q(latest_status__isnull=True)
        | ~Q(latest_status=ProgressUpdate.Status.COMPLETE)
        | Q(latest_verification=ProgressUpdate.Verification.RETURNED)
    )


def actions_with_rating(rating: str) -> Q:
    """On actions_for_table: the latest update rated so; 'none' for no update yet."""
    return Q(latest_rating__isnull=True) if rating == "none" else Q(latest_rating=rating)


def actions_overdue(when: TableMoment) -> Q:
    """Not complete, and the forecast due date has passed."""
    return Q(forecast_due__lt=when.today) & _not_complete()


def actions_due_within(when: TableMoment, days: int) -> Q:
    """Not complete, and forecast due from today to `days` days ahead."""
    until = when.today + timedelta(days=days)
    return Q(forecast_due__gte=when.today, forecast_due__lte=until) & _not_complete()


def actions_awaiting_verification() -> Q:
    return Q(latest_verification=ProgressUpdate.Verification.PENDING)


def actions_returned() -> Q:
    return Q(latest_verification=ProgressUpdate.Verification.RETURNED)


def actions_missing_update(when: TableMoment) -> Q:
    """Not reported complete, and no update yet for the month open for reporting (none
    missing if no month is open): what My actions, the reminders and the dashboard count."""
    if when.period is None:
        return Q(pk__in=[])
    this_month = when.updates().filter(action_id=OuterRef("pk"), period_id=when.period.pk)
    return ~Exists(this_month) & _not_complete()


def actions_changed_since(when: TableMoment, since: date) -> Q:
    """The action or any of its updates changed from the start of `since` (to the moment)."""
    window = {"history_date__gte": moment_for(since - timedelta(days=1))}
    if when.moment is not None:
        window["history_date__lte"] = when.moment
    action_changes = Action.history.filter(id=OuterRef("pk"), **window)
    update_changes = ProgressUpdate.history.filter(action_id=OuterRef("pk"), **window)
    return Exists(action_changes) | Exists(update_changes)


MAX_SEARCH_WORDS = 8
MAX_SEARCH_LENGTH = 200


def actions_matching(words: list[str]) -> Q:
    """On actions_for_table: every word in the ref, the action's words (as shown) or one of
    its measures. One EXISTS per word and no join: one bounded query however many words."""
    condition = Q()
    for word in words[:MAX_SEARCH_WORDS]:
        in_measures = Measure.objects.filter(action_id=OuterRef("pk"), text__icontains=word)
        in_a_measure = Q(Exists(in_measures))
        condition &= Q(ref__startswith=word) | Q(shown_text__icontains=word) | in_a_measure
    return condition


def actions_led_or_measured_by(lead: Lead) -> Q:
    """The lead leads the action, or one of its measures (no join, so no duplicate rows)."""
    leads_action = ActionLead.objects.filter(action_id=OuterRef("pk"), lead=lead)
    leads_measure = MeasureLead.objects.filter(measure__action_id=OuterRef("pk"), lead=lead)
    return Exists(leads_action) | Exists(leads_measure)


def actions_serving_record(relation: str, record) -> Q:
    """The action is marked against the target, recommendation or core task."""
    through = getattr(Action, relation).through
    column = {"notice_targets": "noticetarget", "recommendations": "recommendation"}
    rows = through.objects.filter(
        action_id=OuterRef("pk"), **{column.get(relation, "coretask"): record}
    )
    return Q(Exists(rows))


def action_get(*, plan: Plan, ref: str) -> Action:
    measures = Measure.objects.prefetch_related(
        Prefetch("measurelead_set", queryset=MeasureLead.objects.select_related("lead"))
    )
    queryset = _actions_with_progress(plan).prefetch_related(
        Prefetch("measures", queryset=measures),
        Prefetch("notice_targets", queryset=NoticeTarget.objects.select_related("notice")),
        Prefetch("recommendations", queryset=Recommendation.objects.select_related("inspection")),
        Prefetch("core_tasks", queryset=CoreTask.objects.select_related("plan")),
        Prefetch("outgoing_links", queryset=ActionLink.objects.select_related("to_action__plan")),
        Prefetch(
            "incoming_links",
            queryset=ActionLink.objects.select_related("from_action__plan").order_by(
                "from_action__sort_key"
            ),
        ),
    )
    return get_object_or_404(queryset, ref=ref)


def action_for_progress(*, plan: Plan, ref: str) -> Action:
    """The action as the update, verify and reopen pages need it: its plan, priority,
    leads and updates, without the measures, links and targets its own page shows (seven
    queries fewer on the pages leads use most at month end)."""
    return get_object_or_404(_actions_with_progress(plan), ref=ref)


def _actions_with_progress(plan: Plan) -> QuerySet[Action]:
    return plan.actions.select_related("outcome__priority", "plan").prefetch_related(
        action_leads_prefetch(), updates_prefetch()
    )


def actions_serving(**filters: Any) -> QuerySet[Action]:
    """Actions (of any plan) that serve a target, recommendation, core task or lead."""
    return (
        Action.objects.filter(**filters)
        .select_related("plan", "outcome")
        .prefetch_related(action_leads_prefetch())
        .order_by("plan__date", "plan__slug", "sort_key")
        .distinct()
    )


def actions_led_by(*, lead: Lead) -> QuerySet[Action]:
    """Actions (of any plan) this lead delivers: an EXISTS, so no join and no DISTINCT,
    and the page can slice it."""
    delivers = ActionLead.objects.filter(action_id=OuterRef("pk"), lead=lead)
    return (
        Action.objects.filter(Exists(delivers))
        .select_related("plan", "outcome")
        .prefetch_related(action_leads_prefetch())
        .order_by("plan__date", "plan__slug", "sort_key")
    )


def notice_get(*, slug: str) -> ImprovementNotice:
    targets = NoticeTarget.objects.annotate(action_count=Count("actions"))
    return get_object_or_404(
        ImprovementNotice.objects.prefetch_related(Prefetch("targets", queryset=targets), "plans"),
        slug=slug,
    )


def notice_target_get(*, notice_slug: str, number: int) -> NoticeTarget:
    return get_object_or_404(
        NoticeTarget.objects.select_related("notice"),
        notice__slug=notice_slug,
        number=number,
    )


def inspections_with_counts() -> QuerySet[Inspection]:
    """Inspections in date order (when they started, else when their report was published);
    those the sources give no date for come last."""
    return Inspection.objects.annotate(
        recommendation_count=Count("recommendations"), when=Coalesce("started", "published")
    ).order_by(F("when").asc(nulls_last=True), "slug")


def inspection_get(*, slug: str) -> Inspection:
    recommendations = Recommendation.objects.annotate(action_count=Count("actions"))
    return get_object_or_404(
        Inspection.objects.prefetch_related(
            "judgements", Prefetch("recommendations", queryset=recommendations), "plans"
        ),
        slug=slug,
    )


def recommendation_get(*, inspection_slug: str, number: int) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.select_related("inspection"),
        inspection__slug=inspection_slug,
        number=number,
    )


def core_task_get(*, plan: Plan, number: int) -> CoreTask:
    return get_object_or_404(plan.core_tasks.select_related("plan"), number=number)


def leads_listed() -> QuerySet[Lead]:
    """Every lead, by name, for the Leads page; what it shows of each (job titles, how many
    actions) comes from with_job_titles and with_action_counts once a page is chosen."""
    return Lead.objects.select_related("organisation")


def with_action_counts(leads: list[Lead]) -> list[Lead]:
    """Sets each lead's `action_count` from one grouped query over the page's leads: a count
    per lead in a subquery read the whole ActionLead table once a lead (PostgreSQL chose a
    scan of the table each time), 30 ms for a page of leads with the plan copied 100 times."""
    counts = dict(
        ActionLead.objects.filter(lead__in=[lead.pk for lead in leads])
        .order_by()
        .values_list("lead_id")
        .annotate(n=Count("pk"))
    )
    for lead in leads:
        lead.action_count = counts.get(lead.pk, 0)  # type: ignore[attr-defined]  # for the list
    return leads


@dataclass(frozen=True)
class PlanNaming:
    """What a list of job titles shows of a plan that names a lead."""

    date: date | None
    slug: str
    short_title: str
    pk: int


def with_job_titles(leads: list[Lead]) -> list[Lead]:
    """Sets each lead's `titles_shown` (as Lead.job_titles) from one query of plain rows:
    with the plan copied 100 times, prefetching built ~7,400 PlanLead and Plan objects for
    one page of leads, most of the Leads page's time. Each title names its newest
    NAMED_PLANS_SHOWN plans and counts the others (JobTitle.other_plans): the database cuts
    the rows to those, so a lead a hundred plans name costs five rows, not a hundred."""
    same_title = [F("lead_id"), F("job_title"), F("job_title_by_kentplan")]
    # Newest first, an undated plan (not yet in force) before every dated one.
    newest_first = [F("plan__date").desc(nulls_first=True), F("plan_id").desc()]
    rows = (
        PlanLead.objects.filter(lead__in=[lead.pk for lead in leads])
        .exclude(job_title="")
        .annotate(
            rank=Window(RowNumber(), partition_by=same_title, order_by=newest_first),
            in_all=Window(Count("pk"), partition_by=same_title),
        )
        .filter(rank__lte=NAMED_PLANS_SHOWN)
        .values_list("lead_id", "job_title", "job_title_by_kentplan", "plan__date",
                     "plan__slug", "plan__short_title", "in_all", "plan_id")
    )  # fmt: skip
    plans: dict[str, PlanNaming] = {}
    named: dict[int, list] = defaultdict(list)
    in_all: dict[tuple[int, str, bool], int] = {}
    for lead_id, title, by_kentplan, day, slug, short_title, count, plan_id in rows:
        plan = plans.setdefault(slug, PlanNaming(day, slug, short_title, plan_id))
        named[lead_id].append((title, by_kentplan, plan))
        in_all[lead_id, title, by_kentplan] = count
    for lead in leads:
        titles = job_titles_from(named[lead.pk], own_title=lead.job_title)
        for shown in titles:
            counted = in_all.get((lead.pk, shown.title, shown.by_kentplan), len(shown.plans))
            shown.other_plans = counted - len(shown.plans)
        lead.titles_shown = titles  # type: ignore[attr-defined]  # for the list
    return leads


NAMED_PLANS_SHOWN = 5  # plans named beside a job title on the Leads page


def with_plan_titles(lead: Lead) -> Lead:
    """Fetches, in one query, the titles the plans give the lead (Lead.job_titles)."""
    prefetch_related_objects(
        [lead], Prefetch("planlead_set", queryset=PlanLead.objects.select_related("plan"))
    )
    return lead


@dataclass
class NamedLead:
    """A lead as one plan names them: the job title that plan gives."""

    lead: Lead
    job_title: str
    by_kentplan: bool


def leads_as_named_by(*, plan: Plan, leads: list[Lead]) -> list[NamedLead]:
    """Each lead with the job title `plan` gives them: a plan that lists a lead gives their
    title (or none, for a role); a lead it does not list keeps their own."""
    named = {
        pl.lead_id: pl for pl in PlanLead.objects.filter(plan=plan, lead__in=[x.pk for x in leads])
    }
    rows = []
    for lead in leads:
        pl = named.get(lead.pk)
        if pl is None:
            rows.append(NamedLead(lead, lead.job_title, False))
        else:
            rows.append(NamedLead(lead, pl.job_title, pl.job_title_by_kentplan))
    return rows


def lead_get(*, slug: str) -> Lead:
    return get_object_or_404(
        Lead.objects.select_related("organisation").prefetch_related(
            Prefetch("priorities", queryset=Priority.objects.select_related("plan")),
            Prefetch("planlead_set", queryset=PlanLead.objects.select_related("plan")),
        ),
        slug=slug,
    )


def measures_led_by(*, lead: Lead) -> QuerySet[Measure]:
    """Targets & measures that name this lead for themselves, beyond the actions they lead."""
    return (
        Measure.objects.filter(leads=lead)
        .exclude(action__leads=lead)
        .select_related("action__plan")
        .order_by("action__plan__slug", "action__sort_key", "order")
    )


@dataclass
class Change:
    """One field of one saved version ('Timescale: old → new'); no field: the creation."""

    when: datetime
    who: str
    field: str = ""
    old: str = ""
    new: str = ""

    @property
    def kind(self) -> str:
        """How the history says it in words: created, set (from nothing), cleared, changed."""
        empty = ("", "(blank)", "(none)")
        if not self.field:
            return "created"
        if self.old in empty:
            return "set"
        return "cleared" if self.new in empty else "changed"


# The cross-references an action's history records, with how each is named.
HISTORY_M2M: dict[str, tuple[str, type[NoticeTarget | Recommendation | CoreTask], str]] = {
    "notice_targets": ("Improvement Notice targets", NoticeTarget, "noticetarget_id"),
    "recommendations": ("Ofsted recommendations", Recommendation, "recommendation_id"),
    "core_tasks": ("Core tasks", CoreTask, "coretask_id"),
}


def action_history(*, action: Action, limit: int = 50) -> list[Change]:
    """The action's changes, newest first, as readable field-by-field differences.

    Saves that changed nothing a reader can see (such as the separate steps of one
    import) are left out. Runs a fixed number of queries however long the history is.
    """
    accessors = [f"historicalaction_{name}_set" for name in HISTORY_M2M]
    records = list(
        action.history.select_related("history_user")
        .prefetch_related(*accessors)
        .order_by("-history_date", "-history_id")[:limit]
    )
    names = _m2m_names(records)
    changes: list[Change] = []
    for newer, older in zip(records, records[1:] + [None], strict=True):
        who = newer.history_user.get_username() if newer.history_user else "data import"
        if older is None:
            changes.append(Change(newer.history_date, who))
            continue
        delta = newer.diff_against(
            older, excluded_fields=list(HISTORY_M2M), foreign_keys_are_objs=False
        )
        for change in delta.changes:
            label = _field_label(change.field)
            changes.append(
                Change(newer.history_date, who, label, _display(change.old), _display(change.new))
            )
        changes.extend(_m2m_changes(newer, older, who, names))
    return changes


UPDATE_FIELDS_SHOWN = ["status", "rating", "override_reason", "commentary", "revised_due_date",
                       "revised_reason", "verification", "return_comment"]  # fmt: skip


def update_history(*, action: Action, limit: int = 200) -> list[Change]:
    """Changes to the action's progress updates, newest first, field by field."""
    records = list(
        ProgressUpdate.history.filter(action_id=action.pk)
        .select_related("history_user", "period")
        .order_by("id", "history_date", "history_id")[:limit]
    )
    changes: list[Change] = []
    previous: dict[int, Any] = {}
    for record in records:
        who = record.history_user.get_username() if record.history_user else "sample data"
        label = f"Update for {record.period}"
        older = previous.get(record.id)
        previous[record.id] = record
        if older is None:
            status = record.get_status_display()
            changes.append(Change(record.history_date, who, f"{label}: status", "", status))
            continue
        delta = record.diff_against(older, included_fields=UPDATE_FIELDS_SHOWN)
        for change in delta.changes:
            field = ProgressUpdate._meta.get_field(change.field)
            assert isinstance(field, Field)  # UPDATE_FIELDS_SHOWN are the update's own fields
            name = f"{label}: {field.verbose_name}"
            old, new = (_choice_label(field, v) for v in (change.old, change.new))
            changes.append(Change(record.history_date, who, name, old, new))
    return sorted(changes, key=lambda c: c.when, reverse=True)


def _choice_label(field, value) -> str:
    return str(dict(field.choices).get(value, value)) if field.choices else _display(value)


def action_changes(*, action: Action) -> list[Change]:
    """Everything that changed on the action and its updates, newest first."""
    changes = action_history(action=action) + update_history(action=action)
    return sorted(changes, key=lambda c: c.when, reverse=True)


def action_as_at(*, action: Action, moment) -> tuple[Any, list]:
    """The action and its updates as they stood at `moment` (None if it did not exist)."""
    try:
        past = action.history.as_of(moment)
    except Action.DoesNotExist:
        return None, []
    updates = (
        ProgressUpdate.history.as_of(moment)
        .filter(action_id=action.pk)
        .select_related("period", "author")
        .order_by("-period__month")
    )
    return past, list(updates)


def _m2m_ids(record, name: str) -> set[int]:
    id_field = HISTORY_M2M[name][2]
    return {getattr(row, id_field) for row in getattr(record, f"historicalaction_{name}_set").all()}


def _m2m_names(records) -> dict[str, dict[int, str]]:
    names = {}
    for name, (_, model, _) in HISTORY_M2M.items():
        ids = set().union(*(_m2m_ids(r, name) for r in records)) if records else set()
        names[name] = {obj.pk: obj.code for obj in model._default_manager.filter(pk__in=ids)}
    return names


def _m2m_changes(newer, older, who: str, names) -> list[Change]:
    changes = []
    for name, (label, _, _) in HISTORY_M2M.items():
        before, after = _m2m_ids(older, name), _m2m_ids(newer, name)
        if before != after:
            old, new = _codes(names[name], before), _codes(names[name], after)
            changes.append(Change(newer.history_date, who, label, old, new))
    return changes


def _codes(names: dict[int, str], ids: set[int]) -> str:
    return ", ".join(sorted(names.get(i, "?") for i in ids)) or "(none)"


def _field_label(name: str) -> str:
    field = Action._meta.get_field(name)
    assert isinstance(field, Field)  # the action's own fields, never a reverse relation
    return str(field.verbose_name).capitalize()


def _display(value: Any) -> str:
    return "(blank)" if value in (None, "") else str(value)


def actions_filter_choices(*, plan: Plan) -> dict[str, QuerySet]:
    """The options the actions table's filters offer, limited to this plan."""
    return {
        "priority": plan.priorities.all(),
        "outcome": plan.outcomes.all(),
        "lead": Lead.objects.filter(  # EXISTS, not an OR across two joins with DISTINCT
            Exists(ActionLead.objects.filter(lead_id=OuterRef("pk"), action__plan=plan))
            | Exists(PlanLead.objects.filter(lead_id=OuterRef("pk"), plan=plan))
        ),
        "notice_target": NoticeTarget.objects.filter(notice__plans=plan).select_related("notice"),
        "recommendation": Recommendation.objects.filter(inspection__plans=plan).select_related(
            "inspection"
        ),
        "core_task": plan.core_tasks.all(),
    }


def current_period() -> ReportingPeriod | None:
    """The month now open for reporting (the latest, if more than one is open)."""
    return (
        ReportingPeriod.objects.filter(opened_at__isnull=False, closed_at__isnull=True)
        .order_by("-month")
        .first()
    )


def updates_prefetch() -> Prefetch:
    """An action's updates, newest month first, with what their summaries show."""
    return Prefetch(
        "updates",
        queryset=ProgressUpdate.objects.select_related("period", "author", "verified_by")
        .prefetch_related("evidence")
        .order_by("-period__month"),
    )


@dataclass
class ActionState:
    """An action as its lead sees it: the latest update, the forecast date, what is next."""

    action: Action
    latest: ProgressUpdate | None
    this_period: ProgressUpdate | None
    forecast: Any
    group: str


def plan_end(*, plan: Plan):
    """The day the plan ends: the latest due date its live actions were given."""
    live = plan.actions.filter(retired_on__isnull=True)
    return live.aggregate(end=Max("due_date"))["end"]


def action_forecast(*, action: Action):
    """The due date now expected: the newest revised date reported, else the plan's own."""
    revised = (u.revised_due_date for u in action.updates.all() if u.revised_due_date)
    return next(revised, None) or action.due_date


def action_state(*, action: Action, period, today) -> ActionState:
    updates = list(action.updates.all())
    latest = updates[0] if updates else None
    this_period = next((u for u in updates if period and u.period_id == period.pk), None)
    forecast = action_forecast(action=action)
    complete = latest is not None and latest.status == ProgressUpdate.Status.COMPLETE
    if complete:
        group = "complete"
    elif period and this_period is None:
        group = "update_due"
    elif forecast and forecast < today:
        group = "overdue"
    elif latest and latest.rating in (ProgressUpdate.Rating.AMBER, ProgressUpdate.Rating.RED):
        group = "at_risk"
    else:
        group = "on_track"
    return ActionState(action, latest, this_period, forecast, group)


@dataclass
class ActionRow:
    """One action in a list of the actions serving something, now or as at a past day."""

    plan_title: str
    ref: str
    text: str
    timescale: str
    url: str
    leads: str
    is_retired: bool = False


def action_rows(actions, *, as_at: date | None = None) -> list[ActionRow]:
    """Current actions (with actionlead_set prefetched) as rows for includes/action_rows."""
    query = f"?as_at={as_at:%Y-%m-%d}" if as_at else ""
    return [
        ActionRow(
            a.plan.short_title,
            a.ref,
            a.text,
            a.timescale,
            a.get_absolute_url() + query,
            ", ".join(al.lead.name for al in a.actionlead_set.all()),
            getattr(a, "retired_on", None) is not None,
        )
        for a in actions
    ]


HISTORICAL_M2M = {
    "notice_targets": ("historicalaction_notice_targets", "noticetarget_id"),
    "recommendations": ("historicalaction_recommendations", "recommendation_id"),
    "core_tasks": ("historicalaction_core_tasks", "coretask_id"),
}


def action_rows_as_at(*, as_at: date, relation: str = "", pk: int = 0, lead=None):
    """The actions serving a record (relation, pk) or led by `lead`, as they stood at the
    end of `as_at`, read from the history: three queries however many actions."""
    moment = moment_for(as_at)
    actions = historical_as_at(Action, moment).select_related("plan")
    if relation:
        through = Action.history.model._meta.get_field(HISTORICAL_M2M[relation][0])
        marked = through.related_model.objects.filter(
            history_id=OuterRef("history_id"), **{HISTORICAL_M2M[relation][1]: pk}
        )
        actions = actions.filter(Exists(marked))
    if lead is not None:
        led = historical_as_at(ActionLead, moment, lead_id=lead.pk).values("action_id")
        actions = actions.filter(id__in=led)
    rows = list(actions.order_by("plan__date", "plan__slug", "sort_key"))
    leads = (
        historical_as_at(ActionLead, moment, action_id__in=[a.id for a in rows])
        .select_related("lead")
        .order_by("order")
    )
    names: dict[int, list[str]] = {}
    for row in leads:
        names.setdefault(row.action_id, []).append(row.lead.name)
    query = f"?as_at={as_at:%Y-%m-%d}"
    return [
        ActionRow(
            a.plan.short_title,
            a.ref,
            a.text,
            a.timescale,
            reverse("actions:action-detail", args=[a.plan.slug, a.ref]) + query,
            ", ".join(names.get(a.id, [])),
        )
        for a in rows
    ]


def record_as_at(record, *, as_at: date):
    """The record as it stood at the end of `as_at`; 404 if it did not exist then."""
    past = historical_as_at(type(record), moment_for(as_at), id=record.pk).first()
    if past is None:
        raise Http404(f"This did not exist yet on {as_at:%-d %B %Y}.")
    return past


def measures_led_by_as_at(*, lead: Lead, as_at: date):
    """Measures naming this lead within actions they do not lead, as at the end of a day."""
    moment = moment_for(as_at)
    named = historical_as_at(MeasureLead, moment, lead_id=lead.pk).values("measure_id")
    leads_action = historical_as_at(ActionLead, moment, lead_id=lead.pk).values("action_id")
    return (
        historical_as_at(Measure, moment, id__in=named)
        .exclude(action_id__in=leads_action)
        .select_related("action__plan")
        .order_by("action__plan__slug", "action__sort_key", "order")
    )


@dataclass
class PriorityShown:
    priority: Any
    leads: list
    outcomes: list


@dataclass
class PlanPage:
    plan: Any  # the plan, or its historical record as at a past day
    priorities: list[PriorityShown]
    core_tasks: list
    sections: list
    action_count: int


def plan_page(*, plan: Plan, as_at: date | None = None) -> PlanPage:
    """What the plan's page shows, now or as it stood at the end of a past day."""
    if as_at is None:
        priorities = [
            PriorityShown(p, [pl.lead for pl in p.prioritylead_set.all()], list(p.outcomes.all()))
            for p in priorities_for_plan(plan=plan)
        ]
        return PlanPage(plan, priorities, list(plan.core_tasks.all()),
                        list(plan.sections.all()), plan.actions.count())  # fmt: skip
    moment = moment_for(as_at)
    past = record_as_at(plan, as_at=as_at)
    counts = dict(
        historical_as_at(Action, moment, plan_id=plan.pk)
        .order_by()
        .values_list("outcome_id")
        .annotate(n=Count("history_id"))
    )
    outcomes = list(historical_as_at(Outcome, moment, plan_id=plan.pk).order_by("sort_key"))
    for outcome in outcomes:
        outcome.action_count = counts.get(outcome.id, 0)
    past_priorities = list(historical_as_at(Priority, moment, plan_id=plan.pk).order_by("number"))
    leads = list(
        historical_as_at(PriorityLead, moment, priority_id__in=[p.id for p in past_priorities])
        .select_related("lead")
        .order_by("order")
    )
    priorities = [
        PriorityShown(
            p,
            [pl.lead for pl in leads if pl.priority_id == p.id],
            [o for o in outcomes if o.priority_id == p.id],
        )
        for p in past_priorities
    ]
    core_tasks = list(historical_as_at(CoreTask, moment, plan_id=plan.pk).order_by("number"))
    sections = list(historical_as_at(PlanSection, moment, plan_id=plan.pk).order_by("order"))
    return PlanPage(past, priorities, core_tasks, sections, sum(counts.values()))
