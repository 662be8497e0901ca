"""Pages for monthly progress reporting: My actions, the update form, verification,
reporting periods and evidence files. Every one checks who may do what through the
rules in actions/rules.py before it shows or changes anything."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actions import progress, selectors, selectors_progress
from actions.brag import suggest_rating
from actions.evidence import SizeLimit
from actions.forms import OpenPeriodForm, ProgressUpdateForm, ReasonForm, VerifyForm
from actions.models import Action, Evidence, EvidenceDownload, ProgressUpdate, ReportingPeriod
from actions.paging import page_context, page_number
from kentplan.clock import today


def _action_for(request: HttpRequest, slug: str, ref: str, perm: str) -> Action:
    """The action, if this user has `perm` on it; 403 otherwise."""
    plan = selectors.plan_get(slug=slug)
    action = selectors.action_for_progress(plan=plan, ref=ref)
    if not request.user.has_perm(perm, action):
        raise PermissionDenied
    return action


@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    lead = getattr(request.user, "lead", None)
    if lead:
        selectors.with_plan_titles(lead)
    period = selectors.current_period()
    now = today()
    show = request.GET.get("show", "")
    page = page_number(request)
    groups = (
        selectors_progress.my_actions(lead=lead, period=period, today=now, show=show, page=page)
        if lead
        else []
    )
    context = {"lead": lead, "period": period, "groups": groups, "today": now, "show": show}
    if selectors_progress.may_verify_anything(request.user):
        if show == "verify":  # every completion waiting, a page at a time
            inbox, inbox_page = selectors_progress.verification_inbox_paged(
                user=request.user, today=now, page=page
            )
            count = inbox_page.paginator.count
            context["inbox_page"] = page_context(inbox_page)
        else:
            inbox, count = selectors_progress.verification_inbox_page(
                user=request.user, today=now, limit=INBOX_LIMIT
            )
        # The header's "To verify" count is this same count: counted once, not twice.
        context["inbox_count"] = context["verification_count"] = count
        context["inbox"] = inbox
    for group in groups:
        if group.page is not None:
            context["shown_page"] = page_context(group.page)
    if request.user.has_perm("actions.manage_periods") and period:
        context["returns"] = selectors_progress.returns_summary(period=period, today=now)
    return render(request, "actions/my_actions.html", context)


INBOX_LIMIT = 10


@csrf_exempt  # checked by _action_update, once the upload's size limit is in place
@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, slug: str, ref: str) -> HttpResponse:
    request.upload_handlers.insert(0, SizeLimit(request, settings.EVIDENCE_MAX_BYTES))
    return _action_update(request, slug, ref)


@csrf_protect
def _action_update(request: HttpRequest, slug: str, ref: str) -> HttpResponse:
    action = _action_for(request, slug, ref, "actions.update_action")
    period = selectors.current_period()
    if period is None:
        return render(request, "actions/no_period.html", {"action": action}, status=409)
    state = selectors.action_state(action=action, period=period, today=today())
    existing = state.this_period
    if request.method == "GET":
        form = ProgressUpdateForm(initial=_initial(existing))
        return _update_page(request, action, period, state, form)
    form = ProgressUpdateForm(request.POST, request.FILES)
    if getattr(request, "upload_too_big", False):
        limit = filesizeformat(settings.EVIDENCE_MAX_BYTES)
        form.add_error("evidence_file", f"The file must be smaller than {limit}")
    if not form.is_valid():
        return _update_page(request, action, period, state, form, status=400)
    try:
        progress.progress_update_submit(
            action=action,
            user=request.user,
            period=period,
            data=progress.UpdateInput(**_input(form.cleaned_data)),
            expected_version=form.cleaned_data["version"],
        )
    except progress.UpdateConflict as conflict:
        return _conflict_page(request, action, period, form, conflict.current)
    except ValidationError as error:
        _add_errors(form, error)
        return _update_page(request, action, period, state, form, status=400)
    messages.success(request, f"Your update on action {action.ref} for {period} is saved.")
    return redirect(action.get_absolute_url())


def _initial(update) -> dict:
    if update is None:
        return {}
    fields = ["status", "override_reason", "commentary", "revised_due_date", "revised_reason"]
    initial = {name: getattr(update, name) for name in fields}
    different = update.rating != update.suggested_rating
    initial["rating"] = update.rating if different else ""
    initial["rating_mode"] = "different" if different else "suggested"
    initial["version"] = update.version
    return initial


def _input(cleaned: dict) -> dict:
    """The form's values as the service takes them: blank text as "", dates and files as None."""
    values = {k: v for k, v in cleaned.items() if k not in ("version", "rating_mode")}
    return {
        k: "" if v is None and not k.endswith(("date", "file")) else v for k, v in values.items()
    }


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _update_page(request, action, period, state, form, status=200) -> HttpResponse:
    context = {"action": action, "plan": action.plan, "period": period, "state": state,
               "form": form, "suggestion": _suggestion(form, action, state),
               "file_dropped": bool(request.FILES.get("evidence_file")),
               "today": today()}  # fmt: skip
    return render(request, "actions/update_form.html", context, status=status)


