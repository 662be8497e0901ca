"""The dashboard's figures against the hand-counted plan in tests/reports/scenario.py."""

import inspect
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from actions import selectors
from actions.filters import ActionFilter
from actions.models import ProgressUpdate
from reports.dashboard import Row, _open_period, _rows, dashboard_context
from tests.factories import ActionFactory, NoticeTargetFactory
from tests.reports.scenario import TODAY, at, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(seeded, settings):
    settings.KENTPLAN_TODAY = TODAY
    return build()


def refs(rows) -> list[str]:
    return [r.ref for r in rows]


def figures(standing) -> dict[str, int]:
    counts = {k: f.n for k, f in standing.counts.items()}
    return {**counts, "none": standing.not_rated.n, "missing": standing.missing.n,
            "total": standing.total.n}  # fmt: skip


def test_it_counts_ratings_by_priority_and_overall(scenario):
    board = dashboard_context(plan=scenario["plan"], as_at=None)
    p1, p2 = board.priorities
    assert figures(p1) == {"blue": 0, "green": 0, "amber": 1, "red": 1, "none": 1,
                           "missing": 2, "total": 3}  # fmt: skip
    assert figures(p2) == {"blue": 1, "green": 2, "amber": 0, "red": 0, "none": 1,
                           "missing": 1, "total": 4}  # fmt: skip
    assert figures(board.overall) == {"blue": 1, "green": 2, "amber": 1, "red": 1, "none": 2,
                                      "missing": 3, "total": 7}  # fmt: skip
    assert (board.share_not_rated, board.share_missing) == (29, 43)


def test_it_lists_the_exceptions(scenario):
    board = dashboard_context(plan=scenario["plan"], as_at=None)
    lists = {e.key: refs(e.rows) for e in board.exceptions}
    assert lists == {
        "overdue": ["A2"],
        "due_soon": ["A3"],
        "red_amber": ["A2", "A1"],
        "missing": ["A2", "A3", "B3"],
        "awaiting": ["B2"],
        "returned": ["B4"],
        "moved": ["A1"],
    }
    red_amber = next(e for e in board.exceptions if e.key == "red_amber")
    assert [r.commentary for r in red_amber.rows] == ["Capacity diverted", "Recruitment delayed"]


def test_it_caps_each_list_and_says_how_many_more(scenario, settings):
    for n in range(12):
        build(scenario["plan"], tag=f"x{n}")
    board = dashboard_context(plan=scenario["plan"], as_at=None)
    overdue = next(e for e in board.exceptions if e.key == "overdue")
    assert (len(overdue.rows), overdue.total, overdue.more) == (10, 13, 3)
    assert overdue.url.endswith("?overdue=1")


def test_it_reads_the_trend_and_direction_of_travel_from_the_snapshots(scenario):
    board = dashboard_context(plan=scenario["plan"], as_at=None)
    assert [(m.month, m.counts) for m in board.trend] == [
        (date(2011, 9, 1), {"amber": 2, "green": 1, "": 4}),
        (date(2011, 10, 1), {"green": 1, "red": 1, "blue": 1, "": 4}),
    ]
    p1, p2 = board.priorities
    assert (p1.direction.word, p1.direction.arrow) == ("Same", "→")
    assert (p2.direction.word, p2.direction.arrow) == ("Better", "↑")
    assert p1.direction.detail == "Red 1 (was 0), Amber 0 (was 2), Blue 0 (was 0), of 2 rated"
    assert p2.direction.detail == "Red 0 (was 0), Amber 0 (was 0), Blue 1 (was 0), of 1 rated"


def test_it_flags_a_closed_month_corrected_later_and_keeps_what_the_board_was_shown(scenario):
    ProgressUpdate.objects.filter(pk=scenario["a2_october"].pk).update(
        rating="amber", override_reason="Corrected: the lead reported the wrong month"
    )
    board = dashboard_context(plan=scenario["plan"], as_at=None)
    september, october = board.trend
    assert october.counts["red"] == 1  # as the month closed
    assert october.corrections == ["A2 was Red, now Amber"]
    assert september.corrections == []
    assert board.overall.counts["red"].n == 0  # today's figures use the correction


