"""The committee paper's pages: the list of drafts, and the preview as the paper will print
(the papers' own preview, so the same page gives the PDF and issues it)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from governance import selectors
from reports.models import ReportKind
from reports.views_papers import paper_preview as _paper_preview

PAPERS_PER_PAGE = 20


@require_GET
def paper_list(request: HttpRequest) -> HttpResponse:
    papers = Paginator(selectors.committee_papers(), PAPERS_PER_PAGE)
    context = {
        "page": papers.get_page(request.GET.get("page")),
        "can_edit": request.user.has_perm("governance.edit_papers"),
    }
    return render(request, "reports/committee_paper_list.html", context)


@require_GET
def paper_preview(request: HttpRequest, pk: int) -> HttpResponse:
    return _paper_preview(request, ReportKind.COMMITTEE_PAPER, str(pk))
