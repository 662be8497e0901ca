"""The plan-browsing pages in a real browser: they render in the GOV.UK look, links
work, and axe-core finds no WCAG 2.2 A/AA violation on any of them."""

import re

from playwright.sync_api import expect

PLAN = "/plans/putting-children-first-2011"

PAGES = [
    "/",
    f"{PLAN}/",
    f"{PLAN}/actions/",
    f"{PLAN}/actions/?due_after_day=31&due_after_month=2&due_after_year=2011",
    f"{PLAN}/actions/2.1.4/",
    f"{PLAN}/actions/6.3.5/",
    f"{PLAN}/core-tasks/6/",
    "/notices/improvement-notice-2011/",
    "/notices/improvement-notice-2011/targets/3/",
    "/inspections/",
    "/inspections/ofsted-safeguarding-lac-2010/",
    "/inspections/ofsted-safeguarding-lac-2010/recommendations/9/",
    "/inspections/ofsted-unannounced-2010/",
    "/plans/unannounced-inspection-action-plan-2010/",
    "/leads/",
    "/leads/rob-semens/",
    "/indicators/",
    "/indicators/outstanding-initial-assessments/",
    "/governance/",
    "/governance/kent-improvement-board/",
    f"{PLAN}/data-quality/",
]


def test_every_browsing_page_has_no_accessibility_violations(
    site, page, axe_check, signed_in, users
):
    signed_in(page, "board")
    problems = {}
    for path in PAGES:
        response = page.goto(site + path)
        assert response.status == 200, path
        violations = axe_check(page)
        if violations:
            problems[path] = violations
    assert problems == {}


def test_a_reader_follows_a_cross_reference_there_and_back(site, page, signed_in, users):
    signed_in(page, "board")
    page.goto(f"{site}{PLAN}/actions/2.1.3/")
    page.get_by_role("link", name="IN 3", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^IN 3"))
    page.get_by_role("link", name="2.1.3", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action 2.1.3")


def test_a_reader_filters_the_actions_without_javascript(site, new_page, signed_in, users):
    page = new_page(java_script_enabled=False)
    signed_in(page, "board")
    page.goto(f"{site}{PLAN}/actions/")
    page.get_by_label("Search").fill("ethnicity")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("main")).to_contain_text("1 action matches these filters.")
    expect(page.get_by_role("link", name="6.3.6", exact=True)).to_be_visible()


def test_the_accessibility_check_does_find_violations(page, axe_check):
    page.set_content('<html lang="en"><body><main><img src="chart.png"></main></body></html>')
    assert any(line.startswith("image-alt") for line in axe_check(page))
