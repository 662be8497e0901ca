"""The papers the product can print: for each kind, how to find its subject, build its
context as at a date, name it, and tell when its data has changed."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model
from django.http import Http404

from actions.asat import data_version
from actions.models import Plan
from governance.models import CommitteePaper, Meeting
from governance.services import committee_paper_mark_issued
from reports import board_pack, committee_paper, inspection_plan, matrix, plan_document
from reports.models import ReportKind
from reports.rendering import PaperMeta, layout_version
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
    # The date a paper is shown as at when none is asked for (None: today).
    default_as_at: Callable[[Any], date] | None = None
    # The meeting a paper is always issued to (None: chosen when issuing).
    own_meeting: Callable[[Any], Meeting] | None = None
    # Done in the same transaction as issuing (e.g. freezing a committee paper's draft).
    on_issue: Callable[[Any], object] | None = None

    def meta(self, subject: Any, as_at: date) -> PaperMeta:
        return PaperMeta(title=self.title(subject), subject=self.description, as_at=as_at)

    def version(self) -> str:
        """The data's fingerprint and the drawing code's: a change to either draws anew."""
        # The plain fingerprint even while another save is being committed: an unsettled
        # one would queue the paper again for each save in progress, and the worker draws
        # the data as it stands when it runs, mostly after that save has landed. (Papers
        # are also mostly drawn as at a past date.)
        data = data_version(self.source_models, watch_writers=False)
        both = f"{data}-{layout_version()}"
        return hashlib.sha256(both.encode()).hexdigest()


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


def _committee_paper(pk: str) -> CommitteePaper:
    try:
        return CommitteePaper.objects.select_related("meeting__body", "plan").get(pk=int(pk))
    except (ValueError, CommitteePaper.DoesNotExist):
        raise Http404(f"There is no committee paper numbered {pk!r}.") from None


def _board_meeting(pk: str) -> Meeting:
    try:
        return board_pack.board_meetings().get(pk=int(pk))
    except (ValueError, Meeting.DoesNotExist):
        raise Http404(f"There is no Improvement Board meeting numbered {pk!r}.") from None


def _committee_paper_title(paper: CommitteePaper) -> str:
    return f"{paper.subject} – {paper.to_line}"


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
    ReportKind.COMMITTEE_PAPER: PaperKind(
        ReportKind.COMMITTEE_PAPER,
        "reports/committee_paper.html",
        _committee_paper,
        lambda paper, as_at: committee_paper.committee_paper(paper, as_at=as_at),
        _committee_paper_title,
        "A committee paper in Kent County Council's format, its figures from the data",
        committee_paper.SOURCE_MODELS,
        default_as_at=lambda paper: paper.as_at,
        own_meeting=lambda paper: paper.meeting,
        on_issue=lambda paper: committee_paper_mark_issued(paper=paper),
    ),
    ReportKind.BOARD_PACK: PaperKind(
        ReportKind.BOARD_PACK,
        "reports/board_pack.html",
        _board_meeting,
        lambda meeting, as_at: board_pack.board_pack(meeting=meeting, as_at=as_at),
        board_pack.title,
        "The Improvement Board's monthly pack: dashboard, exceptions, indicators, action log",
        board_pack.SOURCE_MODELS,
        default_as_at=lambda meeting: board_pack.default_as_at(meeting),
        own_meeting=lambda meeting: meeting,
    ),
}


def kind_get(kind: str) -> PaperKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404(f"There is no kind of paper called {kind!r}.") from None
