"""Reads of the plan. Each returns a QuerySet (or plain data) with what its page needs
fetched up front, so a page's query count does not grow with the plan."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

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
    Priority,
    PriorityLead,
)
from targets.models import ImprovementNotice, Inspection, NoticeTarget, Recommendation


def plans_with_counts() -> QuerySet[Plan]:
    return Plan.objects.select_related("predecessor").annotate(
        priority_count=Count("priorities", distinct=True),
        outcome_count=Count("outcomes", distinct=True),
        action_count=Count("actions", distinct=True),
    )


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


def actions_for_table(*, plan: Plan) -> QuerySet[Action]:
    """The plan's actions with what the actions table shows."""
    return (
        plan.actions.select_related("outcome__priority")
        .prefetch_related(
            action_leads_prefetch(), "notice_targets", "recommendations", "core_tasks"
        )
        .order_by("sort_key")
    )


def action_get(*, plan: Plan, ref: str) -> Action:
    measures = Measure.objects.prefetch_related(
        Prefetch("measurelead_set", queryset=MeasureLead.objects.select_related("lead"))
    )
    queryset = plan.actions.select_related("outcome__priority", "plan").prefetch_related(
        action_leads_prefetch(),
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


def actions_serving(**filters: Any) -> QuerySet[Action]:
    """Actions (of any plan) that serve a target, recommendation, core task or lead."""
    return (
        Action.objects.filter(**filters)
        .select_related("plan", "outcome")
        .prefetch_related(action_leads_prefetch())
        .order_by("plan__date", "plan__slug", "sort_key")
        .distinct()
    )


def notice_get(*, slug: str) -> ImprovementNotice:
    targets = NoticeTarget.objects.annotate(action_count=Count("actions"))
    return get_object_or_404(
        ImprovementNotice.objects.prefetch_related(Prefetch("targets", queryset=targets), "plans"),
        slug=slug,
    )


def notice_target_get(*, notice_slug: str, number: int) -> NoticeTarget:
    return get_object_or_404(
        NoticeTarget.objects.select_related("notice").prefetch_related("indicators"),
        notice__slug=notice_slug,
        number=number,
    )


def inspections_with_counts() -> QuerySet[Inspection]:
    return Inspection.objects.annotate(recommendation_count=Count("recommendations"))


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


def leads_with_counts() -> QuerySet[Lead]:
    return Lead.objects.select_related("organisation").annotate(
        action_count=Count("actions", distinct=True),
        priority_count=Count("priorities", distinct=True),
    )


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


# The cross-references an action's history records, with how each is named.
HISTORY_M2M = {
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


def _m2m_ids(record, name: str) -> set[int]:
    id_field = HISTORY_M2M[name][2]
    return {getattr(row, id_field) for row in getattr(record, f"historicalaction_{name}_set").all()}


def _m2m_names(records) -> dict[str, dict[int, str]]:
    names = {}
    for name, (_, model, _) in HISTORY_M2M.items():
        ids = set().union(*(_m2m_ids(r, name) for r in records)) if records else set()
        names[name] = {obj.pk: obj.code for obj in model.objects.filter(pk__in=ids)}
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
    return str(Action._meta.get_field(name).verbose_name).capitalize()


def _display(value: Any) -> str:
    return "(blank)" if value in (None, "") else str(value)


def actions_filter_choices(*, plan: Plan) -> dict[str, QuerySet]:
    """The options the actions table's filters offer, limited to this plan."""
    return {
        "priority": plan.priorities.all(),
        "outcome": plan.outcomes.all(),
        "lead": Lead.objects.filter(Q(actions__plan=plan) | Q(plans=plan)).distinct(),
        "notice_target": NoticeTarget.objects.filter(notice__plans=plan).select_related("notice"),
        "recommendation": Recommendation.objects.filter(inspection__plans=plan).select_related(
            "inspection"
        ),
        "core_task": plan.core_tasks.all(),
    }
