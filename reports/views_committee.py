"""The committee paper's pages: the list of drafts and the preview, as the paper will print."""

from datetime import date

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from governance import selectors
from reports.committee_paper import committee_paper

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
    paper = selectors.committee_paper_get(pk=pk)
    context = {
        "report": committee_paper(paper, as_at=_as_at(request)),
        "can_edit": request.user.has_perm("governance.edit_papers") and not paper.is_issued,
    }
    return render(request, "reports/committee_paper.html", context)


def _as_at(request: HttpRequest) -> date | None:
    raw = request.GET.get("as_at", "")
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        raise Http404("The date to show the paper as at must be written like 2011-05-31.") from None
