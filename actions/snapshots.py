"""Month-end snapshots: how every action stood when a month was closed.

The board's trend and direction of travel read these, so what it was shown for a closed
month never changes and reading them costs the same however long the history grows."""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from actions.models import Action, MonthSnapshot, ProgressUpdate, ReportingPeriod


def snapshot_take(*, period: ReportingPeriod, taken_at: datetime | None = None) -> int:
    """Store every live action's rating and status for the month (replacing any earlier
    snapshot of it); returns how many were stored. A few queries, whatever the number of
    actions. An action retired by then is left out, as the dashboard leaves it out."""
    updates = (
        ProgressUpdate.objects.filter(period__month__lte=period.month)
        .order_by("action_id", "period__month")
        .values_list(
            "pk", "action_id", "period_id", "rating", "status", "verification", "revised_due_date"
        )
    )
    latest: dict[int, tuple] = {}
    revised: dict[int, object] = {}
    for row in updates:
        latest[row[1]] = row
        if row[6]:
            revised[row[1]] = row[6]
    taken_at = taken_at or timezone.now()
    live = Action.objects.filter(Q(retired_on__isnull=True) | Q(retired_on__gt=taken_at.date()))
    snapshots = [
        _snapshot(period, action_id, due, latest.get(action_id), revised.get(action_id), taken_at)
        for action_id, due in live.values_list("pk", "due_date")
    ]
    with transaction.atomic():
        MonthSnapshot.objects.filter(period=period).delete()
        MonthSnapshot.objects.bulk_create(snapshots, batch_size=500)
    return len(snapshots)


def _snapshot(period, action_id, due, update, revised, taken_at) -> MonthSnapshot:
    return MonthSnapshot(
        period=period,
        action_id=action_id,
        update_id=update[0] if update else None,
        rating=update[3] if update else "",
        status=update[4] if update else "",
        verification=update[5] if update else "",
        forecast_due_date=revised or due,
        updated_that_month=bool(update and update[2] == period.pk),
        taken_at=taken_at,
    )


def sample_snapshots_load() -> int:
    """Snapshots of every closed month that has none yet (the sample's months), each dated
    when its month was closed; returns how many months were snapshotted."""
    months = ReportingPeriod.objects.filter(closed_at__isnull=False, snapshots__isnull=True)
    taken = 0
    for period in months.order_by("month").distinct():
        snapshot_take(period=period, taken_at=period.closed_at)
        taken += 1
    return taken
