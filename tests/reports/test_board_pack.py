"""The Improvement Board's monthly pack: built from the meeting and the data as at a date,
the dashboard's figures and charts, the exceptions in full, the indicators, the action log
as at the meeting; previewed in a fixed number of queries and drawn as a PDF."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from actions.models import Plan
from governance.models import Meeting
from governance.sampledata import sample_board_meetings_load, sample_history_dates_load
from reports import services
from reports.board_pack import board_pack, default_as_at
from reports.dashboard import dashboard_context
from reports.models import IssuedPaper, ReportKind
from tests.pdftext import pdf_pages_joined
from tests.reports import scenario

from .conftest import PLAN

KIND = ReportKind.BOARD_PACK
NOVEMBER = date(2011, 11, 10)


@pytest.fixture
def meetings(seeded) -> dict[date, Meeting]:
    """The Kent Improvement Board's (sample) meetings of March to November 2011."""
    sample_board_meetings_load()
    sample_history_dates_load()  # the plan's actions as created when it was issued
    return {m.date: m for m in Meeting.objects.filter(body__slug="kent-improvement-board")}


def url(meeting: Meeting, query: str = "") -> str:
    return f"/papers/{KIND}/{meeting.pk}/{query}"


def test_it_is_drawn_as_at_its_meeting_unless_the_meeting_is_still_to_come(meetings, settings):
    assert default_as_at(meetings[NOVEMBER]) == NOVEMBER
    settings.KENTPLAN_TODAY = "2011-11-01"
    assert default_as_at(meetings[NOVEMBER]) == date(2011, 11, 1)


def test_it_holds_the_dashboard_as_at_the_date_and_the_log_as_at_the_meeting(meetings):
    pack = board_pack(meeting=meetings[NOVEMBER], as_at=NOVEMBER)
    plan = Plan.objects.get(slug=PLAN)
    board = dashboard_context(plan=plan, as_at=NOVEMBER)
    assert pack.plan == plan
    assert pack.board.overall.total.n == board.overall.total.n == plan.actions.count()
    assert [s.total.n for s in pack.board.priorities] == [s.total.n for s in board.priorities]
    assert pack.previous_meeting.date == date(2011, 10, 20)
    assert [i.order for i in pack.agenda] == [1, 2, 3, 4, 5]
    # Raised 15 September (reported on 20 October) and raised at this meeting: both open.
    assert [(a.raised_at.date, a.closed_at_id) for a in pack.action_log] == [
        (date(2011, 9, 15), None),
        (NOVEMBER, None),
    ]
    assert pack.open_actions == 2
    september = board_pack(meeting=meetings[date(2011, 9, 15)], as_at=date(2011, 9, 15))
    assert len(september.action_log) == 2  # one raised in July, one at that meeting
    targets = [t.target.code for n in pack.notices for t in n.targets]
    assert "IN 3" in targets
    unallocated = next(
        page for n in pack.notices for t in n.targets for page in t.indicators
        if page.progress.indicator.slug == "unallocated-cases"
    )  # fmt: skip
    assert "<svg" in unallocated.chart_svg
    assert all(r.date <= NOVEMBER for r in unallocated.progress.readings)
    assert unallocated.chart_data_uri.startswith("data:image/svg+xml;base64,")


def test_its_exceptions_list_every_action_with_its_commentary(meetings):
    scenario.build(plan=Plan.objects.get(slug=PLAN), tag="x")
    pack = board_pack(meeting=meetings[NOVEMBER], as_at=date(2011, 11, 15))
    lists = {e.key: e for e in pack.exceptions}
    rows = pack.board.rows
    assert len(lists["red_amber"].rows) == sum(r.rating in ("red", "amber") for r in rows) == 2
    assert {r.ref: r.commentary for r in lists["red_amber"].rows} == {
        "Ax2": "Capacity diverted",
        "Ax1": "Recruitment delayed",
    }
    assert len(lists["overdue"].rows) == sum(r.overdue for r in rows)
    assert len(lists["missing"].rows) == sum(r.missing for r in rows) > 10  # beyond the cap


def test_the_preview_shows_the_cover_every_section_and_the_charts(client, meetings):
    page = client.get(url(meetings[NOVEMBER])).content.decode()
    for text in ["Board pack for Thursday 10 November 2011", "Agenda", "Previous meeting",
                 ">Where the plan stands</h2>", ">Trend</h2>", ">Exception report</h2>",
                 ">Improvement Notice targets and indicators</h2>", ">Coverage</h2>",
                 ">The Board’s action log</h2>", ">Since the last meeting</h2>",
                 "20 October 2011", "Sample data"]:  # fmt: skip
        assert text in page
    assert "/indicators/unallocated-cases/chart.svg?as_at=2011-11-10" in page
    assert "Issued to Kent Improvement Board, 10 November 2011" not in page  # a reader


def test_it_is_reached_from_the_boards_meeting_page_only(client, meetings):
    meeting = meetings[NOVEMBER]
    assert url(meeting) in client.get(meeting.get_absolute_url()).content.decode()
    other = Meeting.objects.exclude(body__slug="kent-improvement-board").first()
    assert f"/papers/{KIND}/" not in client.get(other.get_absolute_url()).content.decode()
    assert client.get(url(other)).status_code == 404


def _count(client, meeting) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url(meeting)).status_code == 200
        assert client.get(url(meeting, "?as_at=2011-10-31")).status_code == 200
    return len(context.captured_queries)


def test_the_preview_query_count_does_not_grow_with_the_data(client_for, meetings, settings):
    settings.SESSION_RENEW_SECONDS = 10**9  # the session's renewal write is not the page's
    democratic = client_for("democratic")
    democratic.get("/papers/")
    plan = Plan.objects.get(slug=PLAN)
    scenario.build(plan=plan, tag="a")
    before = _count(democratic, meetings[NOVEMBER])
    scenario.build(plan=plan, tag="b")
    assert _count(democratic, meetings[NOVEMBER]) == before
    assert before <= 120


def test_the_pdf_shows_the_figures_and_page_numbers_and_is_issued_to_its_meeting(
    client_for, meetings
):
    meeting = meetings[NOVEMBER]
    rendered = services.paper_request(kind=KIND, subject=str(meeting.pk), as_at=NOVEMBER)
    rendered = services.paper_render(rendered=rendered)
    with rendered.file.open("rb") as handle:
        content = handle.read()
    reader = PdfReader(BytesIO(content))
    pages = pdf_pages_joined(content)
    assert len(pages) == rendered.pages > 5
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Improvement Board pack, 10 November 2011 – as at 10 November 2011" in text
    text = " ".join(pages)
    pack = board_pack(meeting=meeting, as_at=NOVEMBER)
    assert f"Of {pack.board.overall.total.n} actions" in text
    assert "Board pack for Thursday 10 November 2011" in text
    for progress in (p.progress for n in pack.notices for t in n.targets for p in t.indicators):
        if progress.latest:
            assert progress.latest_shown in text
    for action in pack.action_log:
        assert action.description[:40] in text
    assert reader.metadata.title == "Improvement Board pack, 10 November 2011"
    # On paper the dashboard's numbers are words, not links to a site the reader is not on.
    uris = [
        annot.get_object()["/A"].get("/URI", "")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    ]
    assert not [u for u in uris if "kentplan.invalid" in u], uris
    assert "Each number opens the actions table" not in text

    response = client_for("democratic").post(
        "/papers/issue/", {"kind": KIND, "subject": meeting.pk, "as_at": "2011-11-10"}
    )
    issued = IssuedPaper.objects.get()
    assert response["Location"] == issued.get_absolute_url()
    assert issued.meeting == meeting
