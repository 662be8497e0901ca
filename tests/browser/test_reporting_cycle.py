"""The monthly cycle in a real browser: verify or return from the inbox, the lead's
returned update, the programme office's returns, chase, close and reopen. Axe checks each
page once: the inbox, My actions with a returned update and the returns, before and after
a chase, in the demo's journey below (with the demo's fuller data); the rest here."""

import re
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actions.models import Evidence, ProgressUpdate, ReportingPeriod
from tests.seedsnapshot import snapshot_with

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
    site, page, sign_in, users, november
):
    _completed(users, november)
    sign_in(page, "bob")
    expect(page.get_by_role("heading", name="Awaiting your verification (1)")).to_be_visible()
    page.locator("#verify").locator("..").get_by_role("link", name="Verify action 1.1.1").click()
    page.get_by_label("No, send it back").check()
    page.get_by_label("Comment for the lead").fill("The minutes are missing")
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Action 1.1.1’s completion is sent back.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "alice")
    returned = page.locator("#returned")
    expect(returned).to_be_visible()
    expect(page.get_by_text("The minutes are missing")).to_be_visible()
    page.get_by_role("link", name="Change update action 1.1.1").first.click()
    expect(page).to_have_url(re.compile(r"/actions/1\.1\.1/update/"))


def test_the_programme_office_chases_closes_and_reopens_a_month(
    site, page, sign_in, users, november, axe_check
):
    sign_in(page, "office")
    expect(page.get_by_role("heading", name="Returns for November 2011")).to_be_visible()
    page.get_by_role("link", name="See the returns by priority and by lead").click()
    page.get_by_role("button", name="Chase").click()
    expect(page.get_by_text("Reminder sent to")).to_be_visible()
    expect(page.get_by_text("chased today")).to_be_visible()
    page.goto(f"{site}/reporting-periods/{november.pk}/close/")
    page.get_by_role("button", name="Yes, close November 2011").click()
    page.get_by_role("link", name="Reopen November 2011").click()
    page.get_by_role("button", name="Reopen November 2011").click()
    assert "Give a reason" in page.locator(".govuk-error-summary").inner_text()
    assert page.title().startswith("Error:")
    assert axe_check(page) == []
    page.get_by_label("Why are you reopening November 2011?").fill("A lead was on leave")
    page.get_by_role("button", name="Reopen November 2011").click()
    expect(page.get_by_text("November 2011 is open again for updates.")).to_be_visible()


def test_a_verifier_reopens_a_blue_completion(site, page, signed_in, users, november, axe_check):
    update = _completed(users, november)
    ProgressUpdate.objects.filter(pk=update.pk).update(
        verification="verified", rating="blue", suggested_rating="blue", verified_by=users["bob"]
    )
    signed_in(page, "office")
    page.goto(f"{site}{PLAN}/actions/1.1.1/")
    page.get_by_role("link", name="Reopen this completion").click()
    assert axe_check(page) == []
    page.get_by_label("Why are you reopening this completion?").fill("Audit found a gap")
    page.get_by_role("button", name="Reopen the completion").click()
    expect(page.get_by_text("Returned: update needed")).to_be_visible()
    assert axe_check(page) == []


