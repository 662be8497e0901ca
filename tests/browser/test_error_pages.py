"""The error pages and a retired action in a real browser: GOV.UK look, no WCAG 2.2
A/AA violation, and nothing on any page blocked by the Content-Security-Policy."""

from django.template.loader import render_to_string
from playwright.sync_api import expect

from actions.models import Action

PLAN = "/plans/putting-children-first-2011"


def test_the_error_pages_have_no_accessibility_violations(site, page, axe_check, signed_in, users):
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    signed_in(page, "board")
    problems = {}
    for path, status in [("/plans/nope/", 404), ("/leads/?page=%00", 400),
                         ("/reporting-periods/", 403)]:  # fmt: skip
        response = page.goto(site + path)
        assert response.status == status, path
        problems[path] = axe_check(page)
    page.goto(site + "/")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert blocked == []
    assert all(not v for v in problems.values()), problems


def test_the_csrf_page_has_no_accessibility_violations(site, page, axe_check):
    page.goto(f"{site}/accounts/login/")
    page.context.clear_cookies()
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("x")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="The form was open for too long")).to_be_visible()
    assert axe_check(page) == []


def test_the_500_page_has_no_accessibility_violations(site, page, axe_check):
    page.goto(f"{site}/accounts/login/")
    page.set_content(render_to_string("500.html"))
    assert axe_check(page) == []


def test_a_retired_action_has_no_accessibility_violations(site, page, axe_check, signed_in, users):
    Action.objects.filter(ref="1.1.1", plan__slug=PLAN.split("/")[-1]).update(
        retired_on="2011-11-15", retired_reason="Left out of the plan file."
    )
    signed_in(page, "board")
    for path in (f"{PLAN}/actions/1.1.1/", f"{PLAN}/actions/?retired=1"):
        page.goto(site + path)
        expect(page.get_by_text("Retired").first).to_be_visible()
        assert axe_check(page) == [], path
