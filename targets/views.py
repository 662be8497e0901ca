from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from targets import charts, selectors, services
from targets.forms import ReadingForm, ReadingsUploadForm

READINGS_PER_PAGE = 25


def _as_at(request: HttpRequest) -> date | None:
    return selectors.as_at_param(request.GET.get("as_at"))


def _may_record(request: HttpRequest) -> None:
    if not request.user.has_perm("targets.record_reading"):
        raise PermissionDenied


@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    indicators = selectors.indicator_list(as_at=_as_at(request))
    context = {
        "indicators": indicators,
        "can_record": request.user.has_perm("targets.record_reading"),
    }
    return render(request, "targets/indicator_list.html", context)


@require_GET
def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    progress = selectors.indicator_get(slug=slug, as_at=_as_at(request))
    newest_first = list(reversed(progress.readings))
    context = {
        "progress": progress,
        "indicator": progress.indicator,
        "figures": selectors.figures(progress),
        "page": Paginator(newest_first, READINGS_PER_PAGE).get_page(request.GET.get("page")),
        "can_record": request.user.has_perm("targets.record_reading"),
    }
    return render(request, "targets/indicator_detail.html", context)


@require_GET
def indicator_chart(request: HttpRequest, slug: str) -> HttpResponse:
    progress = selectors.indicator_get(slug=slug, as_at=_as_at(request))
    svg = charts.indicator_chart(progress, small=request.GET.get("size") == "small")
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@require_http_methods(["GET", "POST"])
def reading_create(request: HttpRequest, slug: str) -> HttpResponse:
    _may_record(request)
    progress = selectors.indicator_get(slug=slug)
    indicator = progress.indicator
    form = ReadingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reading_record(
                indicator=indicator, user=request.user, day=data["date"], value=data["value"],
                source=data["source"], note=data["note"],
            )  # fmt: skip
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"The reading for {data['date']:%d %B %Y} is recorded.")
            return redirect(indicator.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"indicator": indicator, "progress": progress, "form": form}
    return render(request, "targets/reading_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def readings_upload(request: HttpRequest) -> HttpResponse:
    _may_record(request)
    if request.method == "POST" and "csv_text" in request.POST:
        return _readings_save(request, request.POST["csv_text"])
    form = ReadingsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _readings_preview(request, form.cleaned_data["file"])
    status = 400 if form.errors else 200
    return render(request, "targets/readings_upload.html", {"form": form}, status=status)


def _readings_preview(request: HttpRequest, text: str) -> HttpResponse:
    try:
        rows = services.readings_csv_check(text=text)
    except services.ReadingsRejected as rejected:
        context = {"form": ReadingsUploadForm(), "problems": rejected.problems}
        return render(request, "targets/readings_upload.html", context, status=400)
    problems = [f"row {r.row}: {p}" for r in rows for p in r.problems]
    context = {"rows": rows, "problems": problems, "csv_text": text}
    return render(
        request, "targets/readings_preview.html", context, status=400 if problems else 200
    )


def _readings_save(request: HttpRequest, text: str) -> HttpResponse:
    try:
        saved = services.readings_csv_save(text=text, user=request.user)
    except services.ReadingsRejected as rejected:
        context = {"form": ReadingsUploadForm(), "problems": rejected.problems}
        return render(request, "targets/readings_upload.html", context, status=400)
    count = len(saved)
    messages.success(
        request, "1 reading is recorded." if count == 1 else f"{count} readings are recorded."
    )
    return redirect("targets:indicator-list")
