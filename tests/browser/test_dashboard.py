"""The Improvement Board's dashboard in a real browser, read as the board's chair would."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from actions.sampledata import DEMO_PASSWORD
from governance.sampledata import sample_data_load
from tests.seedsnapshot import snapshot_with

PLAN = "/plans/putting-children-first-2011"


@pytest.fixture
def demo(site, settings):
    settings.KENTPLAN_TODAY = "2011-11-15"
    snapshot_with("the demo's sample data", sample_data_load)
    return site


def test_a_board_member_reads_the_dashboard_follows_a_count_and_looks_back(
    demo, page, sign_in, axe_check
):
    sign_in(page, "liz.railton", DEMO_PASSWORD)
    expect(page).to_have_url(f"{demo}{PLAN}/dashboard/")
    expect(page.get_by_role("heading", name="Improvement Board dashboard")).to_be_visible()
    expect(page.locator("figure.kp-chart svg")).to_be_visible()
    assert axe_check(page) == []

    red = page.get_by_role("link", name="red: Whole plan")
    shown = int(red.inner_text().split()[0])
    red.click()
    page.wait_for_url(f"{demo}{PLAN}/actions/?*")
    page.wait_for_load_state()
    url = urlsplit(page.url)
    assert url.path == f"{PLAN}/actions/"
    assert parse_qs(url.query) == {"rating": ["red"]}
    assert shown > 0

    page.go_back()
    page.get_by_label("Show the dashboard as at a date").fill("2011-05-31")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="As at 31 May 2011")).to_be_visible()
    expect(page.get_by_text("Where the plan stands on 31 May 2011")).to_be_visible()
    assert "as_at=2011-05-31" in page.get_by_role("link", name="red: Whole plan").get_attribute(
        "href"
    )
    assert axe_check(page) == []
    page.get_by_role("link", name="Back to today’s dashboard").click()
    expect(page).to_have_url(f"{demo}{PLAN}/dashboard/")


def test_democratic_services_land_on_the_dashboard_and_leads_on_my_actions(demo, new_page, sign_in):
    office, lead = new_page(), new_page()
    sign_in(office, "democratic.services", DEMO_PASSWORD)
    sign_in(lead, "rob.semens", DEMO_PASSWORD)
    assert office.url == f"{demo}{PLAN}/dashboard/"
    assert lead.url == f"{demo}/my-actions/"
