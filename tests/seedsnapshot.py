"""The real plans, loaded once per test run and put back in milliseconds.

Loading the seeds through the importer takes seconds; tests that need a live server run
outside a transaction, and the database is emptied after each of them. Instead of loading
the seeds again, the rows they wrote are kept in memory after the first load and written
back in one transaction (foreign keys are checked at commit, so table order is free).

Browser tests that also need the demo's sample data (meetings, readings, progress) keep
it the same way, under a name of its own (`snapshot_with`): loading it takes seconds, a
restore a tenth of one."""

from collections.abc import Callable

from django.apps import apps
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

# Tables Django fills itself after emptying the database, or that hold no plan data.
SKIP = {"django_content_type", "auth_permission", "django_migrations", "django_session"}
# Django fills these again after each emptying, under new ids: a kept snapshot whose rows
# point at them (the demo's Administrator group holds permissions) keeps and restores them.
REFILLED = {"django_content_type", "auth_permission"}
SEEDS = "the real plans"

_kept: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}


def snapshot_take(name: str = SEEDS) -> None:
    """Keeps every row of every table, as the database holds it now."""
    rows = _kept[name] = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _tables(refilled=name != SEEDS):
            cursor.execute(f"SELECT * FROM {quote(table)}")
            found = cursor.fetchall()
            if found:
                rows[table] = ([col[0] for col in cursor.description], found)


def snapshot_restore(name: str = SEEDS) -> None:
    """Writes the kept rows back into an emptied database."""
    if name not in _kept:
        raise RuntimeError(f"no snapshot of {name} taken: call snapshot_take() first")
    with transaction.atomic(), connection.cursor() as cursor:
        _insert(cursor, _kept[name])


def snapshot_with(name: str, load: Callable[[], object]) -> None:
    """The real plans and what `load` adds to them, as one kept snapshot.

    The first time (in each test process), `load` runs on the restored plans and the result
    is kept; after that the database is emptied and the kept rows written back instead.
    Call it before the test adds rows of its own (the `users` fixture, say): they would be
    emptied with the rest, so a test that made users first is stopped with a message."""
    seeds = _kept.get(SEEDS, {})
    made = User.objects.count()
    if made != len(seeds.get(User._meta.db_table, ((), []))[1]):
        raise RuntimeError(
            f"snapshot_with({name!r}) came after the test made {made} user(s) of its own: "
            "request its fixture before `users`"
        )
    if name not in _kept:
        with transaction.atomic():
            load()
        snapshot_take(name)
        return
    # Emptied as the harness empties it after a browser test (conftest._flush_by_deleting).
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), _tables(refilled=True)))
    snapshot_restore(name)
    ContentType.objects.clear_cache()


def _tables(*, refilled: bool = False) -> list[str]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    return sorted(set(tables) - (SKIP - REFILLED if refilled else SKIP))


def _insert(cursor, kept: dict[str, tuple[list[str], list[tuple]]]) -> None:
    quote = connection.ops.quote_name
    models = apps.get_models(include_auto_created=True)
    for table, (columns, rows) in kept.items():
        names = ", ".join(quote(c) for c in columns)
        row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
        # Many rows per INSERT: one round trip each, not one per row (~200 ms a
        # restore on PostgreSQL), within SQLite's limit of 999 parameters a statement.
        per_insert = max(1, 999 // len(columns))
        for start in range(0, len(rows), per_insert):
            chunk = rows[start : start + per_insert]
            marks = ", ".join([row_marks] * len(chunk))
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) VALUES {marks}",  # noqa: S608
                [value for row in chunk for value in row],
            )
    for sql in connection.ops.sequence_reset_sql(no_style(), models):
        cursor.execute(sql)
