"""Sample indicator readings for the months after the seeds stop, up to the demo's date
(15 November 2011), and sample tolerances, so charts and dashboards have something to show.
Made up, deterministic, and marked `is_sample` (or noted) so every page that shows them
says so."""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from targets.models import Indicator, Measurement
from targets.services import upsert

# The demo is fixed at 15 November 2011: no sample reading may be dated after it.
LAST_SAMPLE_MONTH = date(2011, 11, 1)
SAMPLE_NOTE = "Sample data for demonstration: not from the council’s papers"
SAMPLE_TOLERANCE_NOTE = "Sample tolerance for demonstration: the council’s papers set none"
SAMPLE_TOLERANCES: dict[str, Decimal] = {
    Indicator.Unit.COUNT: Decimal(50),
    Indicator.Unit.PERCENT: Decimal(2),
    Indicator.Unit.POINTS: Decimal(2),
    Indicator.Unit.DAYS: Decimal(2),
}


def sample_measurements_load() -> int:
    """Add the sample readings (again safe: the same values every run); returns how many."""
    made = 0
    with transaction.atomic():
        Measurement.objects.filter(is_sample=True, date__gt=LAST_SAMPLE_MONTH).delete()
        for indicator in Indicator.objects.prefetch_related("measurements"):
            made += _load_for(indicator)
            _tolerance_for(indicator)
    return made


def _tolerance_for(indicator: Indicator) -> None:
    if indicator.tolerance is None or indicator.tolerance_note == SAMPLE_TOLERANCE_NOTE:
        upsert(
            Indicator,
            {"pk": indicator.pk},
            {
                "tolerance": SAMPLE_TOLERANCES[indicator.unit],
                "tolerance_note": SAMPLE_TOLERANCE_NOTE,
            },
        )


def _load_for(indicator: Indicator) -> int:
    real = [m for m in indicator.measurements.all() if not m.is_sample]
    if not real:
        return 0
    last = max(real, key=lambda m: m.date)
    months = _months_after(last.date)
    values = _path(indicator, float(last.value), len(months))
    for month, value in zip(months, values, strict=True):
        upsert(
            Measurement,
            {"indicator": indicator, "date": month},
            {"value": value, "is_sample": True, "note": SAMPLE_NOTE, "source": ""},
        )
    return len(months)


def _months_after(day: date) -> list[date]:
    months: list[date] = []
    year, month = day.year, day.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if date(year, month, 1) > LAST_SAMPLE_MONTH:
            return months
        months.append(date(year, month, 1))


def _path(indicator: Indicator, start: float, steps: int) -> list[Decimal]:
    """From the last real reading towards the target, with a little month-to-month noise."""
    rng = random.Random(indicator.slug)
    target = float(indicator.target_value) if indicator.target_value is not None else start
    better = (target < start) if indicator.polarity == Indicator.Polarity.LOWER else target > start
    end = target if better else start
    values = []
    for step in range(1, steps + 1):
        value = start + (end - start) * step / steps
        value *= 1 + rng.uniform(-0.04, 0.04)
        places = "1" if indicator.unit == Indicator.Unit.COUNT else "0.1"
        values.append(Decimal(str(max(value, 0))).quantize(Decimal(places)))
    return values
