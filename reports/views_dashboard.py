"""The board's pages: thin views over the reports' pure functions."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from actions import rules
from actions.asat import data_version
from actions.models import (
    ActionLead,
    CoreTask,
    Evidence,
    Lead,
    Outcome,
    Plan,
    Priority,
    PriorityLead,
)
from actions.selectors import plan_get
from kentplan.clock import today
from kentplan.kept import kept, kept_key
from reports import board_pack, charts
from reports.dashboard import dashboard_context, live_plan
from targets.models import Inspection, Recommendation

READERS = {rules.BOARD_MEMBER, rules.DEMOCRATIC_SERVICES}
# What the dashboard is drawn from (the board's pack shows it too): a save to any of them
# adds a history row, and so a new data_version. Month-end snapshots are taken when a
# month is closed, in the same transaction as that save of the month (progress.py).
SOURCES = [*board_pack.SOURCE_MODELS, Priority, Outcome, ActionLead, PriorityLead, Lead,
           Evidence, Recommendation, Inspection, CoreTask]  # fmt: skip


@require_GET
def landing(request: HttpRequest) -> HttpResponse:
    """Where signing in leads: the board and democratic services to the live plan's
    dashboard, everyone else to their own actions."""
    reads = READERS & set(request.user.groups.values_list("name", flat=True))
    plan = live_plan() if reads else None
    if plan is None:
        return redirect("actions:my-actions")
    return redirect("reports:dashboard", slug=plan.slug)


@require_GET
def live_dashboard(request: HttpRequest) -> HttpResponse:
    plan = live_plan()
    if plan is None:
        return redirect("actions:home")
    return redirect("reports:dashboard", slug=plan.slug)


@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Everything below the header is the same for every reader of the same plan on the
    same day (or as at the same day) with the same data and code, so it is drawn once and
    kept in the shared cache; only the header, each user's own, is drawn per request."""
    plan = plan_get(slug=slug)
    as_at, error = _as_at(request.GET.get("as_at", ""))
    key = kept_key("dashboard", plan.pk, as_at, error, today(), data_version(SOURCES))
    body = kept(key, lambda: _dashboard_body(request, plan, as_at, error)).decode()
    context = {"plan": plan, "as_at": as_at, "body": mark_safe(body)}  # noqa: S308 - our own
    return render(request, "reports/dashboard.html", context)


def _dashboard_body(request: HttpRequest, plan: Plan, as_at: date | None, error: str) -> str:
    board = dashboard_context(plan=plan, as_at=as_at)
    months = [(f"{m.month:%b %Y}", m.counts) for m in board.trend]
    chart = charts.cached_svg(
        chart="brag-trend", as_at=as_at, data=months, draw=charts.brag_trend_svg
    ) if months else ""  # fmt: skip
    context = {"plan": plan, "board": board, "chart": chart, "as_at_error": error}
    return render_to_string("reports/includes/dashboard_body.html", context, request=request)


def _as_at(raw: str) -> tuple[date | None, str]:
    if not raw:
        return None, ""
    try:
        as_at = date.fromisoformat(raw)
    except ValueError:
        return None, "Enter the date to show the plan as at like 2011-05-31. Showing today."
    if as_at > today():
        return None, "The date to show the plan as at must be today or earlier. Showing today."
    return (None if as_at == today() else as_at), ""
