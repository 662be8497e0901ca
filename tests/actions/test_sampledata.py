"""The demo's sample data is coherent with its fixed date, 15 November 2011."""

from actions.models import ProgressUpdate
from actions.sampledata import DEMO_TODAY, demo_accounts_load, sample_progress_load
from actions.selectors_progress import my_actions


def test_nothing_in_the_sample_is_dated_after_the_demo_day(seeded):
    demo_accounts_load()
    sample_progress_load()
    late = ProgressUpdate.objects.filter(is_sample=True, submitted_at__date__gt=DEMO_TODAY)
    assert not late.exists()
    assert not ProgressUpdate.objects.filter(verified_at__date__gt=DEMO_TODAY).exists()


def test_rob_semens_has_a_returned_completion_at_the_top_of_my_actions(seeded):
    demo_accounts_load()
    sample_progress_load()
    from django.contrib.auth.models import User

    from actions.models import ReportingPeriod

    rob = User.objects.get(username="rob.semens").lead
    period = ReportingPeriod.objects.get(month="2011-11-01")
    groups = my_actions(lead=rob, period=period, today=DEMO_TODAY)
    assert groups[0].key == "returned" and groups[0].count == 1
    assert "draft report" in groups[0].rows[0].latest.return_comment
