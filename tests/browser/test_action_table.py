"""The actions table and the pages read "as at" a date, in a real browser: axe-core finds
no WCAG 2.2 A/AA violation, and the filters and downloads work without JavaScript."""

import re

from django.utils import timezone
from playwright.sync_api import expect

PLAN = "/plans/putting-children-first-2011"


def test_the_table_and_past_pages_have_no_accessibility_violations(
    site, page, axe_check, signed_in, users
):
    as_at = f"as_at={timezone.localdate():%Y-%m-%d}"
    paths = [
        f"{PLAN}/actions/?rating=none&overdue=1&due_within=30",
        f"{PLAN}/actions/?rating=purple&q=" + "+".join("e" * 10),
        # More than a page's rows on one page. A search keeps them to about 30: all 129
        # took axe five seconds, the same row markup over and over.
        f"{PLAN}/actions/?per_page=all&q=develop",
        f"{PLAN}/actions/?{as_at}",
        f"{PLAN}/?{as_at}",
        f"{PLAN}/actions/2.1.4/?{as_at}",
        f"{PLAN}/core-tasks/6/?{as_at}",
        f"/notices/improvement-notice-2011/targets/3/?{as_at}",
        f"/inspections/ofsted-safeguarding-lac-2010/recommendations/9/?{as_at}",
        f"/leads/rob-semens/?{as_at}",
    ]
    signed_in(page, "board")
    problems = {}
    for path in paths:
        response = page.goto(site + path)
        assert response.status == 200, path
        if "per_page=all" in path:
            assert page.locator(".kp-table-scroll tbody tr").count() > 25
        violations = axe_check(page)
        if violations:
            problems[path] = violations
    response = page.goto(f"{site}{PLAN}/?as_at=soon")
    assert response.status == 400
    if violations := axe_check(page):
        problems["as_at=soon"] = violations
    assert problems == {}


def test_a_reader_ticks_a_filter_and_downloads_the_rows_without_javascript(
    site, new_page, signed_in, users
):
    page = new_page(java_script_enabled=False, accept_downloads=True)
    signed_in(page, "board")
    page.goto(f"{site}{PLAN}/actions/")
    page.get_by_text("More filters").click()
    page.get_by_label("Overdue", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"overdue=1"))
    assert page.get_by_label("Overdue", exact=True).is_checked()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as an Excel workbook").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_printing_the_table_prints_every_matching_row_without_link_addresses(
    site, page, signed_in, users
):
    signed_in(page, "board")
    page.goto(f"{site}{PLAN}/actions/")
    page.emulate_media(media="print")
    rows = page.locator(".kp-print-only tbody tr")
    expect(rows).to_have_count(129)
    expect(rows.first).to_be_visible()
    expect(page.locator(".kp-screen-only")).to_be_hidden()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('main a[href]'), '::after').content"
    )
    assert after in ("none", "normal")
