"""Each action's latest update, as the database keeps it on the action (Action.progress_*),
agrees with its updates however they are written: created, bulk-created, changed by a
queryset, deleted, or put in a month that is moved."""

from datetime import date

import pytest
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actions.models import Action, ProgressUpdate, ReportingPeriod

PLAN = "putting-children-first-2011"


def kept(action) -> tuple:
    action.refresh_from_db()
    return (
        action.progress_status,
        action.progress_rating,
        action.progress_verification,
        action.progress_revised_due_date,
    )


def worked_out(action) -> tuple:
    """The same, from the updates themselves: the latest month's, and the latest revision."""
    updates = sorted(action.updates.select_related("period"), key=lambda u: u.period.month)
    if not updates:
        return (None, None, None, None)
    last = updates[-1]
    revised = [u.revised_due_date for u in updates if u.revised_due_date]
    return (last.status, last.rating, last.verification, revised[-1] if revised else None)


def month(year, number) -> ReportingPeriod:
    """A closed month (only one may be open at a time)."""
    now = timezone.now()
    return ReportingPeriod.objects.create(month=date(year, number, 1), opened_at=now, closed_at=now)


def update(action, period, author, **fields) -> ProgressUpdate:
    values = {"status": "on_track", "rating": "green", "rating_rule": "x",
              "submitted_at": timezone.now(), **fields}  # fmt: skip
    values.setdefault("suggested_rating", values["rating"])
    if values.get("revised_due_date"):
        values["revised_reason"] = "Slipped"
    return ProgressUpdate(action=action, period=period, author=author, **values)


@pytest.fixture
def action(seeded):
    return Action.objects.get(plan__slug=PLAN, ref="1.1.1")


def test_no_update_keeps_nothing(action):
    assert action.updates.count() == 0
    assert kept(action) == (None, None, None, None) == worked_out(action)


def test_the_latest_month_s_update_is_kept_whatever_order_they_come_in(action, users):
    author = users["alice"]
    october, september = month(2011, 10), month(2011, 9)
    update(action, october, author, status="at_risk", rating="amber").save()
    assert kept(action) == ("at_risk", "amber", "", None)
    # an earlier month's update, written later, does not displace it
    update(action, september, author, revised_due_date=date(2012, 1, 31)).save()
    assert kept(action) == ("at_risk", "amber", "", date(2012, 1, 31)) == worked_out(action)


def test_changes_by_a_queryset_and_deletions_are_kept(action, users):
    author = users["alice"]
    september, october = month(2011, 9), month(2011, 10)
    first = update(action, september, author, revised_due_date=date(2012, 3, 31))
    second = update(action, october, author, status="complete", verification="pending")
    for u in (first, second):
        u.save()
    ProgressUpdate.objects.filter(pk=second.pk).update(verification="returned")
    assert kept(action) == ("complete", "green", "returned", date(2012, 3, 31))
    second.delete()
    assert kept(action) == ("on_track", "green", "", date(2012, 3, 31)) == worked_out(action)
    ProgressUpdate.objects.filter(pk=first.pk).update(revised_due_date=None)
    assert kept(action)[3] is None
    first.delete()
    assert kept(action) == (None, None, None, None)


def test_bulk_loads_are_kept(seeded, users):
    actions = list(Action.objects.filter(plan__slug=PLAN).order_by("sort_key")[:20])
    period = month(2011, 10)
    bulk_create_with_history(
        [update(a, period, users["alice"], rating="red", status="delayed") for a in actions],
        ProgressUpdate,
    )
    for a in actions:
        assert kept(a) == ("delayed", "red", "", None) == worked_out(a)


def test_a_month_moved_changes_which_update_is_latest(action, users):
    author = users["alice"]
    september, october = month(2011, 9), month(2011, 10)
    update(action, september, author, status="at_risk", rating="amber").save()
    update(action, october, author).save()
    assert kept(action)[:2] == ("on_track", "green")
    september.month = date(2011, 11, 1)  # entered as September by mistake: November
    september.save()
    assert kept(action)[:2] == ("at_risk", "amber") == worked_out(action)[:2]


def test_saving_an_action_read_before_an_update_does_not_undo_it(action, users):
    stale = Action.objects.get(pk=action.pk)
    update(action, month(2011, 10), users["alice"], status="delayed", rating="red").save()
    stale.text = "Reworded"
    stale.save()
    assert kept(action)[:2] == ("delayed", "red")
    assert Action.objects.get(pk=action.pk).text == "Reworded"


def test_history_does_not_record_them(action):
    fields = {f.name for f in Action.history.model._meta.fields}
    assert "progress_status" not in fields and "text" in fields


def test_rows_written_back_in_any_order_are_caught_up(action, users):
    """As a snapshot or a backup is put back: updates first, then their month and action."""
    from django.db import connection, transaction

    period = month(2011, 10)
    update(action, period, users["alice"], status="delayed", rating="red").save()
    quote = connection.ops.quote_name
    tables = {m: m._meta.db_table for m in (ProgressUpdate, ReportingPeriod, Action)}
    rows = {}
    with connection.cursor() as cursor:
        for model, table in tables.items():
            pk = {ProgressUpdate: action.updates.get().pk, ReportingPeriod: period.pk}
            cursor.execute(f"SELECT * FROM {quote(table)} WHERE id = %s",
                           [pk.get(model, action.pk)])  # fmt: skip
            rows[model] = ([c[0] for c in cursor.description], cursor.fetchone())
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for model in (ProgressUpdate, ReportingPeriod, Action):
            cursor.execute(f"DELETE FROM {quote(tables[model])} WHERE id = %s",
                           [rows[model][1][0]])  # fmt: skip
        for model in (ProgressUpdate, ReportingPeriod, Action):  # the wrong way round
            columns, values = rows[model]
            if model is Action:  # as a copy taken before the update would hold them
                values = [None if c.startswith("progress_") else v
                          for c, v in zip(columns, values, strict=True)]  # fmt: skip
            cursor.execute(
                f"INSERT INTO {quote(tables[model])} ({', '.join(map(quote, columns))}) "
                f"VALUES ({', '.join(['%s'] * len(columns))})",
                values,
            )
    assert kept(action)[:2] == ("delayed", "red")
