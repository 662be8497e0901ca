"""Governance pages in a real browser: every new page passes axe, and democratic services
edit the June 2011 committee paper and preview it as it will print."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from actions.rules import BOARD_MEMBER
from governance.models import BoardAction, CommitteePaper, Meeting
from governance.sampledata import posc_june_2011_paper_load, sample_board_meetings_load
from tests.conftest import make_user
from tests.seedsnapshot import snapshot_with

SIGN_OFF = "/plans/putting-children-first-2011/sign-off/"


def _board_meetings_and_the_june_paper() -> None:
    sample_board_meetings_load()
    posc_june_2011_paper_load()


@pytest.fixture
def sample_meetings(site):
    snapshot_with("board meetings and the June 2011 paper", _board_meetings_and_the_june_paper)


@pytest.fixture
def governance_data(sample_meetings, users):
    return {
        "meeting": Meeting.objects.get(body__slug="kent-improvement-board", date=date(2011, 9, 15)),
        "paper": CommitteePaper.objects.get(),
        "action": BoardAction.objects.order_by("pk").first(),
    }


def _axe_clean(page, axe_check, url: str) -> None:
    page.goto(url)
    assert page.locator("h1").count() >= 1, url
    assert axe_check(page) == [], url


def test_every_new_page_passes_axe(site, page, signed_in, governance_data, axe_check):
    meeting, paper, action = (governance_data[k] for k in ("meeting", "paper", "action"))
    signed_in(page, "office")
    for url in [
        "/governance/",
        "/governance/kent-improvement-board/",
        "/governance/kent-improvement-board/meetings/",
        "/governance/kent-improvement-board/meetings/new/",
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/edit/",
        f"/meetings/{meeting.pk}/agenda/new/",
        f"/meetings/{meeting.pk}/agenda/{meeting.agenda_items.first().pk}/",
        f"/meetings/{meeting.pk}/attendance/",
        f"/meetings/{meeting.pk}/decisions/new/",
        f"/meetings/{meeting.pk}/decisions/{meeting.decisions.first().pk}/",
        f"/meetings/{meeting.pk}/action-log/new/",
        f"/meetings/{meeting.pk}/papers/new/",
        f"/board-actions/{action.pk}/",
        SIGN_OFF,
        "/papers/committee/",
        f"/papers/committee/{paper.pk}/",
        f"/papers/committee/{paper.pk}/edit/",
    ]:
        _axe_clean(page, axe_check, f"{site}{url}")
    page.goto(f"{site}/governance/kent-improvement-board/meetings/new/")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert axe_check(page) == []


def test_a_board_member_signs_the_plan_from_their_own_account(site, page, signed_in, users,
                                                              axe_check):  # fmt: skip
    make_user("railton", role=BOARD_MEMBER, lead="Liz Railton")
    signed_in(page, "railton")
    page.goto(f"{site}{SIGN_OFF}")
    page.get_by_role("link", name="Sign the plan as Liz Railton").click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Sign the plan").click()
    summary = page.locator(".govuk-error-summary")
    assert "Confirm that you commit to the plan" in summary.inner_text()
    assert axe_check(page) == []
    page.get_by_label("I have read the plan and commit to it").check()
    page.get_by_role("button", name="Sign the plan").click()
    expect(page.get_by_text("1 of 11 has signed")).to_be_visible()
    assert axe_check(page) == []


def test_democratic_services_edit_the_paper_and_preview_it(site, page, signed_in, governance_data,
                                                          axe_check):  # fmt: skip
    paper = governance_data["paper"]
    signed_in(page, "democratic")
    page.goto(f"{site}/papers/committee/")
    page.get_by_role("link", name=f"Edit {paper.subject}").click()
    page.get_by_label("Summary").fill("Updates Members on progress on delivering the Plan")
    new = page.locator("fieldset", has_text="A new section")
    new.get_by_label("Heading").fill("Next steps")
    new.get_by_label("Text").fill("The Panel will meet on 22 June.\n\n[performance]")
    page.get_by_role("button", name="Save and preview").click()
    expect(page).to_have_url(f"{site}/papers/committee/{paper.pk}/")
    assert axe_check(page) == []
    paper_text = " ".join(page.locator("main").inner_text().split())
    assert "Updates Members on progress on delivering the Plan" in paper_text
    assert "1. (1) The Improvement Plan is a standing item" in paper_text
    assert "4. (1) The Panel will meet on 22 June." in paper_text
    assert paper_text.count("Reduced unallocated cases from 2,269 to 338") == 2
    assert "Recommendations" in paper_text and "5. Members are asked to NOTE" in paper_text
    page.get_by_label("Show the figures as at").fill("2011-03-31")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("main")).to_contain_text(
        "Recorded unallocated cases at 2,269 (February 2011)"
    )
    assert axe_check(page) == []
