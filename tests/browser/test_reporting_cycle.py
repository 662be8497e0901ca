"""The monthly cycle in a real browser: verify or return from the inbox, the lead's
returned update, the programme office's returns, chase, close and reopen; axe on each."""

from datetime import date

import pytest
from django.utils import timezone

from actions.models import Evidence, ProgressUpdate, ReportingPeriod

PLAN = "/plans/putting-children-first-2011"


@pytest.fixture
def november(site, settings):
    settings.KENTPLAN_TODAY = "2011-11-15"  # the demo's day, as the leads would see it
    return ReportingPeriod.objects.create(month=date(2011, 11, 1), opened_at=timezone.now())


def _completed(users, period, ref="1.1.1"):
    action = users["alice"].lead.actions.get(ref=ref)
    update = ProgressUpdate.objects.create(
        action=action, period=period, author=users["alice"], status="complete",
        rating="green", suggested_rating="green", rating_rule="Reported complete",
        verification="pending", submitted_at=timezone.now(),
    )  # fmt: skip
    Evidence.objects.create(update=update, url="https://example.org/final", added_by=users["alice"])
    return update


def test_a_priority_lead_returns_a_completion_from_the_inbox_and_the_lead_sees_it(
    site, page, sign_in, users, november, axe_check
):
    _completed(users, november)
    sign_in(page, "bob")
    assert page.get_by_role("heading", name="Awaiting your verification (1)").is_visible()
    assert axe_check(page) == []
    page.locator("#verify").locator("..").get_by_role("link", name="Verify action 1.1.1").click()
    page.get_by_label("No, send it back").check()
    page.get_by_label("Comment for the lead").fill("The minutes are missing")
    page.get_by_role("button", name="Save decision").click()
    assert page.get_by_text("Action 1.1.1’s completion is sent back.").is_visible()
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "alice")
    returned = page.locator("#returned")
    assert returned.is_visible()
    assert page.get_by_text("The minutes are missing").is_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="Change update action 1.1.1").first.click()
    assert "/actions/1.1.1/update/" in page.url


def test_the_programme_office_chases_closes_and_reopens_a_month(
    site, page, sign_in, users, november, axe_check
):
    sign_in(page, "office")
    assert page.get_by_role("heading", name="Returns for November 2011").is_visible()
    page.get_by_role("link", name="See the returns by priority and by lead").click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Chase").click()
    assert page.get_by_text("Reminder sent to").is_visible()
    assert page.get_by_text("chased today").is_visible()
    assert axe_check(page) == []
    page.goto(f"{site}/reporting-periods/{november.pk}/close/")
    page.get_by_role("button", name="Yes, close November 2011").click()
    page.get_by_role("link", name="Reopen November 2011").click()
    page.get_by_role("button", name="Reopen November 2011").click()
    assert "Give a reason" in page.locator(".govuk-error-summary").inner_text()
    assert page.title().startswith("Error:")
    assert axe_check(page) == []
    page.get_by_label("Why are you reopening November 2011?").fill("A lead was on leave")
    page.get_by_role("button", name="Reopen November 2011").click()
    assert page.get_by_text("November 2011 is open again for updates.").is_visible()


def test_a_verifier_reopens_a_blue_completion(site, page, sign_in, users, november, axe_check):
    update = _completed(users, november)
    ProgressUpdate.objects.filter(pk=update.pk).update(
        verification="verified", rating="blue", suggested_rating="blue", verified_by=users["bob"]
    )
    sign_in(page, "office")
    page.goto(f"{site}{PLAN}/actions/1.1.1/")
    page.get_by_role("link", name="Reopen this completion").click()
    assert axe_check(page) == []
    page.get_by_label("Why are you reopening this completion?").fill("Audit found a gap")
    page.get_by_role("button", name="Reopen the completion").click()
    assert page.get_by_text("Returned: update needed").is_visible()
    assert axe_check(page) == []
