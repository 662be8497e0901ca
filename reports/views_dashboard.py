"""The board's pages: thin views over the reports' pure functions."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from actions import rules
from actions.selectors import plan_get
from kentplan.clock import today
from reports import charts
from reports.dashboard import dashboard_context, live_plan

READERS = {rules.BOARD_MEMBER, rules.DEMOCRATIC_SERVICES}


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
    plan = plan_get(slug=slug)
    as_at, error = _as_at(request.GET.get("as_at", ""))
    board = dashboard_context(plan=plan, as_at=as_at)
    months = [(f"{m.month:%b %Y}", m.counts) for m in board.trend]
    chart = charts.cached_svg(
        chart="brag-trend", as_at=as_at, data=months, draw=charts.brag_trend_svg
    ) if months else ""  # fmt: skip
    context = {"plan": plan, "board": board, "chart": chart, "as_at_error": error}
    return render(request, "reports/dashboard.html", context)


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
