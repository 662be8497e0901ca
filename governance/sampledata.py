"""Sample data the seeds do not give, kept apart from the real data and labelled."""

from django.contrib.auth import get_user_model
from django.db import transaction

from targets.sampledata import sample_measurements_load

DEMO_PASSWORD = "kentplan-demo"  # noqa: S105 - a published demo login, never used in production
DEMO_ACCOUNTS = [
    # username, full name, what they can do
    ("plan.manager", "Demo Plan Manager", "programme office: everything, including the admin"),
]


def sample_data_load() -> dict[str, int]:
    """Load all sample data; running it again changes nothing."""
    with transaction.atomic():
        return {
            "sample readings": sample_measurements_load(),
            "demo accounts": _demo_accounts_load(),
        }


def _demo_accounts_load() -> int:
    users = get_user_model()
    for username, full_name, _ in DEMO_ACCOUNTS:
        first, last = full_name.split(" ", 1)
        user, created = users.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
    return len(DEMO_ACCOUNTS)
