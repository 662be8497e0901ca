"""Pages for reading the plan: every cross-reference navigable both ways.

Every page needs a signed-in user (LoginRequiredMiddleware); what each may change is
decided by actions/rules.py."""

from datetime import date, datetime, time

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django_tables2 import RequestConfig

from actions import selectors
from actions.dataquality import data_quality_report
from actions.filters import ActionFilter
from actions.forms import VerifyForm
from actions.tables import ActionTable
from kentplan.clock import today
from targets.selectors import as_at_param, notice_target_progress, target_progress

ACTIONS_PER_PAGE = 25


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "actions/home.html", {"plans": selectors.plans_with_counts()})


@require_GET
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = selectors.plan_get_for_page(slug=slug)
    context = {
        "plan": plan,
        "priorities": selectors.priorities_for_plan(plan=plan),
        "core_tasks": plan.core_tasks.all(),
        "action_count": plan.actions.count(),
    }
    return render(request, "actions/plan_detail.html", context)


@require_GET
def action_list(request: HttpRequest, slug: str) -> HttpResponse:
    plan = selectors.plan_get(slug=slug)
    action_filter = ActionFilter(
        request.GET or None, queryset=selectors.actions_for_table(plan=plan), plan=plan
    )
    table = ActionTable(action_filter.qs)
    RequestConfig(request, paginate={"per_page": ACTIONS_PER_PAGE}).configure(table)
    context = {"plan": plan, "filter": action_filter, "table": table}
    return render(request, "actions/action_list.html", context)


@require_GET
def action_detail(request: HttpRequest, slug: str, ref: str) -> HttpResponse:
    plan = selectors.plan_get(slug=slug)
    action = selectors.action_get(plan=plan, ref=ref)
    period = selectors.current_period()
    context = {
        "plan": plan,
        "action": action,
        "updates": list(action.updates.all()),
        "state": selectors.action_state(action=action, period=period, today=today()),
        "period": period,
        "changes": selectors.action_changes(action=action),
        "can_update": request.user.has_perm("actions.update_action", action),
        "can_verify": request.user.has_perm("actions.verify_action", action),
        "verify_form": VerifyForm(),
    }
    as_at = _as_at(request)
    if as_at is not None:
        moment = datetime.combine(as_at, time.max, tzinfo=timezone.get_current_timezone())
        past, updates = selectors.action_as_at(action=action, moment=moment)
        if past is None:
            raise Http404(f"Action {ref} did not exist on {as_at:%-d %B %Y}.")
        context.update(as_at=as_at, past=past, updates=updates, can_update=False,
                       can_verify=False)  # fmt: skip
    return render(request, "actions/action_detail.html", context)


def _as_at(request: HttpRequest):
    raw = request.GET.get("as_at", "")
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        raise Http404(
            "The date to show the action as at must be written like 2011-06-30."
        ) from None


@require_GET
def data_quality(request: HttpRequest, slug: str) -> HttpResponse:
    plan = selectors.plan_get(slug=slug)
    context = {"plan": plan, "checks": data_quality_report(plan=plan)}
    return render(request, "actions/data_quality.html", context)


@require_GET
def core_task_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    plan = selectors.plan_get(slug=slug)
    core_task = selectors.core_task_get(plan=plan, number=number)
    context = {
        "plan": plan,
        "record": core_task,
        "actions": selectors.actions_serving(core_tasks=core_task),
    }
    return render(request, "actions/core_task_detail.html", context)


@require_GET
def notice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    notice = selectors.notice_get(slug=slug)
    as_at = as_at_param(request.GET.get("as_at"))
    context = {
        "notice": notice,
        "target_progress": notice_target_progress(notice=notice, as_at=as_at),
    }
    return render(request, "actions/notice_detail.html", context)


@require_GET
def notice_target_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    target = selectors.notice_target_get(notice_slug=slug, number=number)
    context = {"record": target, "actions": selectors.actions_serving(notice_targets=target)}
    as_at = as_at_param(request.GET.get("as_at"))
    context["tp"] = target_progress(target=target, as_at=as_at)
    return render(request, "actions/notice_target_detail.html", context)


@require_GET
def inspection_list(request: HttpRequest) -> HttpResponse:
    context = {"inspections": selectors.inspections_with_counts()}
    return render(request, "actions/inspection_list.html", context)


@require_GET
def inspection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    inspection = selectors.inspection_get(slug=slug)
    return render(request, "actions/inspection_detail.html", {"inspection": inspection})


@require_GET
def recommendation_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    recommendation = selectors.recommendation_get(inspection_slug=slug, number=number)
    context = {
        "record": recommendation,
        "actions": selectors.actions_serving(recommendations=recommendation),
    }
    return render(request, "actions/recommendation_detail.html", context)


@require_GET
def lead_list(request: HttpRequest) -> HttpResponse:
    return render(request, "actions/lead_list.html", {"leads": selectors.leads_with_counts()})


@require_GET
def lead_detail(request: HttpRequest, slug: str) -> HttpResponse:
    lead = selectors.lead_get(slug=slug)
    context = {
        "lead": lead,
        "actions": selectors.actions_serving(leads=lead),
        "measures": selectors.measures_led_by(lead=lead),
    }
    return render(request, "actions/lead_detail.html", context)
