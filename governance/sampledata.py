"""Sample data the seeds do not give, kept apart from the real data and labelled."""

from datetime import date

from django.db import transaction

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
