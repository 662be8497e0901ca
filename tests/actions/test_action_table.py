"""The actions table's columns, filters and downloads, checked against a small plan whose
answers are counted by hand (see `table_plan`), with the date fixed at 15 November 2011."""

import csv
import io
import re
from datetime import UTC, date, datetime

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions import views
from actions.models import Measure, ProgressUpdate, ReportingPeriod
from tests.conftest import make_user
from tests.factories import ActionFactory, OutcomeFactory, PlanFactory, PriorityFactory

URL = "/plans/table-test/actions/"
DOWNLOAD = "/plans/table-test/actions/download"
OCT, NOV = date(2011, 10, 1), date(2011, 11, 1)


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


def add_update(action, period, author, rating, status, **extra) -> ProgressUpdate:
    return ProgressUpdate.objects.create(
        action=action, period=period, author=author, rating=rating, suggested_rating=rating,
        rating_rule="test", status=status, submitted_at=at(f"{period.month:%Y-%m}-05"), **extra,
    )  # fmt: skip


def build_plan(plan, author, offset: int = 0) -> dict:
    """Seven actions, A1–A7 (refs n.1.1–n.1.7), with October and November updates:

    A1 due 1 Dec 2011: Oct green on track, Nov red off track.
    A2 due 31 Mar 2012: Oct amber at risk, revised to 1 Nov 2011 (so overdue); no Nov update.
    A3 due 1 Oct 2011: Nov green complete, waiting for verification.
    A4: Nov blue, complete and verified.
    A5 no date: Oct green complete, sent back; no Nov update.
    A6 due 30 Jun 2011: no update (overdue).
    A7 due 10 Jan 2012: no update; its words changed on 12 Nov 2011.
    """
    oct_, nov = ReportingPeriod.objects.get(month=OCT), ReportingPeriod.objects.get(month=NOV)
    with time_machine.travel(at("2011-10-05"), tick=False):
        priority = PriorityFactory(plan=plan, number=1 + offset)
        outcome = OutcomeFactory(priority=priority, ref=f"{priority.number}.1")
        dues = [date(2011, 12, 1), date(2012, 3, 31), date(2011, 10, 1), None, None,
                date(2011, 6, 30), date(2012, 1, 10)]  # fmt: skip
        a = {
            n: ActionFactory(outcome=outcome, ref=f"{priority.number}.1.{n}", due_date=due)
            for n, due in enumerate(dues, start=1)
        }
        add_update(a[1], oct_, author, "green", "on_track")
        add_update(a[2], oct_, author, "amber", "at_risk",
                   revised_due_date=date(2011, 11, 1), revised_reason="Staff left")  # fmt: skip
        add_update(a[5], oct_, author, "green", "complete", verification="returned")
    with time_machine.travel(at("2011-11-10"), tick=False):
        add_update(a[1], nov, author, "red", "off_track")
        add_update(a[3], nov, author, "green", "complete", verification="pending")
        add_update(a[4], nov, author, "blue", "complete", verification="verified")
    with time_machine.travel(at("2011-11-12"), tick=False):
        a[7].text = "Reworded in November"
        a[7].save()  # type: ignore[attr-defined]  # factory_boy types Factory() as the factory
    return a


@pytest.fixture
def table_plan(db, settings, users):
    settings.KENTPLAN_TODAY = "2011-11-15"
    ReportingPeriod.objects.create(month=OCT, opened_at=at("2011-10-01"),
                                   closed_at=at("2011-11-01"))  # fmt: skip
    ReportingPeriod.objects.create(month=NOV, opened_at=at("2011-11-01"))
    with time_machine.travel(at("2011-10-01"), tick=False):
        plan = PlanFactory(slug="table-test")
    build_plan(plan, make_user("author"))
    return plan


def refs_on(client, query: str) -> set[str]:
    response = client.get(f"{URL}?{query}&per_page=all")
    assert response.status_code == 200
    page = response.content.decode()
    return {ref for n in range(1, 8) if f'/actions/{(ref := f"1.1.{n}")}/"' in page}


