from datetime import date
from decimal import Decimal

import pytest

from targets.models import Indicator, Measurement


@pytest.fixture(autouse=True)
def _demo_day(settings):
    """Every targets test runs on the demo's day, 15 November 2011."""
    settings.KENTPLAN_TODAY = "2011-11-15"


def make_indicator(slug="test-backlog", *, unit="count", polarity="lower", **extra) -> Indicator:
    """A made-up indicator: 1,000 on 1 January 2011 falling to 200 by 1 May 2011."""
    values = {
        "name": slug.replace("-", " ").capitalize(),
        "unit": unit,
        "polarity": polarity,
        "baseline_value": Decimal(1000),
        "baseline_date": date(2011, 1, 1),
        "target_value": Decimal(200),
        "target_date": date(2011, 5, 1),
        "tolerance": Decimal(50),
        **extra,
    }
    return Indicator.objects.create(slug=slug, **values)


def add_reading(indicator, day, value, **extra) -> Measurement:
    return Measurement.objects.create(
        indicator=indicator, date=day, value=Decimal(str(value)), **extra
    )
