"""Papers for meetings in a real browser: democratic services produce the 21 June 2011
committee paper (seed 002) from the data, issue it to its meeting and find it in the
archive; a board member opens the Improvement Board's pack from its meeting page. Axe on
every page on the way."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from governance.models import CommitteePaper, Meeting
from governance.sampledata import (
    posc_june_2011_paper_load,
    sample_board_meetings_load,
    sample_history_dates_load,
)
from reports.models import IssuedPaper, RenderedPaper
from tests.seedsnapshot import snapshot_with

FIGURE = "Reduced unallocated cases from 2,269 to 338"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _meetings_paper_and_dates() -> None:
    sample_board_meetings_load()
    posc_june_2011_paper_load()
    sample_history_dates_load()


@pytest.fixture
def sample_meetings(site):
    snapshot_with(
        "board meetings, the June 2011 paper and the demo's dates", _meetings_paper_and_dates
    )


@pytest.fixture
def meeting_data(sample_meetings, users):
    return {
        "board_meeting": Meeting.objects.get(
            body__slug="kent-improvement-board", date=date(2011, 11, 10)
        ),
        "paper": CommitteePaper.objects.get(),
    }


def _text(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def test_democratic_services_issue_the_june_2011_committee_paper_to_its_meeting(
    site, page, sign_in, meeting_data, axe_check
):
    paper = meeting_data["paper"]
    sign_in(page, "democratic")  # the dashboard: axe checks it in test_dashboard.py
    page.get_by_role("link", name="Governance", exact=True).first.click()
    page.get_by_role("link", name="Committee papers drafted from the plan’s data").click()
    assert axe_check(page) == []
    page.get_by_role("link", name=paper.subject, exact=True).click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(re.escape(f"/papers/committee/{paper.pk}/") + "$"))
    assert FIGURE in _text(page) and "To: Specialist Children" in _text(page)
    assert axe_check(page) == []

    page.get_by_role("link", name="Download as PDF").click()
    expect(page.get_by_role("heading", name="The PDF is being prepared")).to_be_visible()
    page.get_by_role("link", name="Stop checking automatically").click()
    assert axe_check(page) == []
    from reports.services import paper_render

    paper_render(rendered=RenderedPaper.objects.get())  # what the worker does
    page.goto(f"{site}/papers/committee/{paper.pk}/")
    page.get_by_role("button", name="Issue this paper to").click()
    expect(page.get_by_text("Issued:")).to_be_visible()
    assert axe_check(page) == []
    issued = IssuedPaper.objects.get()
    assert issued.meeting == paper.meeting
    assert paper.meeting.body.name in _text(page)

    page.get_by_role("link", name="Papers", exact=True).last.click()
    expect(page.get_by_role("link", name=issued.title)).to_be_visible()
    assert axe_check(page) == []

    page.goto(f"{site}/papers/committee/{paper.pk}/")
    assert "The draft is frozen" in page.inner_text("body")
    assert page.get_by_role("link", name="Edit the draft").count() == 0
    assert axe_check(page) == []
    page.get_by_role("link", name="The meeting").click()
    page.get_by_role("link", name=issued.title).click()
    expect(page).to_have_url(re.compile(re.escape(issued.get_absolute_url()) + "$"))


def test_a_board_member_opens_the_board_pack_from_the_meeting_page(
    site, page, signed_in, meeting_data, axe_check
):
    meeting = meeting_data["board_meeting"]
    signed_in(page, "board")
    page.goto(f"{site}{meeting.get_absolute_url()}")
    assert axe_check(page) == []
    page.get_by_role("link", name="The board pack for this meeting").click()
    page.wait_for_load_state()
    text = _text(page)
    assert "Board pack for Thursday 10 November 2011" in text
    assert "The Board’s action log" in text and "Exception report" in text
    assert page.locator("img.kp-chart").count() >= 1  # the indicators' charts
    assert axe_check(page) == []
