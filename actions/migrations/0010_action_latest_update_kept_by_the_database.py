"""Each action's latest progress update, kept on the action by the database.

Action gets the latest update's status, rating and verification, and the latest revised due
date any of its updates gave. Triggers on actions_progressupdate keep them, whichever way an
update is written (the update form, verification, bulk loads, the admin, a test's factory);
others catch up an action, or the actions of a month, written after their updates (rows
put back in any order) or a month that is moved. Every action is filled in here.
"Latest" is the update of the latest month, as everywhere in kentplan.

PostgreSQL and SQLite are the databases kentplan runs on; each gets its own triggers."""

from django.db import migrations, models

UPDATES, PERIODS, ACTIONS = "actions_progressupdate", "actions_reportingperiod", "actions_action"


def _latest(column: str, action: str, *, given: bool = False) -> str:
    """The latest update's `column` (with `given`, the latest update's that is not NULL)."""
    where = f"u.action_id = {action}" + (f" AND u.{column} IS NOT NULL" if given else "")
    return (
        f"(SELECT u.{column} FROM {UPDATES} u JOIN {PERIODS} p ON p.id = u.period_id "
        f"WHERE {where} ORDER BY p.month DESC LIMIT 1)"
    )


def _refresh(action: str) -> str:
    """UPDATE setting the kept columns of the action(s) whose id is `action`."""
    return (
        f"UPDATE {ACTIONS} SET "
        f"progress_status = {_latest('status', action)}, "
        f"progress_rating = {_latest('rating', action)}, "
        f"progress_verification = {_latest('verification', action)}, "
        f"progress_revised_due_date = {_latest('revised_due_date', action, given=True)}"
    )


def _pg_trigger(name: str, table: str, event: str, tables: str, which: str) -> list[str]:
    """A statement-level trigger (PostgreSQL): one UPDATE for every row a statement wrote,
    so a bulk load, or emptying the table, refreshes each action once, not row by row."""
    return [
        f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {_refresh(f"{ACTIONS}.id")} WHERE id IN ({which});
            RETURN NULL;
        END $$""",
        f"""CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables}
            FOR EACH STATEMENT EXECUTE FUNCTION {name}()""",
    ]


_IN_PERIODS = f"SELECT u.action_id FROM {UPDATES} u JOIN new_rows p ON p.id = u.period_id"
POSTGRESQL = [
    *_pg_trigger("actions_updates_inserted", UPDATES, "INSERT", "NEW TABLE AS new_rows",
                 "SELECT action_id FROM new_rows"),
    *_pg_trigger("actions_updates_changed", UPDATES, "UPDATE",
                 "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                 "SELECT action_id FROM old_rows UNION SELECT action_id FROM new_rows"),
    *_pg_trigger("actions_updates_deleted", UPDATES, "DELETE", "OLD TABLE AS old_rows",
                 "SELECT action_id FROM old_rows"),
    # Rows written back in any order (foreign keys are checked at commit): an action or
    # a month arriving after its updates is caught up; and a month that is moved.
    *_pg_trigger("actions_actions_inserted", ACTIONS, "INSERT", "NEW TABLE AS new_rows",
                 "SELECT id FROM new_rows"),
    *_pg_trigger("actions_periods_inserted", PERIODS, "INSERT", "NEW TABLE AS new_rows",
                 _IN_PERIODS),
    *_pg_trigger("actions_periods_moved", PERIODS, "UPDATE",
                 "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                 f"{_IN_PERIODS} JOIN old_rows o ON o.id = p.id WHERE o.month <> p.month"),
]
POSTGRESQL_DROP = [
    statement
    for name, table in [
        ("actions_periods_moved", PERIODS),
        ("actions_periods_inserted", PERIODS),
        ("actions_actions_inserted", ACTIONS),
        ("actions_updates_deleted", UPDATES),
        ("actions_updates_changed", UPDATES),
        ("actions_updates_inserted", UPDATES),
    ]
    for statement in (f"DROP TRIGGER {name} ON {table}", f"DROP FUNCTION {name}()")
]

SQLITE = [
    f"""CREATE TRIGGER actions_progressupdate_latest_insert AFTER INSERT ON {UPDATES}
        BEGIN {_refresh("NEW.action_id")} WHERE id = NEW.action_id; END""",
    f"""CREATE TRIGGER actions_progressupdate_latest_update AFTER UPDATE ON {UPDATES}
        BEGIN
            {_refresh("OLD.action_id")} WHERE id = OLD.action_id;
            {_refresh("NEW.action_id")} WHERE id = NEW.action_id;
        END""",
    f"""CREATE TRIGGER actions_progressupdate_latest_delete AFTER DELETE ON {UPDATES}
        BEGIN {_refresh("OLD.action_id")} WHERE id = OLD.action_id; END""",
    f"""CREATE TRIGGER actions_period_month_latest AFTER UPDATE OF month ON {PERIODS}
        WHEN OLD.month IS NOT NEW.month
        BEGIN
            {_refresh(f"{ACTIONS}.id")}
            WHERE id IN (SELECT action_id FROM {UPDATES} WHERE period_id = NEW.id);
        END""",
    f"""CREATE TRIGGER actions_period_latest AFTER INSERT ON {PERIODS}
        BEGIN
            {_refresh(f"{ACTIONS}.id")}
            WHERE id IN (SELECT action_id FROM {UPDATES} WHERE period_id = NEW.id);
        END""",
    f"""CREATE TRIGGER actions_action_latest AFTER INSERT ON {ACTIONS}
        BEGIN {_refresh("NEW.id")} WHERE id = NEW.id; END""",
]
SQLITE_DROP = [
    "DROP TRIGGER actions_action_latest",
    "DROP TRIGGER actions_period_latest",
    "DROP TRIGGER actions_period_month_latest",
    "DROP TRIGGER actions_progressupdate_latest_delete",
    "DROP TRIGGER actions_progressupdate_latest_update",
    "DROP TRIGGER actions_progressupdate_latest_insert",
]


def _statements(vendor: str, install: bool) -> list[str]:
    if vendor == "postgresql":
        return POSTGRESQL if install else POSTGRESQL_DROP
    if vendor == "sqlite":
        return SQLITE if install else SQLITE_DROP
    raise NotImplementedError(f"kentplan runs on PostgreSQL or SQLite, not {vendor}")


def install(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, install=True):
        schema_editor.execute(statement, params=None)
    schema_editor.execute(_refresh(f"{ACTIONS}.id"), params=None)  # every action, as it is


def remove(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, install=False):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("actions", "0009_one_month_open_at_a_time")]

    operations = [
        migrations.AddField(
            model_name="action",
            name="progress_rating",
            field=models.CharField(editable=False, max_length=10, null=True),
        ),
        migrations.AddField(
            model_name="action",
            name="progress_revised_due_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="action",
            name="progress_status",
            field=models.CharField(editable=False, max_length=20, null=True),
        ),
        migrations.AddField(
            model_name="action",
            name="progress_verification",
            field=models.CharField(editable=False, max_length=10, null=True),
        ),
        migrations.RunPython(install, remove, elidable=False),
    ]
