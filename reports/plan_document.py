"""The improvement plan as a document, in the layout of the printed plan (seed 001):
title, commitment page, governance and context, priorities and core tasks, the detailed
action tables, and the three appendices. Optionally with each action's progress."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actions.models import (
    Action,
    ActionLead,
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
)
from governance.models import Signatory
from reports.asat import history_moment, latest_updates_at, versions_at
from targets.models import NoticeTarget, Recommendation

# Everything the document shows; a save to any of these makes a new version of it.
SOURCE_MODELS = [Plan, PlanSection, PlanLead, Priority, PriorityLead, Outcome, Action,
                 ActionLead, Measure, MeasureLead, CoreTask, Lead, Signatory, ProgressUpdate,
                 NoticeTarget, Recommendation]  # fmt: skip

M2M = {
    "notice_targets": "noticetarget_id",
    "recommendations": "recommendation_id",
    "core_tasks": "coretask_id",
}


@dataclass
class MeasureRow:
    text: str
    timescale: str
    leads: list[str]


@dataclass
class ActionRow:
    ref: str
    text: str
    timescale: str
    leads: list[str]
    measures: list[MeasureRow]
    notice_targets: list[int]
    recommendations: list[tuple[int, str]]  # (number, code as the source prints it)
    core_tasks: list[int]
    joint_with: list[str]
    rating: str = ""
    rating_label: str = ""
    commentary: str = ""
    reported_for: date | None = None


@dataclass
class OutcomeBlock:
    ref: str
    statement: str
    actions: list[ActionRow]
    printed_as: str = ""


@dataclass
class PriorityBlock:
    number: int
    title: str
    theme: str
    key_objectives: str
    themes: list[str]
    leads: list[str]
    outcomes: list[OutcomeBlock]


@dataclass
class SignatoryLine:
    name: str
    capacity: str
    signed_on: date | None


@dataclass
class RecommendationGroup:
    area: str
    timeframes: list[tuple[str, list[Recommendation]]]


@dataclass
class PlanDocument:
    plan: Plan
    as_at: date
    progress: bool
    sections: list[PlanSection]
    signatories: list[SignatoryLine]
    core_tasks: list[CoreTask]
    priorities: list[PriorityBlock]
    recommendation_groups: list[RecommendationGroup]
    notice_targets: list[NoticeTarget]
    leads: list[tuple[str, str]]
    commitment: PlanSection | None = None
    action_refs: list[str] = field(default_factory=list)


def plan_document(*, plan: Plan, as_at: date, progress: bool = False) -> PlanDocument:
    """The plan as it stood at the end of `as_at`, ready for the document's template."""
    moment = history_moment(plan=plan, as_at=as_at)
    lead_names = dict(Lead.objects.values_list("pk", "name"))
    actions = _actions_at(plan, moment, lead_names)
    if progress:
        _add_progress(plan, as_at, actions)
    priorities = _priorities_at(plan, moment, lead_names, actions)
    sections = list(plan.sections.all())
    commitment = next((s for s in sections if s.heading.startswith("Commitment")), None)
    return PlanDocument(
        plan=plan,
        as_at=as_at,
        progress=progress,
        sections=[s for s in sections if s is not commitment],
        commitment=commitment,
        signatories=_signatories(plan, as_at),
        core_tasks=list(plan.core_tasks.all()),
        priorities=priorities,
        recommendation_groups=_recommendation_groups(plan),
        notice_targets=list(NoticeTarget.objects.filter(notice__plans=plan).order_by("number")),
        leads=_appendix_leads(plan),
        action_refs=[a.ref for p in priorities for o in p.outcomes for a in o.actions],
    )


def _ordered_names(rows, owner_field: str, lead_names: dict[int, str]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (getattr(r, owner_field), r.order)):
        names[getattr(row, owner_field)].append(lead_names.get(row.lead_id, "?"))
    return names


def _actions_at(plan: Plan, moment, lead_names) -> dict[int, tuple[int, str, ActionRow]]:
    """Action id → (outcome id, sort key, row), as at the moment."""
    records = versions_at(Action, moment, plan_id=plan.pk).prefetch_related(
        *(f"historicalaction_{name}_set" for name in M2M)
    )
    numbers = _reference_numbers(plan)
    leads = _ordered_names(
        versions_at(ActionLead, moment, action__plan_id=plan.pk), "action_id", lead_names
    )
    measures = _measures_at(plan, moment, lead_names)
    rows = {}
    for record in records:
        refs = {
            name: sorted(
                numbers[name][getattr(r, id_field)]
                for r in getattr(record, f"historicalaction_{name}_set").all()
                if getattr(r, id_field) in numbers[name]
            )
            for name, id_field in M2M.items()
        }
        joint = [n for flag, n in [(record.joint_with_partners, "Partners"),
                                   (record.joint_with_health, "Health"),
                                   (record.joint_with_schools, "Schools")] if flag]  # fmt: skip
        row = ActionRow(record.ref, record.text, record.timescale, leads.get(record.id, []),
                        measures.get(record.id, []), refs["notice_targets"],
                        refs["recommendations"], refs["core_tasks"], joint)  # fmt: skip
        rows[record.id] = (record.outcome_id, record.sort_key, row)
    return rows


