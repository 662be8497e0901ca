"""Reads of indicators, their readings and trajectories, as they stood on a date."""

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import reverse

from kentplan import clock
from targets import trajectory as tj
from targets.models import ImprovementNotice, Indicator, Measurement, NoticeTarget


@dataclass(frozen=True)
class IndicatorProgress:
    """An indicator as it stood on a date: readings up to then, and how they compare."""

    indicator: Indicator
    as_at: date
    readings: list[Measurement]  # oldest first, none dated after as_at
    trajectory: list[tj.Milestone]
    expected_now: Decimal | None
    rating: tj.Rating
    direction: tj.Direction

    @property
    def latest(self) -> Measurement | None:
        return self.readings[-1] if self.readings else None

    @property
    def has_sample(self) -> bool:
        return any(r.is_sample for r in self.readings)

    @property
    def data_version(self) -> str:
        """Changes whenever anything the chart draws changes."""
        i = self.indicator
        parts: list[object] = [i.unit, i.polarity, i.target_value, i.target_date, i.tolerance]
        parts += [(r.date, r.value, r.is_sample) for r in self.readings]
        parts += [(m.date, m.value, m.label) for m in self.trajectory]
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]

    @property
    def chart_url(self) -> str:
        query = urlencode({"as_at": self.as_at.isoformat(), "v": self.data_version})
        return f"{reverse('targets:indicator-chart', args=[self.indicator.slug])}?{query}"

    def show(self, value: Decimal | None) -> str:
        return "" if value is None else tj.show(value, self.indicator.unit)

    @property
    def latest_shown(self) -> str:
        return self.show(self.latest.value) if self.latest else ""

    @property
    def target_shown(self) -> str:
        return self.show(self.indicator.target_value)

    @property
    def expected_now_shown(self) -> str:
        return self.show(self.expected_now)

    @property
    def tolerance_shown(self) -> str:
        tolerance = self.indicator.tolerance
        return "" if tolerance is None else tj.show_gap(tolerance, self.indicator.unit)


@dataclass(frozen=True)
class Figure:
    """One row of the figures table beside a chart."""

    date: date
    reading: str
    is_sample: bool
    expected: str
    milestone: str
    precision: str = "day"  # "month" where the source gives only the month


def figures(progress: IndicatorProgress) -> list[Figure]:
    """The chart's figures as rows: each reading with where the trajectory stood that day,
    and each milestone of the trajectory."""
    unit, rows = progress.indicator.unit, {}
    for m in progress.trajectory:
        rows[m.date] = Figure(m.date, "", False, progress.show(m.value), m.label.capitalize(),
                              m.precision)  # fmt: skip
    for r in progress.readings:
        expected = tj.expected_on(progress.trajectory, r.date, unit)
        milestone = rows[r.date].milestone if r.date in rows else ""
        rows[r.date] = Figure(r.date, progress.show(r.value), r.is_sample,
                              progress.show(expected), milestone, r.date_precision)  # fmt: skip
    return [rows[day] for day in sorted(rows)]


@dataclass(frozen=True)
class TargetProgress:
    """A notice target with how each of its indicators stands."""

    target: NoticeTarget
    indicators: list[IndicatorProgress]
    as_at: date


def as_at_param(text: str | None) -> date | None:
    """The date in an ?as_at=YYYY-MM-DD parameter, or None when it is absent or not a date."""
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


def as_at_or_today(as_at: date | None) -> date:
    today = clock.today()
    return today if as_at is None or as_at > today else as_at


def indicators_as_at(queryset: QuerySet[Indicator], *, as_at: date) -> QuerySet[Indicator]:
    """Indicators with their readings up to as_at (oldest first) and trajectory prefetched."""
    readings = Measurement.objects.filter(date__lte=as_at).select_related("entered_by")
    return queryset.prefetch_related(
        Prefetch("measurements", queryset=readings.order_by("date"), to_attr="readings_as_at"),
        "trajectory_points",
    )


