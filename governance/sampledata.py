"""Sample data the seeds do not give, kept apart from the real data and labelled."""

from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from actions.models import Action, Plan, ProgressUpdate
from actions.sampledata import demo_accounts_load, sample_progress_load
from actions.snapshots import sample_snapshots_load
from governance.models import Body, Meeting
from targets.sampledata import sample_measurements_load


def sample_data_load() -> dict[str, int]:
    """Load all sample data; running it again changes nothing."""
    with transaction.atomic():
        return {
            "sample readings": sample_measurements_load(),
            "demo accounts": demo_accounts_load(),
            "sample progress updates": sample_progress_load(),
            "sample Improvement Board meetings": sample_board_meetings_load(),
            "month-end snapshots": sample_snapshots_load(),
            "records dated for the demo": sample_history_dates_load(),
        }


BOARD = "kent-improvement-board"
# Made up: the seeds say the Board meets monthly but give none of its dates.
SAMPLE_BOARD_MEETINGS = [date(2011, 4, 28), date(2011, 5, 26), date(2011, 6, 30),
                         date(2011, 7, 28), date(2011, 9, 29), date(2011, 10, 27)]  # fmt: skip


def sample_board_meetings_load() -> int:
    """Sample monthly Improvement Board meetings, so 'since the last meeting' has a date."""
    body = Body.objects.filter(slug=BOARD).first()
    if body is None:
        return 0
    made = 0
    for day in SAMPLE_BOARD_MEETINGS:
        _, created = Meeting.objects.get_or_create(
            body=body,
            date=day,
            defaults={"title": "Improvement Board (sample date)", "is_sample": True,
                      "note": "Sample data: a made-up meeting date for the demonstration."},
        )  # fmt: skip
        made += created
    return made


def sample_history_dates_load() -> int:
    """Date the history as the demo tells it, so 'as at' a 2011 date shows what was true
    then: each plan's actions as created when the plan was issued (not when the seeds were
    loaded), and each sample update as made when it was submitted. Returns rows changed."""
    made = ProgressUpdate.history.filter(is_sample=True, history_type="+")
    changed = made.filter(history_date__gt=F("submitted_at")).update(history_date=F("submitted_at"))
    for plan in Plan.objects.filter(date__isnull=False):
        issued = timezone.make_aware(datetime.combine(plan.date, time()))
        changed += Action.history.filter(
            plan_id=plan.pk, history_type="+", history_date__gt=issued
        ).update(history_date=issued)
    return changed
