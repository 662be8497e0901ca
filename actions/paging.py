"""Which page of a long list a request asks for, and what GOV.UK pagination
(templates/includes/page_nav.html) needs to draw the links to the others."""

from django.core.paginator import Page, Paginator
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
