"""The papers the product can print: for each kind, how to find its subject, build its
context as at a date, name it, and tell when its data has changed."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model
from django.http import Http404

from actions.models import Plan
from reports import inspection_plan, matrix, plan_document
from reports.asat import data_version
from reports.models import ReportKind
from reports.rendering import PaperMeta
from targets.models import Inspection


@dataclass(frozen=True)
class PaperKind:
    kind: str
    template: str
    subject_get: Callable[[str], Any]
    build: Callable[[Any, date], Any]
    title: Callable[[Any], str]
    description: str
    source_models: list[type[Model]]

    def meta(self, subject: Any, as_at: date) -> PaperMeta:
        return PaperMeta(title=self.title(subject), subject=self.description, as_at=as_at)

    def version(self) -> str:
        return data_version(self.source_models)


def _plan(slug: str) -> Plan:
    try:
        return Plan.objects.get(slug=slug)
    except Plan.DoesNotExist:
        raise Http404(f"There is no plan called {slug!r}.") from None


def _inspection(slug: str) -> Inspection:
    try:
        return inspection_plan.inspections_with_findings().get(slug=slug)
    except Inspection.DoesNotExist:
        raise Http404(f"There is no inspection with findings called {slug!r}.") from None


KINDS: dict[str, PaperKind] = {
    ReportKind.PLAN: PaperKind(
        ReportKind.PLAN,
        "reports/plan_document.html",
        _plan,
        lambda plan, as_at: plan_document.plan_document(plan=plan, as_at=as_at),
        lambda plan: plan.title,
        "The improvement plan: priorities, outcomes, actions and appendices",
        plan_document.SOURCE_MODELS,
    ),
    ReportKind.PLAN_PROGRESS: PaperKind(
        ReportKind.PLAN_PROGRESS,
        "reports/plan_document.html",
        _plan,
        lambda plan, as_at: plan_document.plan_document(plan=plan, as_at=as_at, progress=True),
        lambda plan: f"{plan.title} – progress edition",
        "The improvement plan with each action's latest rating and commentary",
        plan_document.SOURCE_MODELS,
    ),
    ReportKind.INSPECTION: PaperKind(
        ReportKind.INSPECTION,
        "reports/inspection_plan.html",
        _inspection,
        lambda insp, as_at: inspection_plan.inspection_action_plan(inspection=insp, as_at=as_at),
        lambda inspection: f"{inspection.title}: action plan",
        "Inspection findings with the actions taken or required, leads and dates",
        inspection_plan.SOURCE_MODELS,
    ),
    ReportKind.MATRIX: PaperKind(
        ReportKind.MATRIX,
        "reports/matrix.html",
        _plan,
        lambda plan, as_at: matrix.cross_reference_matrix(plan=plan, as_at=as_at),
        lambda plan: f"{plan.short_title}: cross-reference matrix",
        "Improvement Notice targets, Ofsted recommendations and core tasks against actions",
        matrix.SOURCE_MODELS,
    ),
}


def kind_get(kind: str) -> PaperKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404(f"There is no kind of paper called {kind!r}.") from None
