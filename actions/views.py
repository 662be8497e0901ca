"""Pages for reading the plan: every cross-reference navigable both ways.

Every page needs a signed-in user (LoginRequiredMiddleware); what each may change is
decided by actions/rules.py."""

import io
import zlib

from django.core.cache import cache
from django.core.paginator import EmptyPage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django_tables2 import RequestConfig

from actions import progress, selectors
from actions.asat import (
    as_at_context,
    as_at_from_request,
    data_version,
    moment_for,
    shows_as_at,
)
from actions.dataquality import data_quality_report
from actions.filters import ActionFilter
from actions.forms import VerifyForm
from actions.models import (
    Action,
    ActionLead,
    CoreTask,
    Evidence,
    Lead,
    Measure,
    MeasureLead,
    Outcome,
    Plan,
    PlanLead,
    Priority,
    ProgressUpdate,
    ReportingPeriod,
)
from actions.paging import page_context, page_number, page_of
from actions.tables import (
    ActionTable,
    actions_csv,
    actions_workbook,
    download_rows,
    print_rows,
)
from kentplan.clock import today
from kentplan.kept import kept, kept_key, kept_seconds
from targets.models import ImprovementNotice, Inspection, NoticeTarget, Recommendation
from targets.selectors import notice_target_progress, target_progress

ACTIONS_PER_PAGE = 25


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.plans_with_counts(), PLANS_PER_PAGE)
    plans: list[Plan] = list(page.object_list)
    successors = selectors.plan_successors(plans=plans)
    for plan in plans:
        plan.standing = selectors.plan_standing(  # type: ignore[attr-defined]  # shown by home.html
            plan=plan, day=today(), plans=successors
        )
    context = {"plans": plans, "today": today(), "caption_range": _range(page)}
    return render(request, "actions/home.html", {**context, **page_context(page)})


PLANS_PER_PAGE = 20


@require_GET
@shows_as_at
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    as_at = as_at_from_request(request)
    plan = selectors.plan_get_for_page(slug=slug)
    page = selectors.plan_page(plan=plan, as_at=as_at)
    standing = selectors.plan_standing(
        plan=plan, day=as_at or today(), plans=list(plan.successors.all())
    )
    context = {"plan": plan, "page": page, "standing": standing, **as_at_context(request, as_at)}
    return render(request, "actions/plan_detail.html", context)


