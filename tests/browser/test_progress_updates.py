"""A lead's monthly update in a real browser, as the leads will do it."""

import re
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actions.models import Evidence, ProgressUpdate, ReportingPeriod

PLAN = "/plans/putting-children-first-2011"


@pytest.fixture
def november(site, settings):
    settings.KENTPLAN_TODAY = "2011-11-15"  # the demo's day, as the leads would see it
    return ReportingPeriod.objects.create(month=date(2011, 11, 1), opened_at=timezone.now())


def test_a_lead_records_an_update_from_my_actions_and_sees_it_in_the_history(
    site, page, sign_in, users, november, axe_check
):
    sign_in(page, "alice")
    expect(page.get_by_role("heading", name="My actions")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="Update action 1.1.1").click()
    page.get_by_label("On track").check()
    page.get_by_label("Commentary").fill("Programme timetable agreed with the unions.")
    page.get_by_label("Link to evidence").fill("https://example.org/timetable.pdf")
    page.get_by_label("What the evidence shows").fill("Programme timetable")
    assert axe_check(page) == []
    page.get_by_role("button", name="Save update").click()
    expect(page).to_have_url(f"{site}{PLAN}/actions/1.1.1/")
    expect(
        page.get_by_text("Your update on action 1.1.1 for November 2011 is saved.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Programme timetable")).to_be_visible()
    history = page.locator("#history + table").inner_text()
    assert "alice" in history and "Update for November 2011" in history
    assert axe_check(page) == []
    assert ProgressUpdate.objects.get().commentary == "Programme timetable agreed with the unions."


def test_a_mistake_is_explained_at_the_top_and_by_the_field(site, page, signed_in, users, november,
                                                           axe_check):  # fmt: skip
    signed_in(page, "alice")
    page.goto(f"{site}{PLAN}/actions/1.1.1/update/")
    page.get_by_label("Off track").check()
    page.get_by_role("button", name="Save update").click()
    summary = page.locator(".govuk-error-summary")
    assert "Explain what is happening: the rating is Red" in summary.inner_text()
    assert page.title().startswith("Error:")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_commentary"
    assert axe_check(page) == []
    assert not ProgressUpdate.objects.exists()


def test_a_second_lead_saving_over_the_first_is_shown_the_conflict(
    site, new_page, sign_in, users, november, axe_check
):
    first, second = new_page(), new_page()
    sign_in(first, "alice")
    sign_in(second, "bob")
    for page in (first, second):
        page.goto(f"{site}{PLAN}/actions/1.1.1/update/")
        page.get_by_label("On track").check()
    first.get_by_label("Commentary").fill("Alice's account of the month")
    first.get_by_role("button", name="Save update").click()
    second.get_by_label("Commentary").fill("Bob's account of the month")
    second.get_by_role("button", name="Save update").click()
    expect(
        second.get_by_role("heading", name="Someone else has updated action 1.1.1")
    ).to_be_visible()
    assert "Alice's account of the month" in second.content().replace("&#x27;", "'")
    assert second.get_by_label("Commentary").input_value() == "Bob's account of the month"
    assert axe_check(second) == []
    assert ProgressUpdate.objects.get().commentary == "Alice's account of the month"


def test_a_lead_cannot_reach_the_update_form_of_an_action_they_do_not_lead(
    site, page, signed_in, users, november, axe_check
):
    signed_in(page, "charlie")
    response = page.goto(f"{site}{PLAN}/actions/1.1.1/update/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You cannot do this")).to_be_visible()
    page.goto(f"{site}{PLAN}/actions/1.1.1/")
    assert page.get_by_role("link", name="Update for November 2011").count() == 0
    assert axe_check(page) == []


def test_a_priority_lead_verifies_a_completion(site, page, signed_in, users, november, axe_check):
    action = users["alice"].lead.actions.get(ref="1.1.1")
    update = ProgressUpdate.objects.create(
        action=action, period=november, author=users["alice"], status="complete",
        rating="green", suggested_rating="green", rating_rule="Reported complete",
        verification="pending", submitted_at=timezone.now(),
    )  # fmt: skip
    Evidence.objects.create(
        update=update, url="https://example.org/final-review", added_by=users["alice"]
    )
    signed_in(page, "bob")
    page.goto(f"{site}{PLAN}/actions/1.1.1/")
    assert axe_check(page) == []
    page.get_by_label("Yes, verify it (Blue)").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Action 1.1.1’s completion is verified.")).to_be_visible()
    update.refresh_from_db()
    assert (update.rating, update.verified_by) == ("blue", users["bob"])