def a(*numbers: int) -> set[str]:
    return {f"1.1.{n}" for n in numbers}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rating=red", a(1)),
        ("rating=amber", a(2)),
        ("rating=green", a(3, 5)),
        ("rating=blue", a(4)),
        ("rating=none", a(6, 7)),
        ("status=off_track", a(1)),
        ("status=complete", a(3, 4, 5)),
        ("status=at_risk", a(2)),
        ("overdue=1", a(2, 6)),
        ("due_within=30", a(1)),
        ("due_within=60", a(1, 7)),
        ("awaiting_verification=1", a(3)),
        ("returned=1", a(5)),
        ("missing_update=1", a(2, 5, 6, 7)),
        ("changed_since=2011-11-01", a(1, 3, 4, 7)),
        ("changed_since=2011-11-11", a(7)),
        ("changed_since_day=11&changed_since_month=11&changed_since_year=2011", a(7)),
        ("overdue=1&rating=none", a(6)),
        ("q=test+thing", a(1, 2, 3, 4, 5, 6)),
        ("q=reworded", a(7)),
    ],
)
def test_it_filters_to_the_hand_counted_actions(client, table_plan, query, expected):
    assert refs_on(client, query) == expected


def test_the_table_shows_rating_status_forecast_and_last_update(client, table_plan):
    page = client.get(f"{URL}?per_page=all").content.decode()
    assert '<strong class="govuk-tag kp-rating kp-rating--red">Red</strong>' in page
    assert "1 Nov 2011" in page and "(revised; originally 31 Mar 2012)" in page
    assert "Off track" in page and "Nov 2011" in page and "Not rated" in page


@pytest.mark.parametrize(
    "query",
    ["rating=purple", "status=done", "overdue=yes", "due_within=-3", "due_within=lots",
     "changed_since=2011-02-30", "changed_since=yesterday", "priority=999999", "q=" + "x" * 201,
     "due_within=" + "9" * 40, "page=" + "9" * 40, "per_page=" + "9" * 40, "page=99",
     "page=0", "per_page=0"],
)  # fmt: skip
def test_a_filter_it_cannot_read_gets_a_message_not_a_500(client, table_plan, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    if not query.startswith(("page=", "per_page=")):
        assert "There is a problem" in response.content.decode()
        assert client.get(f"/plans/table-test/actions/download.csv?{query}").status_code == 400


def test_the_downloads_hold_exactly_the_filtered_rows(client, table_plan):
    response = client.get("/plans/table-test/actions/download.csv?missing_update=1")
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["Ref"] for r in rows] == ["1.1.2", "1.1.5", "1.1.6", "1.1.7"]
    assert rows[0]["Due (forecast)"] == "2011-11-01" and rows[0]["Due (plan)"] == "2012-03-31"
    assert rows[0]["Latest rating"] == "Amber" and rows[1]["Verification"] == "Sent back"

    response = client.get("/plans/table-test/actions/download.xlsx?missing_update=1")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook["Actions"]
    values = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in values[1:]] == ["1.1.2", "1.1.5", "1.1.6", "1.1.7"]
    assert values[1][7] == datetime(2011, 11, 1)
    assert ("Actions", "4") in list(workbook["About"].iter_rows(values_only=True))


def test_the_downloads_hold_every_row_not_one_page(client, table_plan, users):
    plan = table_plan
    for n in range(2, 7):
        build_plan(plan, users["office"], offset=n)
    response = client.get("/plans/table-test/actions/download.csv")
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 1 + 42
    page = client.get(URL).content.decode()
    assert "42 actions." in page
    assert page.count('class="govuk-table__row"') >= 25 + 42  # a page on screen, all on paper


def test_a_formula_in_the_words_stays_words_in_the_download(client, table_plan):
    action = table_plan.actions.get(ref="1.1.1")
    action.text = '=HYPERLINK("http://example.org")'
    action.save()
    response = client.get("/plans/table-test/actions/download.xlsx?rating=red")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Actions"]
    assert sheet["D2"].data_type == "s" and sheet["D2"].value.startswith("'=")