@require_GET
@shows_as_at
def action_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The filters and the table are the same for everyone who asks for the same plan,
    filters, order, page, day (what is overdue moves with it), data and code, so they are
    drawn once and kept in the shared cache; only the page around them (the header, which
    is each user's own) is drawn for every request."""
    as_at = as_at_from_request(request)
    plan = selectors.plan_get(slug=slug)
    version = _list_version(request, plan, as_at)
    key = _list_key("page", plan, request.GET.urlencode(), as_at, version)
    body = kept(key, lambda: _action_list_body(request, plan, as_at, version)).decode()
    context = {
        "plan": plan,
        "body": mark_safe(body),  # noqa: S308 - drawn by our own template
        **as_at_context(request, as_at),
    }
    return render(request, "actions/action_list.html", context)


def _action_list_body(request: HttpRequest, plan, as_at, version: str) -> str:
    action_filter = _action_filter(request, plan, as_at)
    table = ActionTable(action_filter.qs)
    RequestConfig(request, paginate=False).configure(table)
    query = _query(request, drop=("page", "per_page", "as_at"))
    key = _list_key("print", plan, query, as_at, version)
    kept = cache.get(key)
    printed = zlib.decompress(kept).decode() if kept is not None else None
    # Without the paper rows at hand, every matching row is fetched once: the page shows
    # a slice of them and paper all of them. With them, only the page's rows are fetched.
    every_row = _fetch_if_printable(table.data.data) if printed is None else None
    _paginate(table, page=page_number(request), per_page=_per_page(request))
    shows_all = table.paginator.num_pages == 1
    too_many_to_print = table.paginator.count > MAX_ROWS_SHOWN
    if shows_all or too_many_to_print:
        printed = ""
    elif printed is None:
        rows = {"print_rows": print_rows(every_row), "table": table}
        printed = render_to_string("includes/action_print_rows.html", rows)
        # The rows for paper are the same on every page of the table: kept on their own.
        cache.set(key, zlib.compress(printed.encode(), 1), kept_seconds(key))
    context = {
        "plan": plan,
        "filter": action_filter,
        "table": table,
        "shows_all": shows_all,
        "printed_rows": mark_safe(printed),  # noqa: S308 - drawn by our own template
        "too_many_to_print": too_many_to_print,
        "query": _query(request, drop=("page", "per_page")),
        "as_at": as_at,
    }
    return render_to_string("includes/action_list_body.html", context, request=request)


@require_GET
@shows_as_at
def action_download(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """Every action the table's filters match, as CSV or an Excel workbook; kept, like the
    table, for everyone who asks for the same file of the same data."""
    as_at = as_at_from_request(request)
    plan = selectors.plan_get(slug=slug)
    key = _list_key(kind, plan, request.GET.urlencode(), as_at, _list_version(request, plan, as_at))
    try:
        content = kept(key, lambda: _download(request, plan, as_at, kind))
    except FiltersUnreadable as error:
        return HttpResponseBadRequest(
            f"The filters could not be read, so nothing was downloaded. {error}",
            content_type="text/plain; charset=utf-8",
        )
    content_type = "text/csv; charset=utf-8" if kind == "csv" else XLSX
    response = HttpResponse(content, content_type=content_type)
    name = f"{plan.slug}-actions-{(as_at or today()):%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


class FiltersUnreadable(Exception):
    """The download's filters could not be read; the message says which and why."""


def _download(request: HttpRequest, plan, as_at, kind: str) -> str | bytes:
    action_filter = _action_filter(request, plan, as_at)
    if action_filter.is_bound and not action_filter.form.is_valid():
        raise FiltersUnreadable(
            "; ".join(
                f"{action_filter.form[name].label}: {' '.join(errors)}"
                for name, errors in action_filter.form.errors.items()
            )
        )
    rows = download_rows(action_filter.qs)
    if kind == "csv":
        text = io.StringIO()
        actions_csv(rows, text)
        return text.getvalue()
    workbook = io.BytesIO()
    actions_workbook(rows, _download_about(request, plan, as_at, len(rows)), workbook)
    return workbook.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS_SHOWN = 1000  # per page with ?per_page=all, and on paper


# What the table, its filters and the rows for paper are drawn from: a save to any of them
# adds a history row, and so a new data_version. (The search reads measures' words, and the
# lead filter their leads.)
LIST_SOURCES = [Plan, Priority, Outcome, Action, ActionLead, PlanLead, Lead, ProgressUpdate,
                Evidence, ReportingPeriod, NoticeTarget, ImprovementNotice, Recommendation,
                Inspection, CoreTask, Measure, MeasureLead]  # fmt: skip


# The same without progress updates and their evidence: what the table shows of those is
# fingerprinted by selectors.table_progress_digest instead.
PLAN_SOURCES = [m for m in LIST_SOURCES if m not in (ProgressUpdate, Evidence)]


def _list_version(request: HttpRequest, plan, as_at) -> str:
    """The version of the data the table is kept under. As things are now, a save that
    changes nothing the table shows (new words in an update's commentary, most of a month
    end's saves) leaves the kept table in use. As at a past day, and when filtering on
    what changed since a date (which any save can change), every save counts."""
    changed_since = any(v for k, v in request.GET.items() if k.startswith("changed_since"))
    if as_at is not None or changed_since:
        return data_version(LIST_SOURCES)
    progress = selectors.table_progress_digest(plan=plan)
    return f"{data_version(PLAN_SOURCES)}-{progress}"


def _list_key(kind: str, plan, query: str, as_at, version: str) -> str:
    """Up to 1,000 rows is ~300 KB of HTML (~30 KB kept)."""
    return kept_key(f"actions-{kind}", plan.pk, query, as_at, today(), version)


def _fetch_if_printable(ordered):
    """Fetches every matching row once (the page shows a slice of them, paper all of them)
    unless there are more than MAX_ROWS_SHOWN; then None, and the page fetches its own."""
    if ordered.count() > MAX_ROWS_SHOWN:
        return None
    return list(ordered)  # fills the queryset's cache, which the paginator then slices


def _action_filter(request: HttpRequest, plan, as_at) -> ActionFilter:
    when = selectors.table_moment(as_at=as_at)
    queryset = selectors.actions_for_table(plan=plan, when=when)
    data = _query_dict(request, drop=("as_at", "page", "per_page", "sort"))
    return ActionFilter(data or None, queryset=queryset, plan=plan, when=when)


def _download_about(request, plan, as_at, count: int) -> list[tuple[str, str]]:
    shown = as_at or today()
    filters = _query(request, drop=("as_at", "page", "per_page", "sort")) or "none"
    return [
        ("Plan", plan.title),
        ("As at", f"{shown:%-d %B %Y}"),
        ("Filters", filters),
        ("Actions", str(count)),
        ("Sample data", "Progress updates marked 'Sample update' are made-up demonstration data."),
    ]


def _query_dict(request: HttpRequest, drop=()) -> QueryDict:
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query


def _query(request: HttpRequest, drop=()) -> str:
    return _query_dict(request, drop).urlencode()


def _per_page(request: HttpRequest) -> int:
    """25 a page; `per_page=all` (or a larger number) up to MAX_ROWS_SHOWN."""
    raw = request.GET.get("per_page", "")
    if raw == "all":
        return MAX_ROWS_SHOWN
    return min(int(raw), MAX_ROWS_SHOWN) if raw.isdigit() and int(raw) > 0 else ACTIONS_PER_PAGE


def _paginate(table, *, page: int, per_page: int) -> None:
    """The page asked for, or the last page if there are not that many."""
    try:
        table.paginate(page=page, per_page=per_page)
    except EmptyPage:
        table.paginate(page=table.paginator.num_pages, per_page=per_page)


@require_GET
@shows_as_at
def action_detail(request: HttpRequest, slug: str, ref: str) -> HttpResponse:
    as_at = as_at_from_request(request)
    plan = selectors.plan_get(slug=slug)
    action = selectors.action_get(plan=plan, ref=ref)
    period = selectors.current_period()
    state = selectors.action_state(action=action, period=period, today=today())
    can_verify = request.user.has_perm("actions.verify_action", action)
    context = {
        "plan": plan,
        "action": action,
        "updates": list(action.updates.all()),
        "delivery_leads": selectors.leads_as_named_by(
            plan=plan, leads=[row.lead for row in action.actionlead_set.all()]
        ),
        "state": state,
        "period": period,
        "changes": selectors.action_changes(action=action),
        "can_update": request.user.has_perm("actions.update_action", action),
        "can_verify": can_verify,
        "reported_it": can_verify
        and state.latest is not None
        and state.latest.verification == ProgressUpdate.Verification.PENDING
        and progress.reported_completion(update=state.latest, user=request.user),
        "verify_form": VerifyForm(),
        "from_inbox": request.GET.get("from") == "inbox",
        **as_at_context(request, as_at),
    }
    if as_at is not None:
        past, updates = selectors.action_as_at(action=action, moment=moment_for(as_at))
        if past is None:
            raise Http404(f"Action {ref} did not exist on {as_at:%-d %B %Y}.")
        changes = [c for c in context["changes"] if c.when <= moment_for(as_at)]
        context.update(past=past, updates=updates, changes=changes, can_update=False,
                       can_verify=False)  # fmt: skip
    return render(request, "actions/action_detail.html", context)


@require_GET
def data_quality(request: HttpRequest, slug: str) -> HttpResponse:
    """The checks read the plan's structure and cross-references, never its progress, so
    they are drawn once for every reader and kept until one of those (or the code)
    changes: a month end's saves leave them in use."""
    plan = selectors.plan_get(slug=slug)
    key = kept_key("data-quality", plan.pk, data_version(DATA_QUALITY_SOURCES))
    body = kept(
        key,
        lambda: render_to_string(
            "includes/data_quality_body.html", {"checks": data_quality_report(plan=plan)}
        ),
    ).decode()
    context = {"plan": plan, "body": mark_safe(body)}  # noqa: S308 - drawn by our own template
    return render(request, "actions/data_quality.html", context)


# What actions/dataquality.py reads: a save to any of them adds a history row.
DATA_QUALITY_SOURCES = [Plan, Action, ActionLead, CoreTask, NoticeTarget, ImprovementNotice,
                        Recommendation, Inspection]  # fmt: skip


@require_GET
@shows_as_at
def core_task_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    as_at = as_at_from_request(request)
    plan = selectors.plan_get(slug=slug)
    core_task = selectors.core_task_get(plan=plan, number=number)
    context = _serving_context(request, as_at, core_task, "core_tasks")
    return render(request, "actions/core_task_detail.html", {"plan": plan, **context})


def _serving_context(request: HttpRequest, as_at, record, relation: str) -> dict:
    """The record and the actions serving it, now or as they stood at the end of as_at."""
    if as_at is None:
        actions = selectors.actions_serving(**{relation: record})
        page = page_of(request, actions, ACTIONS_PER_PAGE)
        rows = selectors.action_rows(page.object_list)
    else:
        every = selectors.action_rows_as_at(as_at=as_at, relation=relation, pk=record.pk)
        page = page_of(request, every, ACTIONS_PER_PAGE)
        rows = page.object_list
        record = _past(record, as_at)
    context = {"record": record, "actions": rows, "caption_range": _range(page)}
    return {**context, **page_context(page), **as_at_context(request, as_at)}


def _range(page) -> str:
    """ " (26 to 50 of 300)" for a caption when there are other pages, else nothing."""
    if not page.has_other_pages():
        return ""
    return f" ({page.start_index()} to {page.end_index()} of {page.paginator.count})"


def _past(record, as_at):
    """The record's words as they stood, keeping its links (which history rows lack)."""
    past = selectors.record_as_at(record, as_at=as_at)
    for field in record._meta.concrete_fields:
        if not field.is_relation and hasattr(past, field.attname):  # history keeps most
            setattr(record, field.attname, getattr(past, field.attname))
    return record


@require_GET
@shows_as_at
def notice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    notice = selectors.notice_get(slug=slug)
    as_at = as_at_from_request(request)
    context = {
        "notice": notice,
        "target_progress": notice_target_progress(notice=notice, as_at=as_at),
        **as_at_context(request, as_at),
    }
    return render(request, "actions/notice_detail.html", context)


@require_GET
@shows_as_at
def notice_target_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    as_at = as_at_from_request(request)
    target = selectors.notice_target_get(notice_slug=slug, number=number)
    context = _serving_context(request, as_at, target, "notice_targets")
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
@shows_as_at
def recommendation_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    as_at = as_at_from_request(request)
    recommendation = selectors.recommendation_get(inspection_slug=slug, number=number)
    context = _serving_context(request, as_at, recommendation, "recommendations")
    return render(request, "actions/recommendation_detail.html", context)


@require_GET
def lead_list(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.leads_listed(), LEADS_PER_PAGE)
    leads = selectors.with_action_counts(selectors.with_job_titles(list(page.object_list)))
    return render(request, "actions/lead_list.html", {"leads": leads, **page_context(page)})


LEADS_PER_PAGE = 100


def _accountable(lead: Lead) -> list[tuple[str, list[Priority]]]:
    """The priorities the lead is accountable for, those alike in number and title (one
    plan's and the same priority in its copies) together, so the list stays as long as
    the plan is, however many plans repeat it; the page names a few plans of each."""
    alike: dict[str, list[Priority]] = {}
    for priority in lead.priorities.all():
        alike.setdefault(str(priority), []).append(priority)
    return list(alike.items())


@require_GET
@shows_as_at
def lead_detail(request: HttpRequest, slug: str) -> HttpResponse:
    as_at = as_at_from_request(request)
    lead = selectors.lead_get(slug=slug)
    if as_at is None:
        page = page_of(request, selectors.actions_led_by(lead=lead), ACTIONS_PER_PAGE)
        actions = selectors.action_rows(page.object_list)
        measures = selectors.measures_led_by(lead=lead)
    else:
        lead = _past(lead, as_at)
        rows = selectors.action_rows_as_at(as_at=as_at, lead=lead)
        page = page_of(request, rows, ACTIONS_PER_PAGE)
        actions = page.object_list
        measures = selectors.measures_led_by_as_at(lead=lead, as_at=as_at)
    caption = "Actions they lead" + _range(page)
    context = {
        "lead": lead,
        "accountable": _accountable(lead),
        "actions": actions,
        "actions_caption": caption,
        "measures": measures,
        **page_context(page),
    }
    return render(request, "actions/lead_detail.html", {**context, **as_at_context(request, as_at)})
