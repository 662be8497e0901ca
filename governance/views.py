"""Pages for the governance bodies, their meetings and action logs, the plan's sign-off and
the drafting of committee papers. Everyone signed in reads; the programme office and
democratic services record (governance/rules.py); each member signs only their own line."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from actions import selectors as plan_selectors
from governance import selectors, services
from governance.forms import (
    AgendaItemForm,
    AttendanceForm,
    BoardActionForm,
    BoardActionUpdateForm,
    CommitteePaperForm,
    DecisionForm,
    MeetingForm,
    SectionFormSet,
    SignForm,
)
from governance.models import Body, Meeting, Membership
from governance.rules import may_sign

MEETINGS_PER_PAGE = 20


def _bodies():
    return Body.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("lead__organisation")),
        "reports_to",
        "reported_to_by",
    )


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _posted(request: HttpRequest):
    """The POSTed data (even when empty, so an empty form is checked), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _show_errors(form, error: ValidationError) -> None:
    """A service's refusal, shown on the form beside the field it is about."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _form_page(request, template: str, context: dict, form, save, done: str) -> HttpResponse:
    """Show the form; on a good POST call `save`, say `done` and go to the URL it returns."""
    if request.method == "POST" and form.is_valid():
        try:
            url = save(form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(url)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {**context, "form": form}, status=status)


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = Body.objects.prefetch_related("reports_to")  # all the list shows of them
    context = {"bodies": bodies, "signed_plans": selectors.plans_with_sign_off()}
    return render(request, "governance/body_list.html", context)


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(_bodies(), slug=slug)
    meetings = selectors.meetings_for_body(body=body)[:5]
    context = {"body": body, "meetings": meetings, "can_record": _can_record(request)}
    return render(request, "governance/body_detail.html", context)


def _can_record(request: HttpRequest) -> bool:
    return request.user.has_perm("governance.record_meetings")


# Meetings ------------------------------------------------------------------------------


@require_GET
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    body = selectors.body_get(slug=slug)
    page = Paginator(selectors.meetings_for_body(body=body), MEETINGS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"body": body, "page": page, "can_record": _can_record(request)}
    return render(request, "governance/meeting_list.html", context)


@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, slug: str) -> HttpResponse:
    _require(request, "governance.record_meetings")
    body = selectors.body_get(slug=slug)
    form = MeetingForm(_posted(request), initial={"title": body.name})

    def save(data):
        return services.meeting_record(body=body, **data).get_absolute_url()

    context = {"body": body, "heading": f"Record a meeting of {body.name}"}
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "The meeting is recorded.")  # fmt: skip


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "governance.record_meetings")
    meeting = selectors.meeting_get(pk=pk)
    initial = {"date": meeting.date, "title": meeting.title, "note": meeting.note}
    form = MeetingForm(_posted(request), initial=initial)

    def save(data):
        return services.meeting_edit(meeting=meeting, **data).get_absolute_url()

    context = {"body": meeting.body, "meeting": meeting, "heading": "Change the meeting’s details"}
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "The meeting’s details are saved.")  # fmt: skip


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_page(pk=pk)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "log": selectors.board_action_log(meeting=meeting),
        "can_record": _can_record(request),
        "can_edit_papers": request.user.has_perm("governance.edit_papers"),
    }
    return render(request, "governance/meeting_detail.html", context)


@require_http_methods(["GET", "POST"])
def agenda_item_edit(request: HttpRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    _require(request, "governance.record_meetings")
    meeting = selectors.meeting_get(pk=pk)
    item = get_object_or_404(meeting.agenda_items, pk=item_pk) if item_pk else None
    fields = ["order", "title", "presenter", "paper_title", "paper_url"]
    initial = {f: getattr(item, f) for f in fields} if item else {"order": _next_item(meeting)}
    form = AgendaItemForm(_posted(request), initial=initial)

    def save(data):
        services.agenda_item_save(meeting=meeting, item=item, **data)
        return meeting.get_absolute_url() + "#agenda"

    heading = f"Change agenda item {item.order}" if item else "Add an agenda item"
    context = {"meeting": meeting, "body": meeting.body, "heading": heading}
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "The agenda is saved.")  # fmt: skip


def _next_item(meeting: Meeting) -> int:
    return max((i.order for i in meeting.agenda_items.all()), default=0) + 1


@require_http_methods(["GET", "POST"])
def attendance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "governance.record_meetings")
    meeting = selectors.meeting_get(pk=pk)
    current = {a.lead_id: a.status for a in meeting.attendance.all()}
    people = selectors.body_people(body=meeting.body).order_by("name")
    form = AttendanceForm(_posted(request), people=people, current=current)

    def save(data):
        services.attendance_record(meeting=meeting, statuses=form.statuses())
        return meeting.get_absolute_url() + "#attendance"

    context = {"meeting": meeting, "body": meeting.body, "heading": "Who attended"}
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "Attendance is saved.")  # fmt: skip


@require_http_methods(["GET", "POST"])
def decision_edit(request: HttpRequest, pk: int, decision_pk: int | None = None) -> HttpResponse:
    _require(request, "governance.record_meetings")
    meeting = selectors.meeting_get(pk=pk)
    decision = get_object_or_404(meeting.decisions, pk=decision_pk) if decision_pk else None
    initial = {"text": decision.text, "agenda_item": decision.agenda_item} if decision else {}
    form = DecisionForm(_posted(request), meeting=meeting, initial=initial)

    def save(data):
        services.decision_record(meeting=meeting, decision=decision, **data)
        return meeting.get_absolute_url() + "#decisions"

    heading = "Change a decision" if decision else "Record a decision"
    context = {"meeting": meeting, "body": meeting.body, "heading": heading}
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "The decision is saved.")  # fmt: skip


@require_http_methods(["GET", "POST"])
def board_action_new(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "governance.record_meetings")
    meeting = selectors.meeting_get(pk=pk)
    form = BoardActionForm(_posted(request))

    def save(data):
        services.board_action_raise(meeting=meeting, **data)
        return meeting.get_absolute_url() + "#action-log"

    context = {"meeting": meeting, "body": meeting.body, "heading": "Add an action to the log"}
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "The action is on the log.")  # fmt: skip


@require_http_methods(["GET", "POST"])
def board_action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "governance.record_meetings")
    action = selectors.board_action_get(pk=pk)
    meetings = selectors.meetings_after(meeting=action.raised_at)
    at = _meeting_from(request, meetings) or action.closed_at or meetings.last()
    initial = {"meeting": at, "owner": action.owner, "due_date": action.due_date,
               "status": action.status}  # fmt: skip
    form = BoardActionUpdateForm(_posted(request), meetings=meetings, initial=initial)

    def save(data):
        close = data.pop("status") == "closed"
        services.board_action_update(action=action, close=close, **data)
        return data["meeting"].get_absolute_url() + "#action-log"

    context = {"meeting": at, "body": action.raised_at.body, "action": action,
               "heading": "Update an action on the log"}  # fmt: skip
    return _form_page(request, "governance/meeting_form.html", context, form, save,
                      "The action log is updated.")  # fmt: skip


def _meeting_from(request: HttpRequest, meetings) -> Meeting | None:
    raw = request.GET.get("meeting", "")
    return meetings.filter(pk=int(raw)).first() if raw.isdigit() else None


# Signing off a plan --------------------------------------------------------------------


@require_GET
def sign_off(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_selectors.plan_get(slug=slug)
    context = {"plan": plan, "sign_off": selectors.plan_sign_off(plan=plan, user=request.user)}
    return render(request, "governance/sign_off.html", context)


@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = plan_selectors.plan_get(slug=slug)
    line = selectors.signatory_get(plan=plan, pk=pk)
    if not may_sign(request.user, line):  # not has_perm: a superuser too signs only their own
        raise PermissionDenied
    if line.is_signed:
        messages.info(request, f"You signed this plan on {line.signed_on:%-d %B %Y}.")
        return redirect("governance:sign-off", plan.slug)
    form = SignForm(_posted(request))

    def save(data):
        services.plan_sign(signatory=line, user=request.user)
        return reverse("governance:sign-off", args=[plan.slug])

    context = {"plan": plan, "line": line}
    return _form_page(request, "governance/sign_confirm.html", context, form, save,
                      f"You have signed {plan.short_title}.")  # fmt: skip


# Committee papers ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def paper_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "governance.edit_papers")
    paper = selectors.committee_paper_get(pk=pk)
    if paper.is_issued:
        messages.info(request, "This paper has been issued; it can no longer be changed.")
        return redirect(paper.get_absolute_url())
    sections = [{"heading": s.heading, "body": s.body} for s in paper.sections.all()]
    return _paper_page(request, paper, sections)


@require_http_methods(["GET", "POST"])
def paper_new(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "governance.edit_papers")
    meeting = selectors.meeting_get(pk=pk)
    paper = services.committee_paper_draft(meeting=meeting)
    return _paper_page(request, paper, services.NEW_PAPER_SECTIONS)


def _paper_page(request: HttpRequest, paper, initial_sections: list[dict]) -> HttpResponse:
    data = _posted(request)
    form = CommitteePaperForm(data, instance=paper)
    sections = SectionFormSet(data, prefix="section", initial=initial_sections)
    if data is not None and form.is_valid() and sections.is_valid():
        try:
            _paper_save(paper, form, sections)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, "The draft is saved. This is how it will print.")
            return redirect(paper.get_absolute_url())
    context = {"paper": paper, "form": form, "sections": sections,
               "errors": _paper_errors(form, sections)}  # fmt: skip
    return render(request, "governance/paper_form.html", context, status=400 if data else 200)


def _paper_save(paper, form, sections) -> None:
    kept = [
        services.SectionInput(s.cleaned_data["heading"], s.cleaned_data["body"])
        for s in sections.forms
        if s.cleaned_data.get("body") and not s.cleaned_data.get("DELETE")
    ]
    fields = {k: v for k, v in form.cleaned_data.items() if k != "indicators"}
    services.committee_paper_save(
        paper=paper, fields=fields, indicators=form.cleaned_data["indicators"], sections=kept
    )


def _paper_errors(form, sections) -> list[tuple[str, str]]:
    """Every problem on the page as (anchor, message), for the error summary."""
    errors = [("", e) for e in form.non_field_errors()]
    errors += [(form[n].auto_id, e) for n in form.errors if n != "__all__" for e in form.errors[n]]
    for sub in sections.forms if sections.is_bound else []:
        errors += [(sub[n].auto_id, e) for n in sub.errors for e in sub.errors[n]]
    return errors
