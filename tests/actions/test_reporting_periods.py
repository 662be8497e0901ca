"""Reporting periods (issue 9, item 8): one open month at a time, none before the plan or
more than a month ahead, closing confirmed, reopening with a reason."""

from datetime import date

import pytest
import time_machine
from django.utils import timezone

from actions.models import ReportingPeriod

TODAY = date(2011, 11, 15)


@pytest.fixture
def office(client_for):
    with time_machine.travel(TODAY, tick=False):
        yield client_for("office")


def month(m: int, y: int) -> dict:
    return {"month_day": "1", "month_month": str(m), "month_year": str(y)}


def test_it_refuses_a_second_open_month(office, open_period):
    response = office.post("/reporting-periods/", month(12, 2011))
    assert response.status_code == 400
    assert "November 2011 is still open. Close it first" in response.content.decode()
    assert not ReportingPeriod.objects.filter(month="2011-12-01").exists()


@pytest.mark.parametrize(
    ("m", "y", "message"),
    [(2, 2011, "February 2011 is before the plan started (March 2011)"),
     (1, 2012, "You can open a month up to one month ahead: December 2011 at the latest")],
)  # fmt: skip
def test_it_refuses_months_before_the_plan_or_too_far_ahead(office, seeded, m, y, message):
    response = office.post("/reporting-periods/", month(m, y))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert office.post("/reporting-periods/", month(12, 2011)).status_code == 302


def test_closing_asks_for_confirmation_first(office, open_period):
    page = office.get(f"/reporting-periods/{open_period.pk}/close/")
    assert page.status_code == 200
    assert "Yes, close November 2011" in page.content.decode()
    open_period.refresh_from_db()
    assert open_period.is_open
    office.post(f"/reporting-periods/{open_period.pk}/close/")
    open_period.refresh_from_db()
    assert not open_period.is_open


def test_the_office_reopens_a_closed_month_with_a_reason(office, seeded):
    period = ReportingPeriod.objects.create(
        month=date(2011, 10, 1), opened_at=timezone.now(), closed_at=timezone.now()
    )
    url = f"/reporting-periods/{period.pk}/reopen/"
    assert "Give a reason" in office.post(url, {"reason": ""}).content.decode()
    assert office.post(url, {"reason": "Two leads were on leave"}).status_code == 302
    period.refresh_from_db()
    assert period.is_open and period.reopen_reason == "Two leads were on leave"
    assert period.history.first().history_change_reason == "Reopened: Two leads were on leave"


def test_a_month_cannot_be_reopened_while_another_is_open(office, open_period):
    period = ReportingPeriod.objects.create(
        month=date(2011, 10, 1), opened_at=timezone.now(), closed_at=timezone.now()
    )
    response = office.post(f"/reporting-periods/{period.pk}/reopen/", {"reason": "x"})
    assert "November 2011 is open. Close it first" in response.content.decode()


def test_only_the_office_reopens(client_for, seeded):
    period = ReportingPeriod.objects.create(
        month=date(2011, 10, 1), opened_at=timezone.now(), closed_at=timezone.now()
    )
    assert client_for("bob").post(f"/reporting-periods/{period.pk}/reopen/",
                                  {"reason": "x"}).status_code == 403  # fmt: skip


def test_the_database_keeps_one_month_open_however_it_is_written(open_period):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingPeriod.objects.create(month=date(2011, 12, 1), opened_at=timezone.now())
    ReportingPeriod.objects.create(month=date(2011, 10, 1))  # not opened: allowed
    assert ReportingPeriod.objects.filter(closed_at__isnull=True).count() == 2


def test_two_months_opened_at_the_same_moment_leave_one_open(users, open_period, monkeypatch):
    """The second officer's checks ran before the first one's month was saved: the database
    refuses it, and the officer is told in words, not with an error page."""
    from django.core.exceptions import ValidationError

    from actions import progress

    monkeypatch.setattr(progress, "_check_month_may_open", lambda month: None)
    monkeypatch.setattr(ReportingPeriod, "validate_constraints", lambda self, exclude=None: None)
    with time_machine.travel(TODAY, tick=False), pytest.raises(ValidationError) as caught:
        progress.period_open(month=date(2011, 12, 1), user=users["office"])
    assert "Another month was opened a moment ago" in str(caught.value)
    still_open = ReportingPeriod.objects.filter(closed_at__isnull=True, opened_at__isnull=False)
    assert list(still_open) == [open_period]