def test_the_table_as_at_a_past_day_shows_what_was_true_then(client, table_plan):
    before = client.get(f"{URL}?as_at=2011-10-31&per_page=all").content.decode()
    assert "as it stood at the end of 31 October 2011" in before
    assert "Reworded in November" not in before and "kp-rating--red" not in before
    assert refs_on(client, "as_at=2011-10-31&rating=green") == a(1, 5)
    assert refs_on(client, "as_at=2011-10-31&missing_update=1") == a(3, 4, 6, 7)
    assert refs_on(client, "as_at=2011-11-15&rating=green") == a(3, 5)
    assert refs_on(client, "as_at=2011-10-04") == set()
    assert client.get(f"{URL}?as_at=2011-11-16").status_code == 400


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_query_counts_do_not_grow_when_the_data_doubles(client, table_plan, users):
    urls = [
        URL, f"{URL}?per_page=all", f"{URL}?overdue=1&rating=none&missing_update=1",
        f"{URL}?changed_since=2011-11-01&q=test+thing&lead=1", f"{URL}?as_at=2011-10-31",
        f"{DOWNLOAD}.csv", f"{DOWNLOAD}.xlsx?due_within=60", f"{DOWNLOAD}.csv?as_at=2011-10-31",
        "/plans/table-test/?as_at=2011-11-01",
    ]  # fmt: skip
    small = {url: count_queries(client, url) for url in urls}
    for n in range(2, 4):
        build_plan(table_plan, users["office"], offset=n)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small


def test_the_page_and_downloads_stay_within_their_query_budget(
    client, table_plan, django_assert_max_num_queries
):
    with django_assert_max_num_queries(24):
        client.get(f"{URL}?overdue=1&missing_update=1&as_at=2011-11-01")
    with django_assert_max_num_queries(14):
        client.get("/plans/table-test/actions/download.xlsx?overdue=1")


def _paper_rows(html: str) -> str:
    match = re.search(r'<div class="kp-print-only">\s*<table.*?</table>', html, re.S)
    assert match, "the page has no rows for paper"
    return match.group(0)


def test_the_rows_for_paper_are_drawn_once_then_again_when_the_data_changes(
    client, plan_2011, users, open_period, monkeypatch
):
    drawn = []
    draw = views.print_rows
    monkeypatch.setattr(views, "print_rows", lambda actions: drawn.append(1) or draw(actions))
    url = f"/plans/{plan_2011.slug}/actions/"

    first = _paper_rows(client.get(url).content.decode())
    again = _paper_rows(client.get(f"{url}?page=2").content.decode())
    assert len(drawn) == 1 and again == first
    assert "129 actions" in first and "1.1.1" in first and "Off track" not in first

    add_update(plan_2011.actions.get(ref="1.1.1"), open_period, users["alice"], "red", "off_track")
    changed = _paper_rows(client.get(url).content.decode())
    assert len(drawn) == 2 and "Off track" in changed

    reordered = _paper_rows(client.get(f"{url}?sort=-ref").content.decode())
    assert len(drawn) == 3 and reordered != changed


def _body(html: str) -> str:
    """The filters and the table: what the page keeps for everyone (not the header)."""
    return html[html.index('<form method="get"') : html.index("</main>")]


def test_the_filters_and_table_are_drawn_once_for_everyone_then_again_when_the_data_changes(
    client_for, plan_2011, users, open_period, django_assert_max_num_queries
):
    url = f"/plans/{plan_2011.slug}/actions/?rating=none&page=2"
    board, office = client_for("board"), client_for("office")
    first = board.get(url).content.decode()
    assert "Signed in as board" in first and "129 actions match these filters" in first
    # Drawn again, the table would read its rows, their leads, links and the choices of the
    # filters (20 queries): kept, the page reads the session (and may note the time in it),
    # the user, the menu's role checks, the plan, the data's version and what the table
    # shows of progress.
    with django_assert_max_num_queries(11):
        again = board.get(url).content.decode()
    assert _body(again) == _body(first)
    theirs = office.get(url).content.decode()
    assert _body(theirs) == _body(first)
    assert "Signed in as office" in theirs and "Signed in as board" not in theirs

    action = plan_2011.actions.get(ref="2.1.4")  # on the second page, with no rating yet
    assert "/actions/2.1.4/" in _body(first)
    add_update(action, open_period, users["alice"], "red", "off_track")
    changed = board.get(url).content.decode()
    assert "/actions/2.1.4/" not in _body(changed)  # rated now, so no longer unrated
    assert "128 actions match these filters" in changed


