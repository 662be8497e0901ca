"""Builds two new databases, one through the squashed migrations (as `migrate` does for a
new database) and one through the migrations they replace, and prints every difference
between them: tables, columns, constraints and indexes (with their names) and triggers.
Prints nothing else and exits 0 when they are the same, 1 when they differ.

    .venv/bin/python scripts/compare_migration_routes.py              # SQLite files in /tmp
    .venv/bin/python scripts/compare_migration_routes.py --postgres   # two scratch databases

Run it whenever a squash is made or changed; tests/kentplan/test_migrations.py compares
the two routes' models on every test run, which is quick but does not build the tables.
PGURL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432)."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BUILD = """
import django, json, sys
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from kentplan.migration_routes import loader_through_the_old_migrations

executor = MigrationExecutor(connection)
if sys.argv[1] == "old":
    executor.loader = loader_through_the_old_migrations(connection)
targets = executor.loader.graph.leaf_nodes()
executor.migrate(targets, plan=executor.migration_plan(targets))

def _described(name, details):
    # SQLite's foreign keys and inline checks have no names: the introspection numbers
    # them in the order of the table's columns, which differ between routes. Such a
    # constraint is compared by what it is, not by its number.
    unnamed = name.startswith(("fk_", "__unnamed_constraint_"))
    kept = {k: v for k, v in sorted(details.items()) if v not in (None, False)}
    return json.dumps(["(unnamed)" if unnamed else name, kept], default=str)


described = {}
with connection.cursor() as cursor:
    for table in connection.introspection.table_names(cursor):
        columns = connection.introspection.get_table_description(cursor, table)
        described[table] = {
            "columns": sorted(json.dumps(list(c), default=str) for c in columns),
            "constraints": sorted(
                _described(name, details)
                for name, details in connection.introspection.get_constraints(cursor, table).items()
            ),
        }
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT event_object_table, trigger_name, event_manipulation, action_timing,"
            " action_statement FROM information_schema.triggers ORDER BY 1, 2, 3"
        )
    else:
        cursor.execute("SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger'")
    described["(triggers)"] = sorted(list(row) for row in cursor.fetchall())
print(json.dumps(described, default=str))
"""


def build(route: str, database_url: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "compare-only"),
        "DJANGO_SETTINGS_MODULE": "kentplan.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", BUILD, route], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"building the {route} route failed:\n{done.stderr}")
    return json.loads(done.stdout)


def differences(old: dict, new: dict) -> list[str]:
    found = []
    for table in sorted(set(old) | set(new)):
        if table not in new:
            found.append(f"{table}: only through the old migrations")
        elif table not in old:
            found.append(f"{table}: only through the squashes")
        elif old[table] != new[table]:
            found.append(f"{table}:\n  old:     {old[table]}\n  squashed: {new[table]}")
    return found


def _psql(server: str, statement: str) -> None:
    quiet = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}
    subprocess.run(
        ["psql", "-q", "-d", f"{server}/postgres", "-c", statement], check=True, env=quiet
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", action="store_true", help="compare on PostgreSQL")
    args = parser.parse_args()
    if args.postgres:
        server = os.environ.get("PGURL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
        names = {"old": "kentplan_compare_old", "new": "kentplan_compare_squashed"}
        for name in names.values():
            _psql(server, f"DROP DATABASE IF EXISTS {name}")
            _psql(server, f"CREATE DATABASE {name}")
        try:
            old, new = (build(route, f"{server}/{names[route]}") for route in ("old", "new"))
        finally:
            for name in names.values():
                _psql(server, f"DROP DATABASE IF EXISTS {name}")
    else:
        with tempfile.TemporaryDirectory() as folder:
            old, new = (
                build(route, f"sqlite:///{folder}/{route}.sqlite3") for route in ("old", "new")
            )
    found = differences(old, new)
    for line in found:
        print(line)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
