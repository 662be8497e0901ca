"""The demo's sample data gives the board's dashboard a trend and a coherent past."""

from datetime import date

import pytest

from actions.models import Action, MonthSnapshot, ReportingPeriod
from governance.models import Meeting
from governance.sampledata import sample_data_load
from reports.dashboard import dashboard_context

pytestmark = pytest.mark.django_db


def test_it_snapshots_each_closed_sample_month_and_dates_the_history(plan_2011, settings):
    settings.KENTPLAN_TODAY = "2011-11-15"
    sample_data_load()
    for period in ReportingPeriod.objects.all():
        expected = Action.objects.count() if period.closed_at else 0
        assert MonthSnapshot.objects.filter(period=period).count() == expected, period
    assert Meeting.objects.filter(body__slug="kent-improvement-board", is_sample=True).exists()
    may = dashboard_context(plan=plan_2011, as_at=date(2011, 5, 31))
    assert may.overall.total.n == plan_2011.actions.count()
    assert [m.month for m in may.trend] == [date(2011, 4, 1)]
    assert sum(f.n for f in may.overall.counts.values()) > 0
    again = sample_data_load()
    assert again["month-end snapshots"] == again["records dated for the demo"] == 0


def test_the_demo_prints_the_whole_plan_as_at_a_2011_date(plan_2011, settings):
    """Every record of the plan, not only its actions, is dated as entered in March 2011,
    so the plan document as at November 2011 holds its priorities, outcomes and actions."""
    from reports.plan_document import plan_document

    settings.KENTPLAN_TODAY = "2011-11-15"
    sample_data_load()
    document = plan_document(plan=plan_2011, as_at=date(2011, 11, 15))
    assert len(document.priorities) == 6
    assert document.action_refs == list(
        plan_2011.actions.order_by("sort_key").values_list("ref", flat=True)
    )