def test_it_shows_figures_as_they_stood_on_an_earlier_date(scenario):
    end_of_october = dashboard_context(plan=scenario["plan"], as_at=date(2011, 10, 31))
    assert end_of_october.period.month == date(2011, 10, 1)
    assert figures(end_of_october.overall) == {"blue": 1, "green": 1, "amber": 0, "red": 1,
                                               "none": 4, "missing": 4, "total": 7}  # fmt: skip
    assert [m.month for m in end_of_october.trend] == [date(2011, 9, 1)]
    before_verification = dashboard_context(plan=scenario["plan"], as_at=date(2011, 10, 29))
    assert figures(before_verification.overall)["blue"] == 0
    assert figures(before_verification.overall)["green"] == 2


def test_it_shows_nothing_before_the_plan_existed(scenario):
    board = dashboard_context(plan=scenario["plan"], as_at=date(2011, 8, 31))
    assert board.overall.total.n == 0
    assert board.trend == []


def test_it_says_what_changed_since_the_last_board_meeting(scenario):
    since = dashboard_context(plan=scenario["plan"], as_at=None).since
    assert since.meeting.date == date(2011, 10, 27)
    moves = {m.row.ref: (m.before, m.after) for m in since.ratings_moved}
    assert moves == {"A1": ("Green", "Amber"), "B1": ("Green", "Blue"),
                     "B2": ("Not rated", "Green"), "B4": ("Not rated", "Green")}  # fmt: skip
    assert refs(since.verified) == ["B1"]
    assert [(m.row.ref, m.before, m.after) for m in since.dates_moved] == [
        ("A1", "31 March 2012", "30 April 2012")
    ]
    assert (since.added, since.reworded, since.removed) == ([], [], [])


def test_it_finds_actions_added_and_reworded_since_the_meeting(scenario):
    with at("2011-11-12"):
        a3 = scenario["A3"]
        a3.text = "Do the test thing better"
        a3.save()
        ActionFactory(outcome=scenario["A1"].outcome, ref="A9")
    since = dashboard_context(plan=scenario["plan"], as_at=None).since
    assert refs(since.added) == ["A9"]
    assert refs(since.reworded) == ["A3"]


def test_it_calls_out_targets_no_live_action_serves_or_only_red_ones_serve(scenario):
    plan = scenario["plan"]
    unserved, red_only, fine = (NoticeTargetFactory(number=n) for n in (71, 72, 73))
    for target in (unserved, red_only, fine):
        plan.notices.add(target.notice)
    scenario["A2"].notice_targets.add(red_only)
    scenario["A1"].notice_targets.add(fine)
    board = dashboard_context(plan=plan, as_at=None)
    problems = {c.code: c.problem for c in board.coverage_problems}
    assert problems == {"IN 71": "No live action serves this",
                        "IN 72": "Every action serving this is Red or overdue"}  # fmt: skip
    assert [c.code for c in board.coverage[:2]] == ["IN 71", "IN 72"]
    served = next(c for c in board.coverage if c.code == "IN 73")
    assert (served.count, served.standing) == (1, "Amber 1")
    assert board.coverage[1].standing == "Red 1; 1 overdue"
    assert served.table_url.endswith(f"?notice_target={fine.pk}")


# The actions table's filters, as the dashboard's links use them (the table implements
# them; until it does, each link is checked against this reading of the contract).
def contract(rows: list[Row], params: dict[str, str]) -> list[str]:
    chosen = rows
    if "priority" in params:
        chosen = [r for r in chosen if str(r.priority_id) == params["priority"]]
    if "rating" in params:
        wanted = "" if params["rating"] == "none" else params["rating"]
        chosen = [r for r in chosen if r.rating == wanted]
    checks = {
        "overdue": lambda r: r.overdue,
        "missing_update": lambda r: r.missing,
        "awaiting_verification": lambda r: r.verification == "pending",
        "returned": lambda r: r.verification == "returned",
        "due_within": lambda r: r.due_soon,
    }
    for name, check in checks.items():
        if name in params:
            chosen = [r for r in chosen if check(r)]
    return refs(chosen)


CONTRACT = {"priority", "rating", "status", "overdue", "due_within", "awaiting_verification",
            "returned", "missing_update", "changed_since", "as_at", "notice_target",
            "recommendation", "core_task"}  # fmt: skip


