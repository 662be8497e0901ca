"""The real plans, loaded once per test run and put back in milliseconds.

Loading the seeds through the importer takes seconds; tests that need a live server run
outside a transaction, and the database is emptied after each of them. Instead of loading
the seeds again, the rows they wrote are kept in memory after the first load and written
back in one transaction (foreign keys are checked at commit, so table order is free)."""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

# Tables Django fills itself after emptying the database, or that hold no plan data.
SKIP = {"django_content_type", "auth_permission", "django_migrations", "django_session"}

_rows: dict[str, tuple[list[str], list[tuple]]] = {}


def snapshot_take() -> None:
    """Keeps every row of every table, as the database holds it now."""
    _rows.clear()
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(set(tables) - SKIP):
            cursor.execute(f"SELECT * FROM {quote(table)}")
            rows = cursor.fetchall()
            if rows:
                _rows[table] = ([col[0] for col in cursor.description], rows)


def snapshot_restore() -> None:
    """Writes the kept rows back into an emptied database."""
    if not _rows:
        raise RuntimeError("no snapshot taken: call snapshot_take() after loading the seeds")
    quote = connection.ops.quote_name
    models = apps.get_models(include_auto_created=True)
    with transaction.atomic(), connection.cursor() as cursor:
        for table, (columns, rows) in _rows.items():
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
