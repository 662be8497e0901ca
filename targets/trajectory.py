"""Readings against a trajectory: pure functions, no database.

A trajectory is the indicator's dated baseline, its milestones and its dated target, joined
by straight lines; after the last milestone the last value holds (the notice asks that a
target, once met, is kept). A reading is rated against where the trajectory stood on the
reading's own date:

- on trajectory: as good as the trajectory or better;
- within tolerance: worse, but by no more than the indicator's tolerance;
- off trajectory: worse by more than the tolerance (no tolerance set means none allowed).

Before the first milestone a reading already as good as that milestone is on trajectory;
otherwise there is nothing yet to rate it against.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

LOWER, HIGHER = "lower", "higher"
ON, WITHIN, OFF, NOT_RATED = "on", "within", "off", "none"
LABELS = {
    ON: "On trajectory",
    WITHIN: "Within tolerance",
    OFF: "Off trajectory",
    NOT_RATED: "Not rated",
}
BETTER, SAME, WORSE = "better", "same", "worse"


@dataclass(frozen=True)
class Milestone:
    date: date
    value: Decimal
    label: str  # "baseline", "milestone" or "target"
    note: str = ""
    source: str = ""
    precision: str = "day"  # "month" where the source gives only the month


@dataclass(frozen=True)
class Rating:
    kind: str
    words: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]


@dataclass(frozen=True)
class Direction:
    kind: str | None  # better / same / worse, or None with fewer than two readings
    words: str

    @property
    def arrow(self) -> str:
        return {BETTER: "▲", SAME: "▶", WORSE: "▼"}.get(self.kind or "", "")


def milestones(
    *,
    baseline: tuple,
    points: list[Milestone],
    target: tuple,
) -> list[Milestone]:
    """The trajectory's milestones in date order (none from a baseline alone); a stored
    milestone wins over a baseline or target on the same date. Baseline and target are
    (date, value) or (date, value, precision)."""
    found = {m.date: m for m in points}
    for (day, value, *precision), label in ((baseline, "baseline"), (target, "target")):
        if day is not None and value is not None and day not in found:
            found[day] = Milestone(day, value, label, precision=(precision or ["day"])[0])
    ordered = [found[day] for day in sorted(found)]
    # A baseline alone says where things started, not where they should go.
    return [] if [m.label for m in ordered] == ["baseline"] else ordered


def expected_on(trajectory: list[Milestone], day: date, unit: str = "count") -> Decimal | None:
    """Where the trajectory stands on a day: interpolated between milestones (to a whole
    number of cases or days, or a tenth of a per cent), the last value after the last one,
    None before the first."""
    if not trajectory or day < trajectory[0].date:
        return None
    for before, after in zip(trajectory, trajectory[1:], strict=False):
        if before.date <= day <= after.date:
            share = Decimal((day - before.date).days) / Decimal((after.date - before.date).days)
            value = before.value + (after.value - before.value) * share
            places = Decimal("1") if unit in ("count", "days") else Decimal("0.1")
            return value.quantize(places, rounding=ROUND_HALF_UP)
    return trajectory[-1].value


def rate(
    *,
    value: Decimal,
    on: date,
    trajectory: list[Milestone],
    polarity: str,
    tolerance: Decimal | None,
    unit: str = "count",
    on_precision: str = "day",
) -> Rating:
    """Rate one reading against the trajectory, with the rule that decided it in words."""
    if not trajectory:
        return Rating(NOT_RATED, "Not rated: this indicator has no dated trajectory.")
    shown = f"{show(value, unit)} {on_the_day(on, on_precision)}"
    expected = expected_on(trajectory, on, unit)
    if expected is None:
        first = trajectory[0]
        if _better_by(value, first.value, polarity) >= 0:
            return Rating(
                ON,
                f"{shown}: already as good as the {show(first.value, unit)} "
                f"expected by {long_date(first.date, first.precision)}.",
            )
        starts = long_date(first.date, first.precision)
        return Rating(NOT_RATED, f"Not rated: the trajectory starts on {starts}.")
    against = f"{shown} against an expected {show(expected, unit)}"
    margin = _better_by(value, expected, polarity)
    if margin > 0:
        return Rating(ON, f"{against}: better than trajectory.")
    if margin == 0:
        return Rating(ON, f"{against}: exactly on trajectory.")
    allowed = tolerance or Decimal(0)
    gap = show_gap(-margin, unit)
    if -margin <= allowed:
        return Rating(
            WITHIN, f"{against}: worse by {gap}, within the tolerance of {show_gap(allowed, unit)}."
        )
    if not allowed:
        return Rating(OFF, f"{against}: worse by {gap}, and no tolerance is set.")
    return Rating(
        OFF, f"{against}: worse by {gap}, beyond the tolerance of {show_gap(allowed, unit)}."
    )


def direction(
    *,
    latest: tuple | None,
    previous: tuple | None,
    polarity: str,
    unit: str = "count",
) -> Direction:
    """Better, same or worse between the last two readings, in words. A reading is
    (date, value) or (date, value, precision)."""
    if latest is None or previous is None:
        return Direction(None, "Too few readings to show a direction.")
    margin = _better_by(latest[1], previous[1], polarity)
    kind = BETTER if margin > 0 else WORSE if margin < 0 else SAME
    moved = "up" if latest[1] > previous[1] else "down" if latest[1] < previous[1] else "unchanged"
    since = f"{show(previous[1], unit)} {on_the_day(*previous[:1], *previous[2:])}"
    if moved == "unchanged":
        return Direction(kind, f"Same: unchanged since {since}.")
    return Direction(kind, f"{kind.capitalize()}: {moved} from {since}.")


def _better_by(value: Decimal, reference: Decimal, polarity: str) -> Decimal:
    """How much better value is than reference (negative when worse)."""
    return reference - value if polarity == LOWER else value - reference


def show(value: Decimal, unit: str) -> str:
    """A value in an officer's words: 1,926 · 46% · 34 points · 12 days."""
    number = f"{value.normalize():,f}" if value != value.to_integral() else f"{value:,.0f}"
    return {"percent": f"{number}%", "points": f"{number} points", "days": f"{number} days"}.get(
        unit, number
    )


def show_gap(value: Decimal, unit: str) -> str:
    """A difference: between two percentages it is percentage points."""
    if unit == "percent":
        return f"{show(value, 'count')} percentage points"
    return show(value, unit)


def on_the_day(value: date, precision: str = "day") -> str:
    """'on 1 May 2011', or 'in May 2011' for a reading the source dates by its month."""
    return f"in {long_date(value, precision)}" if precision == "month" else f"on {long_date(value)}"


def long_date(value: date, precision: str = "day") -> str:
    """'1 February 2011', or 'February 2011' for a date the source gives as a month."""
    return f"{value:%B %Y}" if precision == "month" else f"{value.day} {value:%B %Y}"