def test_the_programme_office_pages_have_no_accessibility_violations(
    site, page, signed_in, users, november, axe_check
):
    signed_in(page, "office")
    page.goto(f"{site}/reporting-periods/")
    assert axe_check(page) == []
    page.get_by_role("link", name="close it").click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Yes, close November 2011").click()
    page.get_by_role("button", name="Open the month").click()  # nothing entered
    assert "Enter the month to open" in page.locator(".govuk-error-summary").inner_text()
    assert axe_check(page) == []


def test_the_sign_in_page_has_no_accessibility_violations(site, page, axe_check):
    page.goto(f"{site}/accounts/login/")
    assert axe_check(page) == []
    page.get_by_role("button", name="Sign in").click()
    assert axe_check(page) == []


def test_the_suggested_rating_follows_the_status_and_date_as_they_are_chosen(
    site, page, signed_in, users, november, axe_check
):
    """suggest.js gives the same rating and rule as the server's suggest_rating, case by case."""
    from actions.brag import suggest_rating
    from actions.models import Action

    Action.objects.filter(ref="1.1.1", plan__slug="putting-children-first-2011").update(
        start_date=date(2011, 9, 1)  # so "Not started, though due to start" can show
    )
    action = Action.objects.get(ref="1.1.1", plan__slug="putting-children-first-2011")
    today = date(2011, 11, 15)
    signed_in(page, "alice")
    page.goto(f"{site}{PLAN}/actions/1.1.1/update/")
    box = page.locator("#rating-suggestion")
    assert "Choose how the action is going above" in box.inner_text()
    statuses = ProgressUpdate.Status
    typed = [("", "", ""), ("20", "11", "2011"), ("1", "11", "2011"), ("31", "12", "2011"),
             ("30", "2", "2012"), ("1", "6", "2012")]  # fmt: skip
    for day, month, year in typed:
        page.locator("[name=revised_due_date_day]").fill(day)
        page.locator("[name=revised_due_date_month]").fill(month)
        page.locator("[name=revised_due_date_year]").fill(year)
        try:
            due = date(int(year), int(month), int(day))
        except ValueError:
            due = action.due_date  # not a real date: the plan's own stands
        for status in statuses:
            page.locator(f"input[name=status][value={status.value}]").check()
            rating, rule = suggest_rating(status=status, due=due, start=action.start_date,
                                          today=today)  # fmt: skip
            label = ProgressUpdate.Rating(rating).label
            expected = f"Suggested rating for the status chosen: {label} – {rule}."
            assert box.inner_text() == expected, (day, month, year, status)
            assert box.locator(f".kp-rating--{rating}").count() == 1
    assert axe_check(page) == []


def test_long_lists_come_a_page_at_a_time_without_accessibility_violations(
    site, page, signed_in, users, november, axe_check, monkeypatch
):
    """Short pages here, so the real plan's lists run to several (the live server is a
    thread of this process, and reads the same settings)."""
    monkeypatch.setattr("actions.selectors_progress.SHOWN_PER_PAGE", 5)
    monkeypatch.setattr("actions.selectors_progress.PRIORITIES_PER_PAGE", 2)
    monkeypatch.setattr("actions.views.ACTIONS_PER_PAGE", 2)
    monkeypatch.setattr("actions.views.PLANS_PER_PAGE", 1)
    signed_in(page, "bob")
    page.goto(f"{site}/my-actions/")
    page.get_by_role("link", name="Show all").first.click()
    nav = page.get_by_role("navigation", name=re.compile("^Pages of "))
    nav.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"show=\w+&page=2#\w+$"))
    assert "Showing 6 to 10 of" in page.locator("main").inner_text()
    assert axe_check(page) == []
    for url in ("/inspections/ofsted-safeguarding-lac-2010/recommendations/2/", "/?page=2"):
        page.goto(f"{site}{url}")
        page.get_by_role("navigation", name=re.compile("^Pages of ")).get_by_role(
            "link", name="Page 1"
        ).click()
        expect(page).to_have_url(re.compile(r"\?page=1$"))
        assert axe_check(page) == []
    page.context.clear_cookies()
    signed_in(page, "office")
    page.goto(f"{site}/returns/")
    page.get_by_role("navigation", name="Pages of priorities").get_by_role(
        "link", name="Next"
    ).click()
    assert "Priorities 3 to 4 of" in page.locator("main").inner_text()
    assert axe_check(page) == []