def _suggestion(form, action, state) -> dict | None:
    """The rating the chosen status suggests, and its rule, shown before saving."""
    status = form.data.get("status") if form.is_bound else form.initial.get("status")
    if status not in ProgressUpdate.Status.values:
        return None
    typed = getattr(form, "cleaned_data", {}).get("revised_due_date")
    forecast = typed or state.forecast
    rating, rule = suggest_rating(status=status, due=forecast, start=action.start_date,
                                  today=today())  # fmt: skip
    return {"rating": rating, "label": ProgressUpdate.Rating(rating).label, "rule": rule}


def _conflict_page(request, action, period, form, current) -> HttpResponse:
    resubmit = ProgressUpdateForm(
        initial={
            **{k: v for k, v in form.cleaned_data.items() if not k.startswith("evidence")},
            "version": current.version,
        }  # fmt: skip
    )
    context = {"action": action, "plan": action.plan, "period": period, "current": current,
               "mine": form.cleaned_data, "mine_labels": _labels(form.cleaned_data),
               "form": resubmit}  # fmt: skip
    return render(request, "actions/conflict.html", context, status=409)


def _labels(cleaned: dict) -> dict[str, str]:
    """What the lead chose, in the words the form showed ("On track"), not stored values."""
    rating = cleaned.get("rating")
    return {
        "status": ProgressUpdate.Status(cleaned["status"]).label,
        "rating": ProgressUpdate.Rating(rating).label if rating else "The suggested rating",
    }


