"""Papers: previews, PDFs prepared by a worker, the Excel matrix, and the archive of
issued papers. Thin views; the work is in reports/services.py and the report modules."""

from datetime import date
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from actions.models import Plan
from actions.paging import rows_and_count
from governance.models import Meeting
from kentplan.clock import today
from reports import services
from reports.inspection_plan import inspections_with_findings
from reports.matrix import cross_reference_matrix, matrix_workbook
from reports.models import IssuedPaper, RenderedPaper, ReportKind
from reports.registry import kind_get

REFRESH_SECONDS = 3


class BadDate(Exception):
    pass


def _as_at(request: HttpRequest, default: date | None = None) -> date:
    raw = request.GET.get("as_at") or request.POST.get("as_at") or ""
    try:
        return date.fromisoformat(raw.strip()) if raw else (default or today())
    except ValueError:
        raise BadDate(raw) from None


def explains_bad_dates(view):
    """A date that cannot be read gets a page saying how to write it, not an error."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadDate as error:
            context = {"raw": str(error)}
            return render(request, "reports/bad_date.html", context, status=400)

    return wrapped


def _query(as_at: date) -> str:
    return f"?as_at={as_at:%Y-%m-%d}"


@require_GET
@explains_bad_dates
def paper_preview(request: HttpRequest, kind: str, subject: str) -> HttpResponse:
    spec = kind_get(kind)
    subject_obj = spec.subject_get(subject)
    as_at = _as_at(request, spec.default_as_at(subject_obj) if spec.default_as_at else None)
    can_issue = request.user.has_perm("reports.issue_paper")
    own_meeting = spec.own_meeting(subject_obj) if spec.own_meeting else None
    context = {
        "doc": spec.build(subject_obj, as_at),
        "layout": "reports/paper_page.html",
        "paper": spec.meta(subject_obj, as_at),
        "kind": kind,
        "subject": subject,
        "pdf_url": reverse("reports:paper-pdf", args=[kind, subject]) + _query(as_at),
        "other_formats": _other_formats(kind, subject, as_at),
        "can_issue": can_issue,
        "own_meeting": own_meeting,
        "earlier_issues": list(
            IssuedPaper.objects.filter(kind=kind, subject=subject, superseded_by__isnull=True)[:20]
        ),
    }
    if can_issue:
        context["meetings"] = (
            [own_meeting]
            if own_meeting
            else Meeting.objects.select_related("body").order_by("-date")[:60]
        )
    return render(request, spec.template, context)


def _other_formats(kind: str, subject: str, as_at: date) -> list[tuple[str, str]]:
    links = []
    if kind == ReportKind.MATRIX:
        links.append(("Download as Excel", reverse("reports:matrix-xlsx", args=[subject])))
    for other, label in [(ReportKind.PLAN, "Plan without progress"),
                         (ReportKind.PLAN_PROGRESS, "Progress edition")]:  # fmt: skip
        if kind in (ReportKind.PLAN, ReportKind.PLAN_PROGRESS) and kind != other:
            links.append((label, reverse("reports:paper-preview", args=[other, subject])))
    return [(label, url + _query(as_at)) for label, url in links]


@require_GET
@explains_bad_dates
def paper_pdf(request: HttpRequest, kind: str, subject: str) -> HttpResponse | FileResponse:
    """The PDF if it is ready; otherwise a page that says it is being prepared."""
    spec = kind_get(kind)
    default = spec.default_as_at(spec.subject_get(subject)) if spec.default_as_at else None
    as_at = _as_at(request, default)
    rendered = services.paper_request(kind=kind, subject=subject, as_at=as_at)
    if rendered.status == RenderedPaper.Status.READY:
        filename = f"{subject}-as-at-{as_at:%Y-%m-%d}.pdf"
        return FileResponse(
            rendered.file.open("rb"), content_type="application/pdf", filename=filename
        )
    refresh = 0 if request.GET.get("refresh") == "off" else REFRESH_SECONDS
    context = {"rendered": rendered, "refresh": refresh, "as_at": as_at,
               "title": kind_get(kind).title(kind_get(kind).subject_get(subject))}  # fmt: skip
    if rendered.status == RenderedPaper.Status.FAILED:
        return render(request, "reports/paper_failed.html", context, status=500)
    return render(request, "reports/paper_preparing.html", context, status=202)


@require_GET
@explains_bad_dates
def matrix_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_object_or_404(Plan, slug=slug)
    as_at = _as_at(request)
    content = matrix_workbook(cross_reference_matrix(plan=plan, as_at=as_at))
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"{slug}-matrix-as-at-{as_at:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def paper_list(request: HttpRequest) -> HttpResponse:
    """The archive of issued papers, newest first, with the reports that can be printed."""
    papers = IssuedPaper.objects.select_related(
        "issued_by", "meeting__body", "supersedes", "superseded_by"
    )
    page = Paginator(papers, 25).get_page(request.GET.get("page"))
    # The newest plans and inspections (an undated plan is one not yet in force); the
    # others' reports are printed from their own pages, which link to them.
    plans = Plan.objects.order_by(F("date").desc(nulls_first=True), "-pk")
    inspections = inspections_with_findings().order_by(
        F("started").desc(nulls_last=True), F("published").desc(nulls_last=True), "-pk"
    )
    shown_plans, plan_count = rows_and_count(plans, limit=SUBJECTS_SHOWN)
    shown_inspections, inspection_count = rows_and_count(inspections, limit=SUBJECTS_SHOWN)
    context = {
        "page": page,
        "plans": shown_plans,
        "other_plans": plan_count - len(shown_plans),
        "inspections": shown_inspections,
        "other_inspections": inspection_count - len(shown_inspections),
    }
    return render(request, "reports/paper_list.html", context)


SUBJECTS_SHOWN = 10  # plans, and inspections, offered for printing on the papers page


@require_GET
def paper_detail(request: HttpRequest, pk: int) -> HttpResponse:
    paper = get_object_or_404(
        IssuedPaper.objects.select_related(
            "issued_by", "meeting__body", "supersedes", "superseded_by"
        ),
        pk=pk,
    )
    return render(request, "reports/paper_detail.html", {"paper": paper})


@require_GET
def paper_file(request: HttpRequest, pk: int) -> HttpResponse:
    paper = get_object_or_404(IssuedPaper, pk=pk)
    try:
        content = services.issued_paper_content(paper=paper)
    except services.IssuedPaperTampered:
        return render(request, "reports/paper_tampered.html", {"paper": paper}, status=409)
    response = HttpResponse(content, content_type="application/pdf")
    name = (paper.file.name or "").rsplit("/", 1)[-1]
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_POST
@explains_bad_dates
def paper_issue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.issue_paper"):
        raise PermissionDenied("Only democratic services and the programme office issue papers.")
    if request.POST.get("paper"):
        messages.error(request, "An issued paper cannot be changed or issued again in place. "
                       "Issue a corrected paper that supersedes it.")  # fmt: skip
        return redirect("reports:paper-list")
    kind, subject = request.POST.get("kind", ""), request.POST.get("subject", "")
    as_at = _as_at(request)
    preview = reverse("reports:paper-preview", args=[kind_get(kind).kind, subject]) + _query(as_at)
    try:
        paper = services.paper_issue(
            kind=kind, subject=subject, as_at=as_at, user=request.user,
            meeting=_optional(Meeting, request.POST.get("meeting")),
            supersedes=_optional(IssuedPaper, request.POST.get("supersedes")),
        )  # fmt: skip
    except services.PaperNotReady:
        messages.info(request, "The PDF is being prepared. Issue it once it is ready; "
                      "this usually takes under a minute.")  # fmt: skip
        return redirect(preview)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(preview)
    messages.success(request, f"Issued: {paper.title}, as at {as_at:%-d %B %Y}.")
    return redirect(paper)


def _optional(model, raw: str | None):
    if not raw:
        return None
    try:
        return model.objects.get(pk=int(raw))
    except (ValueError, model.DoesNotExist):
        raise ValidationError("The meeting or earlier paper chosen no longer exists.") from None
