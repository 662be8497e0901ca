"""Month-end snapshots: taken when the programme office closes a month, one per action."""

from datetime import date

import pytest
from django.utils import timezone

from actions.models import Action, MonthSnapshot, ReportingPeriod
from actions.progress import period_close
from actions.snapshots import snapshot_take
from tests.reports.scenario import build

pytestmark = pytest.mark.django_db


def test_it_snapshots_every_action_when_the_office_closes_a_month(users):
    period = ReportingPeriod.objects.create(month=date(2011, 11, 1), opened_at=timezone.now())
    period_close(period=period, user=users["office"])
    assert MonthSnapshot.objects.filter(period=period).count() == Action.objects.count()


def test_a_month_whose_snapshots_fail_stays_open(users, monkeypatch):
    """Closed with its month-end figures, or not at all."""
    from actions import progress

    def fail(*, period):
        raise RuntimeError("the database went away while taking the snapshots")

    period = ReportingPeriod.objects.create(month=date(2011, 11, 1), opened_at=timezone.now())
    monkeypatch.setattr(progress, "snapshot_take", fail)
    with pytest.raises(RuntimeError):
        period_close(period=period, user=users["office"])
    period.refresh_from_db()
    assert period.closed_at is None and period.is_open
    assert not ReportingPeriod.history.filter(id=period.pk, closed_at__isnull=False).exists()


def test_it_carries_the_latest_update_forward_with_the_revised_date(seeded, settings):
    scenario = build()
    november = ReportingPeriod.objects.get(month=date(2011, 11, 1))
    snapshot_take(period=november)
    taken = {
        s.action.ref: s
        for s in MonthSnapshot.objects.filter(period=november, action__plan=scenario["plan"])
    }
    assert (taken["A1"].rating, taken["A1"].forecast_due_date) == ("amber", date(2012, 4, 30))
    assert taken["A1"].updated_that_month is True
    assert (taken["A2"].rating, taken["A2"].updated_that_month) == ("red", False)
    assert (taken["B1"].rating, taken["B1"].verification) == ("blue", "verified")
    assert (taken["A3"].rating, taken["A3"].forecast_due_date) == ("", date(2011, 12, 1))


def test_taking_a_month_again_replaces_its_snapshot(seeded):
    build()
    october = ReportingPeriod.objects.get(month=date(2011, 10, 1))
    before = MonthSnapshot.objects.filter(period=october).count()
    assert snapshot_take(period=october) == before
    assert MonthSnapshot.objects.filter(period=october).count() == before
