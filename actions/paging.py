"""Which page of a long list a request asks for, and what GOV.UK pagination
(templates/includes/page_nav.html) needs to draw the links to the others."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest


def page_number(request: HttpRequest) -> int:
    """?page= as a number; 1 if it is missing or not a (sensible) number."""
    raw = request.GET.get("page", "")
    return int(raw) if raw.isdigit() and 0 < len(raw) < 7 else 1


def page_of(request: HttpRequest, rows, per_page: int):
    """The page asked for (?page=), the first if it is not a number, the last if too far."""
    return Paginator(rows, per_page).get_page(page_number(request))


def page_context(page: Page) -> dict:
    pages = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {"page": page, "page_range": list(pages), "ellipsis": page.paginator.ELLIPSIS}


def rows_and_count(rows: QuerySet, *, limit: int | None, offset: int = 0) -> tuple[list, int]:
    """`limit` rows from the `offset`th (all of them with None) and how many there are in
    all, from one query: a window counts every row before the limit applies, where a
    separate COUNT would work the rows out a second time. (Past the last row there is no
    row to carry the count: 0.)"""
    end = None if limit is None else offset + limit
    found = list(rows.annotate(in_all=Window(Count("pk")))[offset:end])
    return found, getattr(found[0], "in_all") if found else 0  # noqa: B009  # an annotation