def table_count(plan, params: dict[str, str]) -> int:
    """How many rows the actions table shows for these parameters (today)."""
    if "when" in inspect.signature(ActionFilter.__init__).parameters:
        when = selectors.table_moment()  # the table that reads any date
        queryset = selectors.actions_for_table(plan=plan, when=when)
        return ActionFilter(params, queryset=queryset, plan=plan, when=when).qs.count()
    queryset = selectors.actions_for_table(plan=plan)
    # An ActionFilter without `when` (see the check above); today's has it.
    return ActionFilter(params, queryset=queryset, plan=plan).qs.count()  # type: ignore[call-arg]


def every_figure(board):
    for standing in [*board.priorities, board.overall]:
        yield from [*standing.counts.values(), standing.not_rated, standing.missing,
                    standing.total]  # fmt: skip
    for exceptions in board.exceptions:
        if exceptions.url and exceptions.key != "moved":
            yield type(standing.total)(exceptions.total, exceptions.url)


def test_it_links_every_count_to_a_table_filter_that_gives_the_same_actions(scenario):
    plan = scenario["plan"]
    board = dashboard_context(plan=plan, as_at=None)
    rows = _rows(plan, None, _open_period(None), board.day)
    for figure in every_figure(board):
        url = urlsplit(figure.url)
        assert url.path == f"/plans/{plan.slug}/actions/"
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        assert set(params) <= CONTRACT, params
        if set(params) <= set(ActionFilter.base_filters):  # the table has these filters
            assert table_count(plan, params) == figure.n, figure.url
        else:
            assert len(contract(rows, params)) == figure.n, figure.url


def test_it_carries_the_as_at_date_into_every_link(scenario):
    board = dashboard_context(plan=scenario["plan"], as_at=date(2011, 10, 31))
    for figure in every_figure(board):
        assert "as_at=2011-10-31" in figure.url


def test_a_retired_action_leaves_the_counts_and_the_table_from_the_day_it_is_retired(scenario):
    """A2 (Red, overdue, no update this month) is retired on 12 November: from then the
    dashboard and the table it links to both leave it out; before then both still show it."""
    plan, a2 = scenario["plan"], scenario["A2"]
    with at("2011-11-12"):
        a2.retired_on, a2.retired_reason = date(2011, 11, 12), "Merged into A1"
        a2.save()
    board = dashboard_context(plan=plan, as_at=None)
    assert figures(board.overall) == {"blue": 1, "green": 2, "amber": 1, "red": 0, "none": 2,
                                      "missing": 2, "total": 6}  # fmt: skip
    assert "A2" not in {r.ref for e in board.exceptions for r in e.rows}
    assert refs(board.since.removed) == ["A2"]
    for figure in every_figure(board):
        params = {k: v[0] for k, v in parse_qs(urlsplit(figure.url).query).items()}
        if set(params) <= set(ActionFilter.base_filters):
            assert table_count(plan, params) == figure.n, figure.url
    assert table_count(plan, {"retired": "1"}) == 7
    assert table_count(plan, {"retired": "1", "rating": "red"}) == 1

    before = dashboard_context(plan=plan, as_at=date(2011, 11, 11))
    assert before.overall.total.n == 7 and before.overall.counts["red"].n == 1
    when = selectors.table_moment(as_at=date(2011, 11, 11))
    queryset = selectors.actions_for_table(plan=plan, when=when)
    table = ActionFilter({"rating": "red"}, queryset=queryset, plan=plan, when=when).qs
    assert [a.ref for a in table] == ["A2"]


def test_an_action_retired_before_a_month_closes_is_not_in_its_snapshot(scenario):
    from actions.models import MonthSnapshot, ReportingPeriod
    from actions.snapshots import snapshot_take

    plan, a2 = scenario["plan"], scenario["A2"]
    november = ReportingPeriod.objects.get(month=date(2011, 11, 1))
    with at("2011-11-12"):
        a2.retired_on = date(2011, 11, 12)
        a2.save()
    with at("2011-12-05"):
        snapshot_take(period=november)
    shown = set(MonthSnapshot.objects.filter(period=november, action__plan=plan)
                .values_list("action__ref", flat=True))  # fmt: skip
    assert shown == {"A1", "A3", "B1", "B2", "B3", "B4"}
    october = MonthSnapshot.objects.filter(period__month=date(2011, 10, 1), action__plan=plan)
    assert october.filter(action=a2).exists()  # taken before it was retired: kept as shown
