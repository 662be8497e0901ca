"""The dashboard page: its sections, 'as at', bad dates, its query count, and the chart."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import Body, Meeting
from reports import charts
from tests.reports.scenario import BOARD, TODAY, build

pytestmark = pytest.mark.django_db
URL = "/plans/board-test/dashboard/"


@pytest.fixture
def scenario(seeded, settings):
    settings.KENTPLAN_TODAY = TODAY
    return build()


def test_it_shows_every_section(client, scenario):
    page = client.get(URL).content.decode()
    for heading in ["Where the plan stands", "Trend", "Exceptions", "Improvement Notice targets",
                    "Coverage", "Since the last meeting"]:  # fmt: skip
        assert f">{heading}</h2>" in page
    assert "Of 7 actions" in page
    assert "<svg" in page and "Actions by rating at each month end" in page
    assert "Improvement Board’s meeting on 27 October 2011" in page
    assert "see the notice page" in page
    assert 'href="/plans/board-test/actions/?overdue=1"' in page


def test_it_shows_the_plan_as_at_a_date_with_a_banner_and_a_way_back(client, scenario):
    page = client.get(URL, {"as_at": "2011-10-31"}).content.decode()
    assert "As at 31 October 2011" in page
    assert f'href="{URL}">Back to today’s dashboard' in page
    assert "as_at=2011-10-31" in page
    assert "Of 7 actions, <a" in page


@pytest.mark.parametrize(
    ("raw", "message"),
    [("31/05/2011", "Enter the date to show the plan as at like 2011-05-31"),
     ("2012-01-01", "must be today or earlier")],
)  # fmt: skip
def test_it_explains_a_bad_date_and_shows_today(client, scenario, raw, message):
    response = client.get(URL, {"as_at": raw})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "As at" not in page


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
        assert client.get(URL, {"as_at": "2011-10-31"}).status_code == 200
    return len(context.captured_queries)


def test_its_query_count_does_not_grow_when_the_data_doubles(client, scenario):
    before = count_queries(client)
    build(scenario["plan"], tag="x")
    after = count_queries(client)
    assert after == before
    assert before <= 80


def test_it_renders_within_a_fixed_number_of_queries(
    client, scenario, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        client.get(URL)


def _below_the_header(html: str) -> str:
    return html[html.index("</h1>") : html.index("</main>")]


def test_it_is_drawn_once_for_every_reader_then_again_when_the_data_changes(
    client_for, scenario, django_assert_max_num_queries
):
    board, democratic = client_for("board"), client_for("democratic")
    first = board.get(URL).content.decode()
    assert "Signed in as board" in first and "Improvement Board’s meeting on 27 October" in first
    # Drawn, the dashboard reads the plan's actions, their updates, the month-end figures,
    # the targets' readings and the last meeting: kept, only the session, the user, the
    # menu's role checks, the plan and the data's version.
    with django_assert_max_num_queries(10):
        again = board.get(URL).content.decode()
    assert _below_the_header(again) == _below_the_header(first)
    theirs = democratic.get(URL).content.decode()
    assert _below_the_header(theirs) == _below_the_header(first)
    assert "Signed in as democratic" in theirs and "Signed in as board" not in theirs

    body = Body.objects.get(slug=BOARD)
    Meeting.objects.create(body=body, date=date(2011, 11, 10), title="Board")
    changed = board.get(URL).content.decode()
    assert "Improvement Board’s meeting on 10 November 2011" in changed
    body.slug = "renamed-board"  # the board is found by its slug (admin can change it)
    body.save()
    assert "Improvement Board’s meeting on" not in board.get(URL).content.decode()


def test_it_draws_each_chart_once_per_data_version(scenario):
    drawn = []

    def draw(data):
        drawn.append(data)
        return "<svg></svg>"

    data = [("Sep 2011", {"green": 1})]
    charts.cached_svg(chart="test", as_at=date(2011, 10, 31), data=data, draw=draw)
    charts.cached_svg(chart="test", as_at=date(2011, 10, 31), data=data, draw=draw)
    charts.cached_svg(chart="test", as_at=date(2011, 10, 31), data=[("Sep 2011", {"red": 1})],
                      draw=draw)  # fmt: skip
    assert len(drawn) == 2


def test_its_chart_needs_no_fonts_files_or_inline_styles():
    svg = charts.brag_trend_svg([("Sep 2011", {"green": 3, "red": 1}), ("Oct 2011", {"": 2})])
    assert svg.startswith("<svg")
    for forbidden in ["<text", "@font-face", "http://fonts", "<style", ' style="', "<image"]:
        assert forbidden not in svg


def test_the_header_and_the_plan_page_link_to_the_dashboard(client, scenario):
    page = client.get("/plans/board-test/").content.decode()
    assert 'href="/plans/board-test/dashboard/"' in page
    assert 'href="/dashboard/">Dashboard</a>' in page
    assert client.get("/dashboard/")["Location"] == "/plans/putting-children-first-2011/dashboard/"


def test_the_header_marks_dashboard_as_the_current_section(client, scenario):
    page = client.get(URL).content.decode()
    current = page.split('aria-current="true"')[1].split("</a>")[0]
    assert current.endswith(">Dashboard")


def test_a_due_date_given_as_a_month_is_shown_as_that_month(client, plan_2011):
    """A due date the plan gives as a month alone ('May 2011') is shown as that month among
    the exceptions, not as an invented last day."""
    import time_machine

    plan_2011.actions.filter(ref="1.1.2").update(due_precision="month")  # due 31 May 2011
    with time_machine.travel(date(2011, 11, 15), tick=False):
        page = client.get(f"/plans/{plan_2011.slug}/dashboard/").content.decode()
    overdue = page.split('id="exceptions"')[1].split("</table>")[0]
    row = overdue.split("/actions/1.1.2/")[1].split("</tr>")[0]
    assert "May 2011" in row and "31 May 2011" not in row
    other = overdue.split("/actions/1.1.3/")[1].split("</tr>")[0]
    assert "31 May 2011" in other  # a full date stays as it is