def indicator_progress(indicator: Indicator, *, as_at: date) -> IndicatorProgress:
    """How one indicator stood on a date; needs indicators_as_at's prefetches."""
    readings: list[Measurement] = indicator.readings_as_at  # type: ignore[attr-defined]  # Prefetch to_attr
    trajectory = _trajectory(indicator)
    unit, polarity = indicator.unit, indicator.polarity
    latest = readings[-1] if readings else None
    if latest is None:
        rating = tj.Rating(tj.NOT_RATED, "Not rated: no reading yet.")
    else:
        rating = tj.rate(
            value=latest.value, on=latest.date, trajectory=trajectory, polarity=polarity,
            tolerance=indicator.tolerance, unit=unit, on_precision=latest.date_precision,
        )  # fmt: skip
    pair = [(r.date, r.value, r.date_precision) for r in readings[-2:]]
    direction = tj.direction(
        latest=pair[-1] if pair else None,
        previous=pair[0] if len(pair) == 2 else None,
        polarity=polarity,
        unit=unit,
    )
    expected = tj.expected_on(trajectory, as_at, unit)
    return IndicatorProgress(indicator, as_at, readings, trajectory, expected, rating, direction)


def _trajectory(indicator: Indicator) -> list[tj.Milestone]:
    points = [
        tj.Milestone(p.date, p.value, "milestone", p.note, p.source)
        for p in indicator.trajectory_points.all()
    ]
    return tj.milestones(
        baseline=(
            indicator.baseline_date,
            indicator.baseline_value,
            indicator.baseline_date_precision,
        ),
        points=points,
        target=(indicator.target_date, indicator.target_value, indicator.target_date_precision),
    )


def _with_targets() -> QuerySet[Indicator]:
    return Indicator.objects.prefetch_related("notice_targets__notice")


def indicator_get(*, slug: str, as_at: date | None = None) -> IndicatorProgress:
    """One indicator as it stood on a date (today by default); 404 if there is none."""
    day = as_at_or_today(as_at)
    queryset = indicators_as_at(
        Indicator.objects.prefetch_related("notice_targets__notice"), as_at=day
    )
    return indicator_progress(get_object_or_404(queryset, slug=slug), as_at=day)


def indicator_list(*, as_at: date | None = None) -> list[IndicatorProgress]:
    day = as_at_or_today(as_at)
    queryset = indicators_as_at(
        Indicator.objects.prefetch_related("notice_targets__notice"), as_at=day
    )
    return [indicator_progress(i, as_at=day) for i in queryset]


def notice_target_progress(
    *, notice: ImprovementNotice, as_at: date | None = None
) -> list[TargetProgress]:
    """Each of the notice's targets that has indicators, with how each indicator stood on the
    date: latest reading, target, where the trajectory says it should be, rating and
    direction. Four queries however many targets, indicators and readings."""
    return _progress(NoticeTarget.objects.filter(notice=notice), as_at)


def target_progress(*, target: NoticeTarget, as_at: date | None = None) -> TargetProgress | None:
    """One notice target's indicators as they stood on the date; None if it has none."""
    day = as_at_or_today(as_at)
    indicators = indicators_as_at(Indicator.objects.all(), as_at=day)
    prefetch_related_objects([target], Prefetch("indicators", queryset=indicators))
    found = [indicator_progress(i, as_at=day) for i in target.indicators.all()]
    return TargetProgress(target, found, day) if found else None


def _progress(targets: QuerySet[NoticeTarget], as_at: date | None) -> list[TargetProgress]:
    day = as_at_or_today(as_at)
    indicators = indicators_as_at(Indicator.objects.all(), as_at=day)
    targets = targets.select_related("notice").prefetch_related(
        Prefetch("indicators", queryset=indicators)
    )
    return [
        TargetProgress(t, [indicator_progress(i, as_at=day) for i in t.indicators.all()], day)
        for t in targets
        if t.indicators.all()
    ]
