"""Reading the plan as it stood at a date, from its history, in a fixed number of queries.

A paper cannot show a plan as it was before it was put into the product: a date before
the plan's last import shows the plan as imported (the printed plan is what was loaded).
"""

from datetime import date, datetime, time

from django.db.models import Max, Model, QuerySet
from django.utils import timezone

from actions.models import Action, Plan


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone())


def history_moment(*, plan: Plan, as_at: date) -> datetime:
    """The moment to read the plan's history at for a paper as at `as_at`."""
    imported = Action.history.filter(
        plan_id=plan.pk, history_type="+", history_user__isnull=True
    ).aggregate(last=Max("history_date"))["last"]
    moment = end_of_day(as_at)
    return max(moment, imported) if imported else moment


def versions_at(model: type[Model], moment: datetime, **scope) -> QuerySet:
    """The historical record of each `model` row as it stood at `moment` (deleted rows left
    out); `scope` narrows it to one plan's rows."""
    return (
        model.history.filter(history_date__lte=moment, **scope)  # type: ignore[attr-defined]  # simple_history adds .history
        .latest_of_each()
        .exclude(history_type="-")
    )


def latest_updates_at(*, as_at: date, **action_filter) -> dict:
    """Each action's latest progress update reported by the end of `as_at`, by action id."""
    from actions.models import ProgressUpdate

    updates = (
        ProgressUpdate.objects.filter(
            period__month__lte=as_at,
            submitted_at__lte=end_of_day(as_at),
            **{f"action__{k}": v for k, v in action_filter.items()},
        )
        .select_related("period")
        .order_by("action_id", "-period__month")
    )
    latest: dict = {}
    for update in updates:
        latest.setdefault(update.action_id, update)
    return latest
