"""Rating a reading against its trajectory, at every boundary, both ways round."""

from datetime import date
from decimal import Decimal as D

import pytest

from targets import trajectory as tj

# 1,000 on 1 January falling to 200 on 1 May 2011 (120 days: 200 fewer every 30 days).
FALLING = tj.milestones(
    baseline=(date(2011, 1, 1), D(1000)), points=[], target=(date(2011, 5, 1), D(200))
)
# 40% on 1 January rising to 60% on 1 May 2011.
RISING = tj.milestones(
    baseline=(date(2011, 1, 1), D(40)), points=[], target=(date(2011, 5, 1), D(60))
)
ON_31_JAN = date(2011, 1, 31)  # 30 days in: 800 expected falling, 45% rising


def rate(value, trajectory=FALLING, polarity=tj.LOWER, tolerance=D(50), on=ON_31_JAN, unit="count"):
    return tj.rate(
        value=D(value), on=on, trajectory=trajectory, polarity=polarity, tolerance=tolerance,
        unit=unit,
    )  # fmt: skip


def test_it_interpolates_between_milestones_and_holds_after_the_last():
    assert tj.expected_on(FALLING, date(2011, 1, 1)) == D(1000)
    assert tj.expected_on(FALLING, ON_31_JAN) == D(800)
    assert tj.expected_on(FALLING, date(2011, 5, 1)) == D(200)
    assert tj.expected_on(FALLING, date(2012, 1, 1)) == D(200)
    assert tj.expected_on(FALLING, date(2010, 12, 31)) is None


@pytest.mark.parametrize(
    ("value", "kind", "words"),
    [
        ("799", tj.ON, "799 on 31 January 2011 against an expected 800: better than trajectory."),
        ("800", tj.ON, "800 on 31 January 2011 against an expected 800: exactly on trajectory."),
        ("801", tj.WITHIN, "worse by 1, within the tolerance of 50."),
        ("850", tj.WITHIN, "worse by 50, within the tolerance of 50."),
        ("850.01", tj.OFF, "worse by 50.01, beyond the tolerance of 50."),
    ],
)
def test_it_rates_lower_is_better_at_each_boundary(value, kind, words):
    rating = rate(value)
    assert rating.kind == kind
    assert rating.words.endswith(words)


@pytest.mark.parametrize(
    ("value", "kind", "words"),
    [
        (
            "45.1",
            tj.ON,
            "45.1% on 31 January 2011 against an expected 45%: better than trajectory.",
        ),
        ("45", tj.ON, "exactly on trajectory."),
        (
            "43",
            tj.WITHIN,
            "worse by 2 percentage points, within the tolerance of 2 percentage points.",
        ),
        (
            "42.9",
            tj.OFF,
            "worse by 2.1 percentage points, beyond the tolerance of 2 percentage points.",
        ),
    ],
)
def test_it_rates_higher_is_better_at_each_boundary(value, kind, words):
    rating = rate(value, RISING, tj.HIGHER, D(2), unit="percent")
    assert (rating.kind, rating.words.endswith(words)) == (kind, True), rating.words


def test_without_a_tolerance_any_shortfall_is_off_trajectory():
    rating = rate("801", tolerance=None)
    assert rating.kind == tj.OFF
    assert rating.words.endswith("worse by 1, and no tolerance is set.")


def test_before_the_trajectory_starts_only_a_reading_already_as_good_is_rated():
    only_target = tj.milestones(
        baseline=(None, None), points=[], target=(date(2011, 8, 31), D(200))
    )
    early = date(2011, 5, 1)
    assert rate("71", only_target, on=early).words == (
        "71 on 1 May 2011: already as good as the 200 expected by 31 August 2011."
    )
    assert rate("200", only_target, on=early).kind == tj.ON
    assert rate("201", only_target, on=early).kind == tj.NOT_RATED


def test_with_no_dated_trajectory_nothing_is_rated():
    assert rate("5", []).kind == tj.NOT_RATED
    undated = tj.milestones(baseline=(None, D(26)), points=[], target=(None, D(10)))
    assert undated == []
    baseline_only = tj.milestones(
        baseline=(date(2010, 1, 1), D(26)), points=[], target=(None, D(10))
    )
    assert baseline_only == []


def test_a_stored_milestone_wins_over_the_target_on_the_same_day():
    point = tj.Milestone(date(2011, 5, 1), D(300), "milestone", "from the notice")
    trajectory = tj.milestones(
        baseline=(date(2011, 1, 1), D(1000)), points=[point], target=(date(2011, 5, 1), D(200))
    )
    assert [m.value for m in trajectory] == [D(1000), D(300)]


@pytest.mark.parametrize(
    ("latest", "previous", "polarity", "kind", "words"),
    [
        ("665", "1926", tj.LOWER, tj.BETTER, "Better: down from 1,926 on 1 February 2011."),
        ("700", "665", tj.LOWER, tj.WORSE, "Worse: up from 665 on 1 February 2011."),
        ("50", "46", tj.HIGHER, tj.BETTER, "Better: up from 46 on 1 February 2011."),
        ("46", "46", tj.HIGHER, tj.SAME, "Same: unchanged since 46 on 1 February 2011."),
    ],
)
def test_it_gives_the_direction_of_travel_in_words(latest, previous, polarity, kind, words):
    result = tj.direction(
        latest=(date(2011, 5, 1), D(latest)),
        previous=(date(2011, 2, 1), D(previous)),
        polarity=polarity,
    )
    assert (result.kind, result.words) == (kind, words)


def test_a_reading_the_source_dates_by_its_month_is_said_to_be_in_that_month():
    result = tj.direction(
        latest=(date(2011, 5, 1), D(665)),
        previous=(date(2011, 2, 1), D(1926), "month"),
        polarity=tj.LOWER,
    )
    assert result.words == "Better: down from 1,926 in February 2011."


def test_with_one_reading_there_is_no_direction():
    result = tj.direction(latest=(date(2011, 5, 1), D(1)), previous=None, polarity=tj.LOWER)
    assert result.kind is None
    assert result.words == "Too few readings to show a direction."