def _reference_numbers(plan: Plan) -> dict[str, dict[int, Any]]:
    return {
        "notice_targets": dict(
            NoticeTarget.objects.filter(notice__plans=plan).values_list("pk", "number")
        ),
        "recommendations": {
            r.pk: (r.number, r.code)
            for r in Recommendation.objects.filter(inspection=plan.recommendations_from_id)
        },
        "core_tasks": dict(CoreTask.objects.filter(plan=plan).values_list("pk", "number")),
    }


def _measures_at(plan: Plan, moment, lead_names) -> dict[int, list[MeasureRow]]:
    leads = _ordered_names(
        versions_at(MeasureLead, moment, measure__action__plan_id=plan.pk),
        "measure_id",
        lead_names,
    )
    measures: dict[int, list[MeasureRow]] = defaultdict(list)
    records = versions_at(Measure, moment, action__plan_id=plan.pk).order_by("action_id", "order")
    for m in records:
        measures[m.action_id].append(MeasureRow(m.text, m.timescale, leads.get(m.id, [])))
    return measures


def _priorities_at(plan: Plan, moment, lead_names, actions) -> list[PriorityBlock]:
    by_outcome: dict[int, list[tuple[str, ActionRow]]] = defaultdict(list)
    for outcome_id, sort_key, row in actions.values():
        by_outcome[outcome_id].append((sort_key, row))
    outcomes: dict[int, list[tuple[str, OutcomeBlock]]] = defaultdict(list)
    for o in versions_at(Outcome, moment, plan_id=plan.pk):
        rows = [row for _, row in sorted(by_outcome.get(o.id, []), key=lambda pair: pair[0])]
        block = OutcomeBlock(o.ref, o.statement, rows, o.printed_as)
        outcomes[o.priority_id].append((o.sort_key, block))
    leads = _ordered_names(
        versions_at(PriorityLead, moment, priority__plan_id=plan.pk), "priority_id", lead_names
    )
    records = sorted(versions_at(Priority, moment, plan_id=plan.pk), key=lambda p: p.number)
    return [
        PriorityBlock(p.number, p.title, p.theme, p.key_objectives, p.themes,
                      leads.get(p.id, []),
                      [block for _, block in sorted(outcomes.get(p.id, []), key=lambda x: x[0])])
        for p in records
    ]  # fmt: skip


def _add_progress(plan: Plan, as_at: date, actions) -> None:
    """Each action's latest update reported on or before the date."""
    for action_id, update in latest_updates_at(as_at=as_at, plan=plan).items():
        if action_id in actions:
            row = actions[action_id][2]
            row.rating, row.rating_label = update.rating, update.get_rating_display()
            row.commentary, row.reported_for = update.commentary, update.period.month


def _signatories(plan: Plan, as_at: date) -> list[SignatoryLine]:
    rows = Signatory.objects.filter(plan=plan).select_related("lead").order_by("order")
    return [
        SignatoryLine(
            s.lead.name,
            s.capacity,
            s.signed_on if s.signed_on and s.signed_on <= as_at else None,
        )
        for s in rows
    ]


def _recommendation_groups(plan: Plan) -> list[RecommendationGroup]:
    if not plan.recommendations_from_id:
        return []
    groups: dict[str, dict[str, list[Recommendation]]] = {}
    for rec in Recommendation.objects.filter(inspection=plan.recommendations_from_id):
        area = groups.setdefault(rec.area or "Recommendations", {})
        area.setdefault(rec.get_timeframe_display(), []).append(rec)
    return [RecommendationGroup(area, list(frames.items())) for area, frames in groups.items()]


def _appendix_leads(plan: Plan) -> list[tuple[str, str]]:
    rows = PlanLead.objects.filter(plan=plan, in_appendix=True).select_related("lead")
    return [(row.lead.name, row.job_title or row.lead.job_title) for row in rows.order_by("order")]