def test_an_update_typed_when_the_session_ended_is_not_lost(
    site, page, signed_in, users, november, axe_check
):
    signed_in(page, "alice")
    page.goto(f"{site}{PLAN}/actions/1.1.1/update/")
    assert page.locator("#timeout-warning").count() == 1
    page.get_by_label("On track").check()
    page.get_by_label("Commentary").fill("Typed over a long lunch")
    page.context.clear_cookies()  # the session ends while the lead is typing
    page.get_by_role("button", name="Save update").click()
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("a-long-test-pass")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{PLAN}/actions/1.1.1/update/")
    assert page.get_by_label("Commentary").input_value() == "Typed over a long lunch"
    expect(page.get_by_text("What you typed before your session ended")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("button", name="Save update").click()
    expect(page).to_have_url(re.compile(rf"{PLAN}/actions/1\.1\.1/$"))
    assert ProgressUpdate.objects.get().commentary == "Typed over a long lunch"


def test_the_timeout_warning_offers_to_stay_signed_in(
    site, page, sign_in, users, settings, axe_check
):
    settings.SESSION_COOKIE_AGE = 302  # five minutes before the end is now (at 10 s at least)
    page.clock.install()  # the page's timers run on a clock the test moves on
    sign_in(page, "alice")
    dialog = page.locator("#timeout-warning")
    expect(dialog).to_be_hidden()
    page.clock.fast_forward("00:11")
    dialog.get_by_role("button", name="Stay signed in").wait_for(state="visible", timeout=5000)
    assert axe_check(page) == []
    with page.expect_response("**/session/keep-alive/") as response:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert response.value.status == 204
    expect(dialog).to_be_hidden()

    # Escape is "stay signed in" too: the session is renewed, not left to end unseen.
    page.clock.fast_forward("00:11")
    dialog.get_by_role("button", name="Stay signed in").wait_for(state="visible", timeout=5000)
    with page.expect_response("**/session/keep-alive/") as response:
        page.keyboard.press("Escape")
    assert response.value.status == 204
    dialog.wait_for(state="hidden", timeout=5000)

    # When the site does not answer, the warning stays and says so.
    page.route("**/session/keep-alive/", lambda route: route.abort())
    page.clock.fast_forward("00:11")
    dialog.get_by_role("button", name="Stay signed in").wait_for(state="visible", timeout=5000)
    dialog.get_by_role("button", name="Stay signed in").click()
    assert dialog.get_by_role("alert").wait_for(state="visible", timeout=5000) is None
    assert "could not be kept signed in" in dialog.get_by_role("alert").inner_text()
    expect(dialog).to_be_visible()
    assert axe_check(page) == []


@pytest.fixture
def demo(site, settings):
    from governance.sampledata import sample_data_load

    settings.KENTPLAN_TODAY = "2011-11-15"
    snapshot_with("the demo's sample data", sample_data_load)
    return site


def test_in_the_demo_each_role_completes_its_month_without_a_dead_end(
    demo, page, sign_in, axe_check
):
    """Issue 10's "Done when": rob.semens updates, malcolm.newsam verifies from his inbox,
    plan.manager chases the missing returns and closes the month; axe on every page."""
    from actions.sampledata import DEMO_PASSWORD

    # The delivery lead: from My actions to a saved update and back to My actions.
    sign_in(page, "rob.semens", DEMO_PASSWORD)
    expect(page.locator("#returned")).to_be_visible()  # the demo's returned completion heads it
    assert axe_check(page) == []
    link = page.get_by_role("link", name=re.compile(r"^Update action ")).first
    ref = link.get_attribute("href").split("/actions/")[1].split("/")[0]
    link.click()
    page.wait_for_load_state()  # the form's script listens once the page has loaded
    page.get_by_label("On track").check()
    expect(page.locator("#rating-suggestion")).to_contain_text(  # shown as soon as chosen
        "Suggested rating for the status chosen:"
    )
    page.get_by_label("Commentary").fill("Workshops held with every team this month.")
    assert axe_check(page) == []
    page.get_by_role("button", name="Save update").click()
    expect(
        page.get_by_text(f"Your update on action {ref} for November 2011 is saved.")
    ).to_be_visible()
    history = page.locator("#history + table").inner_html()
    assert "November 2011: status</strong> set to On track" in history
    assert axe_check(page) == []
    page.get_by_role("link", name="My actions").click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Sign out").click()

    # The priority lead: the inbox, the evidence on the action page, a decision, the inbox.
    sign_in(page, "malcolm.newsam", DEMO_PASSWORD)
    heading = page.locator("#verify").inner_text()
    waiting = int(heading.split("(")[1].rstrip(")"))
    assert waiting > 0
    assert axe_check(page) == []
    page.locator("#verify + p + table").get_by_role("link", name="Verify").first.click()
    expect(page.get_by_role("heading", name="Verify the completion")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_label("Yes, verify it (Blue)").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page).to_have_url(re.compile(r"/my-actions/$"))
    expect(page.get_by_text("’s completion is verified.")).to_be_visible()
    assert page.locator("#verify").inner_text() == f"Awaiting your verification ({waiting - 1})"
    assert axe_check(page) == []
    page.get_by_role("button", name="Sign out").click()

    # The programme office: the returns, a chase, then closing the month from there.
    sign_in(page, "plan.manager", DEMO_PASSWORD)
    page.get_by_role("link", name="See the returns by priority and by lead").click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Chase").click()
    expect(page.get_by_text("Reminder sent to")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="close November 2011").click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Yes, close November 2011").click()
    expect(page.get_by_text("November 2011 is closed; its updates are now frozen.")).to_be_visible()
    assert axe_check(page) == []
    assert ReportingPeriod.objects.get(month=date(2011, 11, 1)).closed_at is not None


def test_a_printed_page_has_no_navigation_buttons_or_link_addresses_and_ratings_in_words(
    demo, page, sign_in
):
    from actions.sampledata import DEMO_PASSWORD

    sign_in(page, "malcolm.newsam", DEMO_PASSWORD)
    page.locator("#verify + p + table").get_by_role("link", name="Verify").first.click()
    page.emulate_media(media="print")
    for hidden in ("nav", ".govuk-service-navigation", ".govuk-footer", ".govuk-breadcrumbs",
                   "form", ".govuk-button"):  # fmt: skip
        shown = page.locator(hidden).evaluate_all("els => els.filter(e => e.checkVisibility())")
        assert shown == [], hidden
    after = page.evaluate(
        "[...document.querySelectorAll('main a[href]')]"
        ".map(a => getComputedStyle(a, '::after').content)"
    )
    assert after and set(after) <= {"none", "normal"}
    tag = page.locator("main .kp-rating").first
    style = tag.evaluate(
        "t => { const s = getComputedStyle(t); "
        "return [s.backgroundColor, s.color, s.borderTopStyle, s.borderTopWidth]; }"
    )
    assert style == ["rgba(0, 0, 0, 0)", "rgb(11, 12, 12)", "solid", "2px"]
    assert tag.inner_text() in ("Green", "Amber", "Red", "Blue")