def test_a_save_that_changes_nothing_the_table_shows_keeps_it_but_changed_since_sees_it(
    client, table_plan, users, monkeypatch
):
    """Most of a month end's saves change an update's words, which the table does not show:
    the kept table stays in use. What changed since a date is another matter: any save is
    a change, so that filter is drawn again."""
    drawn = []
    draw = views._action_list_body
    monkeypatch.setattr(views, "_action_list_body", lambda *a: drawn.append(1) or draw(*a))
    since = f"{URL}?changed_since=2011-11-20"
    with time_machine.travel(at("2011-11-25"), tick=False):
        first = _body(client.get(URL).content.decode())
        first_since = client.get(since).content.decode()
        assert "1.1.3" not in first_since and len(drawn) == 2
        update = ProgressUpdate.objects.get(action__ref="1.1.3", period__month=NOV)
        update.commentary = "New words for the Board, nothing else"
        update.save()
        kept = _body(client.get(URL).content.decode())
        assert kept == first and len(drawn) == 2  # nothing the table shows changed
        assert "/actions/1.1.3/" in client.get(since).content.decode() and len(drawn) == 3

        update.status, update.rating = "on_track", "amber"
        update.suggested_rating, update.verification = "amber", ""
        update.save()
        again = _body(client.get(URL).content.decode())
        assert len(drawn) == 4 and again != first


def test_a_download_is_drawn_once_then_again_when_the_data_changes(
    client, table_plan, users, monkeypatch
):
    drawn = []
    draw = views.download_rows
    monkeypatch.setattr(views, "download_rows", lambda qs: drawn.append(1) or draw(qs))
    first = client.get(f"{DOWNLOAD}.csv?rating=red").content
    assert client.get(f"{DOWNLOAD}.csv?rating=red").content == first and len(drawn) == 1
    workbook = client.get(f"{DOWNLOAD}.xlsx?rating=red")
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(drawn) == 2  # each kind of file is its own

    action = table_plan.actions.get(ref="1.1.1")  # the one red action
    action.text = "Renamed since the first download"
    action.save()
    changed = client.get(f"{DOWNLOAD}.csv?rating=red").content
    assert len(drawn) == 3 and b"Renamed since the first download" in changed
    assert client.get(f"{DOWNLOAD}.csv?rating=bright-pink").status_code == 400


def test_the_kept_table_follows_a_new_month_being_opened(client, table_plan):
    url = f"{URL}?missing_update=1"
    before = re.search(r"(\d+) actions? match", client.get(url).content.decode())
    november = ReportingPeriod.objects.get(month=NOV)
    november.closed_at = at("2011-11-15")
    november.save()
    ReportingPeriod.objects.create(month=date(2011, 12, 1), opened_at=at("2011-11-15"))
    after = re.search(r"(\d+) actions? match", client.get(url).content.decode())
    assert before and after and int(after.group(1)) > int(before.group(1))  # 1.1.1 now too


def test_the_kept_table_follows_a_measure_changing(client, table_plan):
    """The search reads measures' words, and the lead filter their leads: a new measure
    draws the kept table again."""
    url = f"{URL}?q=peripatetic"
    assert "0 actions match" in client.get(url).content.decode()
    action = table_plan.actions.get(ref="1.1.2")
    Measure.objects.create(action=action, order=1, text="A peripatetic team in place")
    assert "1 action matches" in client.get(url).content.decode()
