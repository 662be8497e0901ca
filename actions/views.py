"""Pages for reading the plan: every cross-reference navigable both ways.

Reading the plan is open to anyone who can reach the site, as the printed plan is a
public document; changing it is for signed-in officers (and the admin) only."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_tables2 import RequestConfig

from actions import selectors
from actions.dataquality import data_quality_report
from actions.filters import ActionFilter
from actions.tables import ActionTable

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
    context = {"plan": plan, "action": action, "changes": selectors.action_history(action=action)}
    return render(request, "actions/action_detail.html", context)


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
    return render(
        request, "actions/notice_detail.html", {"notice": selectors.notice_get(slug=slug)}
    )


@require_GET
def notice_target_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    target = selectors.notice_target_get(notice_slug=slug, number=number)
    context = {"record": target, "actions": selectors.actions_serving(notice_targets=target)}
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
