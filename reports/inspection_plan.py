"""An inspection's action plan, in the table of seed 000: each Ofsted finding, grouped by
area, with the actions taken or required, their leads and when they are due."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch

from actions.models import Action, ActionLead, Lead, Plan, ProgressUpdate
from reports.asat import latest_updates_at
from targets.models import Inspection, Recommendation

SOURCE_MODELS = [Inspection, Recommendation, Action, ActionLead, Lead, Plan, ProgressUpdate]


@dataclass
class ActionLine:
    ref: str
    plan: str
    text: str
    leads: list[str]
    by_when: str
    status: str


@dataclass
class FindingRow:
    number: int
    text: str
    timeframe: str
    actions: list[ActionLine]

    @property
    def rows(self) -> int:
        return max(1, len(self.actions))


@dataclass
class InspectionActionPlan:
    inspection: Inspection
    as_at: date
    areas: list[tuple[str, list[FindingRow]]]


def inspections_with_findings():
    """Inspections whose findings the council's papers list (each once: no join, so the
    rows can be counted and ordered as they are)."""
    return Inspection.objects.filter(
        Exists(Recommendation.objects.filter(inspection=OuterRef("pk")))
    )


def inspection_action_plan(*, inspection: Inspection, as_at: date) -> InspectionActionPlan:
    """The inspection's findings by area, each with the actions (of any plan) serving it."""
    actions = (
        Action.objects.select_related("plan")
        .prefetch_related(Prefetch("actionlead_set", ActionLead.objects.select_related("lead")))
        .order_by("plan__date", "sort_key")
    )
    findings = inspection.recommendations.prefetch_related(Prefetch("actions", queryset=actions))
    latest = latest_updates_at(as_at=as_at, recommendations__inspection=inspection)
    areas: dict[str, list[FindingRow]] = {}
    for rec in findings.order_by("number"):
        lines = [_line(action, latest.get(action.pk)) for action in rec.actions.all()]
        row = FindingRow(rec.number, rec.text, rec.get_timeframe_display() if rec.timeframe else "",
                         lines)  # fmt: skip
        areas.setdefault(rec.area or "Findings", []).append(row)
    return InspectionActionPlan(inspection, as_at, list(areas.items()))


def _line(action: Action, update) -> ActionLine:
    status = update.get_status_display() if update else "No update reported"
    leads = [al.lead.name for al in action.actionlead_set.all()]
    return ActionLine(action.ref, action.plan.short_title, action.text, leads, action.timescale,
                      status)  # fmt: skip
