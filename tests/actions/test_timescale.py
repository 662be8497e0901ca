from datetime import date

import pytest

from actions.timescale import parse_timescale


@pytest.mark.parametrize(
    ("text", "start", "due", "review"),
    [
        ("31 March 2011 - 31 March 2012", date(2011, 3, 31), date(2012, 3, 31), None),
        ("1 March - 30 April 2011", date(2011, 3, 1), date(2011, 4, 30), None),
        ("From 1 April 2011", date(2011, 4, 1), None, None),
        (
            "From 1 April 2011 – 1 March 2012 (review)",
            date(2011, 4, 1),
            date(2012, 3, 1),
            date(2012, 3, 1),
        ),
        ("1 March 2011 (Review at weekly and monthly intervals)", date(2011, 3, 1), None, None),
        ("Start June 2011 - as per audit schedule", date(2011, 6, 1), None, None),
        ("December 2011", None, date(2011, 12, 31), None),
        ("31 July 2011- 15 August 2011", date(2011, 7, 31), date(2011, 8, 15), None),
        ("01 June 2011 - 31 July  2011", date(2011, 6, 1), date(2011, 7, 31), None),
        (
            "27 Jan 2011 - 30 April 2011; 1 May 2011 - 31 May 2011",
            date(2011, 1, 27),
            date(2011, 5, 31),
            None,
        ),
        ("Commencing Sept 2010 – review Dec 2010", date(2010, 9, 1), None, date(2010, 12, 31)),
    ],
)
def test_it_reads_the_dates_a_timescale_states(text, start, due, review):
    parsed = parse_timescale(text)
    assert (parsed.start, parsed.due, parsed.review) == (start, due, review)
    assert parsed.problems == []


@pytest.mark.parametrize(
    "text", ["Completed", "Review monthly", "After each audit", "Quarterly", ""]
)
def test_it_gives_no_dates_for_a_timescale_without_any(text):
    parsed = parse_timescale(text)
    assert (parsed.start, parsed.due, parsed.review) == (None, None, None)


def test_it_keeps_a_date_that_does_not_exist_out_and_says_why():
    parsed = parse_timescale("1 April 2011 –31 June 2011")
    assert parsed.start == date(2011, 4, 1)
    assert parsed.due is None
    assert parsed.problems == ["'31 June 2011' is not a real date"]


def test_it_does_not_guess_a_missing_year():
    parsed = parse_timescale("For completion by end of September")
    assert parsed.due is None
    assert parsed.problems == ["'September' has no year"]


def test_it_does_not_borrow_a_year_that_would_put_the_start_after_the_end():
    parsed = parse_timescale("1 May– 1 March 2013 (year on year)")
    assert parsed.start is None
    assert parsed.due == date(2013, 3, 1)


def test_it_does_not_read_the_word_may_as_a_month():
    parsed = parse_timescale("As the board may require")
    assert (parsed.start, parsed.due, parsed.problems) == (None, None, [])


@pytest.mark.parametrize(
    "text",
    ["1 February 2011, Review weekly", "1 March 2011 (monthly review)",
     "1 June 2011 (rolling programme)", "1 March 2011 (Review at weekly and monthly intervals)"],
)  # fmt: skip
def test_it_reads_a_single_date_with_a_remark_as_the_start(text):
    parsed = parse_timescale(text)
    assert parsed.start is not None and parsed.start.day == 1
    assert (parsed.due, parsed.review) == (None, None)


def test_it_reads_two_deadlines_as_due_dates_with_no_start():
    """The 2010 plan's 2.10.1: never 'Starts 1 December 2010, Due 31 October 2010'."""
    parsed = parse_timescale(
        "ICS Review to be completed by December 2010 Discontinuation of G Drive by end October 2010"
    )
    assert (parsed.start, parsed.due) == (None, date(2010, 12, 31))


@pytest.mark.parametrize(
    ("plan", "ref", "start", "due"),
    [("putting-children-first-2011", "2.1.4", date(2011, 2, 1), date(2011, 9, 1)),
     ("putting-children-first-2011", "2.1.7", date(2011, 3, 1), None),
     ("putting-children-first-2011", "2.1.9", date(2011, 3, 1), None),
     ("putting-children-first-2011", "6.2.4", date(2011, 6, 1), None),
     ("unannounced-inspection-action-plan-2010", "2.10.1", None, date(2010, 12, 31))],
)  # fmt: skip
def test_the_seeded_actions_have_the_dates_their_timescales_state(seeded, plan, ref, start, due):
    from actions.models import Action

    action = Action.objects.get(plan__slug=plan, ref=ref)
    assert (action.start_date, action.due_date) == (start, due)


@pytest.mark.parametrize(
    ("text", "by_month"),
    [
        ("December 2011", {"due"}),
        ("Start June 2011 - as per audit schedule", {"start"}),
        ("Commencing Sept 2010 – review Dec 2010", {"start", "review"}),
        ("1 March - 30 April 2011", set()),
        ("June 2011 - 31 March 2012", {"start"}),
        # The later segment's exact deadline replaces the earlier month-only one.
        ("December 2010; 31 March 2011", set()),
    ],
)
def test_a_date_given_as_a_month_alone_is_marked_as_such(text, by_month):
    dates = parse_timescale(text)
    assert dates.by_month == by_month
    assert {r for r in ("start", "due", "review") if dates.precision(r) == "month"} == by_month
