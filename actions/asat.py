"""'As at' a date: every browsing page can show the plan as it stood at the end of a day.

One mechanism for every page (the dashboard's and the indicators' too): read the date from
`?as_at=YYYY-MM-DD`, turn it into the last moment of that day, and read each kind of record
from its history in one query (the latest version of each row by then, deletions left out).
"""

import hashlib
from datetime import date, datetime, time
from functools import wraps

from django.core.exceptions import BadRequest
from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.shortcuts import render
from django.utils import timezone

from kentplan.clock import today
from kentplan.kept import UNSETTLED

EARLIEST = date(2000, 1, 1)


class AsAtInvalid(BadRequest):
    """The as_at date could not be read; the message says why in plain words."""


def parse_as_at(raw: str) -> date | None:
    """'2011-06-30' → date; '' → None; anything else raises AsAtInvalid."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        if len(raw) != 10:
            raise ValueError
        value = date.fromisoformat(raw)
    except ValueError:
        shown = f"“{raw[:40]}”" if raw.isprintable() else "That"
        raise AsAtInvalid(
            f"{shown} is not a date. Write the date to show the page as at like 2011-06-30."
        ) from None
    if value < EARLIEST:
        raise AsAtInvalid(f"Pages can be shown as at {EARLIEST:%-d %B %Y} or later.")
    if value > today():
        raise AsAtInvalid(
            f"{value:%-d %B %Y} is in the future: a page can only be shown as it stood "
            f"on a day up to today ({today():%-d %B %Y})."
        )
    return value


def as_at_from_request(request) -> date | None:
    """The date asked for by `?as_at=`, or None for today. Raises AsAtInvalid (a 400)."""
    return parse_as_at(request.GET.get("as_at", ""))


def moment_for(day: date) -> datetime:
    """The last moment of that day in the council's time zone."""
    return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone())


def historical_as_at(model, moment: datetime, **filters) -> QuerySet:
    """The model's historical rows as they stood at `moment`: the latest version of each
    row by then, rows deleted by then left out, then narrowed by `filters`. One query."""
    pk = model._meta.pk.attname
    history = model.history.filter(history_date__lte=moment)
    # A later version of the same row; of two saved in the same instant, the later id wins
    # (simple-history's latest_of_each would keep both).
    later = history.filter(**{pk: OuterRef(pk)}).filter(
        Q(history_date__gt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__gt=OuterRef("history_id"))
    )
    return history.filter(~Exists(later)).exclude(history_type="-").filter(**filters)


def shows_as_at(view):
    """Answers a bad `?as_at=` with a 400 page that says how to write the date."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except AsAtInvalid as error:
            context = {"message": str(error), "path": request.path}
            return render(request, "includes/as_at_invalid.html", context, status=400)

    return wrapper


def as_at_context(request, as_at: date | None) -> dict:
    """What the banner needs: the date, and the page's own query without it."""
    query = request.GET.copy()
    query.pop("as_at", None)
    return {"as_at": as_at, "today_query": query.urlencode()}


def data_version(models: list[type[Model]], *, watch_writers: bool = True) -> str:
    """A fingerprint of the data: the newest history record of each model, in one query.

    Any save anywhere in these models adds a history row with a higher id, so a render
    cached under the old fingerprint is never served for the new data.

    On PostgreSQL an id is taken when a row is written, not when its transaction commits:
    a save still committing can hold a lower id than one already committed, and when it
    lands the newest id does not move. So while another transaction is writing to these
    models' history (it holds a write lock on the table until it ends), the version
    begins UNSETTLED, and what is drawn under it is kept only for a few seconds
    (kentplan.kept); once the writers have ended, the version is settled and a new key.
    (SQLite commits one writer at a time, in the order of their ids.) With
    watch_writers=False the plain fingerprint is given however things stand.
    """
    tables = [m.history.model._meta.db_table for m in models]  # type: ignore[attr-defined]  # simple_history adds .history
    quote = connection.ops.quote_name
    selects = ", ".join(f"(SELECT MAX(history_id) FROM {quote(t)})" for t in tables)
    watch = watch_writers and connection.vendor == "postgresql"
    if watch:
        names = ", ".join(f"'{quote(t)}'::regclass" for t in tables)
        selects += (
            ", EXISTS (SELECT FROM pg_locks WHERE locktype = 'relation'"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            f" AND relation IN ({names}) AND mode = 'RowExclusiveLock'"
            " AND pid <> pg_backend_pid())"
        )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")  # noqa: S608 - table names from model metadata
        row = list(cursor.fetchone())
    writing = row.pop() if watch else False
    digest = hashlib.sha256("-".join(str(v or 0) for v in row).encode()).hexdigest()
    return f"{UNSETTLED}-{digest}" if writing else digest