@require_POST
def action_verify(request: HttpRequest, slug: str, ref: str) -> HttpResponse:
    action = _action_for(request, slug, ref, "actions.verify_action")
    update = next((u for u in action.updates.all()), None)
    form = VerifyForm(request.POST)
    if update is None:
        raise Http404("This action has no update to verify.")
    if form.is_valid():
        try:
            progress.progress_update_verify(
                update=update,
                user=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            verb = "verified" if form.cleaned_data["decision"] == "accept" else "sent back"
            messages.success(request, f"Action {action.ref}’s completion is {verb}.")
            return redirect(_after_verify(request, action))
    context = {"action": action, "plan": action.plan, "update": update, "form": form,
               "from_inbox": request.POST.get("next") == "inbox"}  # fmt: skip
    return render(request, "actions/verify_form.html", context, status=400)


def _after_verify(request: HttpRequest, action: Action) -> str:
    """Back to the inbox when the decision was made from it, else to the action. The inbox
    heads My actions, just below the success banner, so no #verify: that would scroll the
    banner out of sight."""
    if request.POST.get("next") == "inbox":
        return reverse("actions:my-actions")
    return action.get_absolute_url()


@require_http_methods(["GET", "POST"])
def action_reopen(request: HttpRequest, slug: str, ref: str) -> HttpResponse:
    action = _action_for(request, slug, ref, "actions.verify_action")
    update = next((u for u in action.updates.all()), None)
    if update is None or update.verification != update.Verification.VERIFIED:
        raise Http404("This action has no verified completion to reopen.")
    form = ReasonForm(request.POST or None, label="Why are you reopening this completion?")
    if request.method == "POST" and form.is_valid():
        try:
            progress.progress_update_reopen(
                update=update, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Action {action.ref}’s completion is reopened.")
            return redirect(action.get_absolute_url())
    context = {"action": action, "plan": action.plan, "update": update, "form": form}
    return render(request, "actions/reopen_form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def period_list(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = OpenPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            period = progress.period_open(month=form.cleaned_data["month"], user=request.user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{period} is open for updates.")
            return redirect("actions:period-list")
    paginator = Paginator(ReportingPeriod.objects.all(), 24)
    context = {
        "periods": paginator.get_page(request.GET.get("page")),
        "form": form,
        "open_period": selectors.current_period(),
    }
    return render(request, "actions/period_list.html", context, status=400 if form.errors else 200)


def _require_office(request: HttpRequest) -> None:
    if not request.user.has_perm("actions.manage_periods"):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    period = get_object_or_404(ReportingPeriod, pk=pk)
    if request.method == "GET":
        returns = (
            selectors_progress.returns_summary(period=period, today=today())
            if period.is_open
            else None
        )
        return render(request, "actions/period_close.html", {"period": period, "returns": returns})
    try:
        progress.period_close(period=period, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{period} is closed; its updates are now frozen.")
    return redirect("actions:period-list")


@require_http_methods(["GET", "POST"])
def period_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    period = get_object_or_404(ReportingPeriod, pk=pk)
    form = ReasonForm(request.POST or None, label=f"Why are you reopening {period}?")
    if request.method == "POST" and form.is_valid():
        try:
            progress.period_reopen(
                period=period, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{period} is open again for updates.")
            return redirect("actions:period-list")
    status = 400 if form.errors else 200
    context = {"period": period, "form": form}
    return render(request, "actions/period_reopen.html", context, status=status)


@require_GET
def returns(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    period = selectors.current_period()
    if period is None:
        return render(request, "actions/returns.html", {"period": None})
    returns = selectors_progress.returns_for_period(
        period=period, today=today(), page=page_number(request)
    )
    context = {
        "period": period,
        "returns": returns,
        **page_context(returns.priority_page),
    }
    return render(request, "actions/returns.html", context)


@require_POST
def returns_chase(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    period = selectors.current_period()
    if period is None:
        raise Http404("No month is open, so there are no returns to chase.")
    try:
        chase = progress.returns_chase(period=period, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        leads = "1 lead" if chase.leads_emailed == 1 else f"{chase.leads_emailed} leads"
        messages.success(request, f"Reminder sent to {leads} with missing returns for {period}.")
    return redirect("actions:returns")


def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    evidence = get_object_or_404(
        Evidence.objects.select_related("update__action__outcome__priority"), pk=pk
    )
    if not evidence.file:
        raise Http404
    if not request.user.has_perm("actions.view_evidence", evidence.update.action):
        raise PermissionDenied
    assert request.user.is_authenticated  # LoginRequiredMiddleware
    EvidenceDownload.objects.create(evidence=evidence, user=request.user)
    return FileResponse(evidence.file.open("rb"), as_attachment=True,
                        filename=(evidence.file.name or "").rsplit("/", 1)[-1])  # fmt: skip


@require_POST
def session_keep_alive(request: HttpRequest) -> HttpResponse:
    """'Stay signed in' from the timeout warning: any signed-in request renews the session."""
    request.session.modified = True
    return HttpResponse(status=204)


@login_not_required
@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/help.html")


@login_not_required
@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")
