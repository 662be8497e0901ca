"""Sample data the seeds do not give, kept apart from the real data and labelled."""

from django.db import transaction

from actions.sampledata import demo_accounts_load, sample_progress_load
from targets.sampledata import sample_measurements_load


def sample_data_load() -> dict[str, int]:
    """Load all sample data; running it again changes nothing."""
    with transaction.atomic():
        return {
            "sample readings": sample_measurements_load(),
            "demo accounts": demo_accounts_load(),
            "sample progress updates": sample_progress_load(),
        }
