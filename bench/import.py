"""Bulk loading benchmark: the real plans and bigger ones, timed, with the queries they run.

On a fresh database (created here, dropped at the end unless --keep) it measures:

- `load_seed_data` into the empty database (the real plans, inspections, indicators,
  governance), then again (which must change nothing and add no history);
- for each --times N: one plan file N times the size of the 2011 plan (its priorities
  repeated under new numbers, leads and cross-references shared), imported as a new plan,
  then imported again unchanged.

Each line gives the wall time, this process's CPU time (Python's share, steadier than
the wall time on a busy machine), the queries run and the history rows written. It
asserts nothing. PostgreSQL by default (PGURL names the server, default
postgres://postgres@127.0.0.1:5432); --sqlite uses a throwaway SQLite file instead.

    .venv/bin/python bench/import.py [--times 1 2 10] [--database-name NAME] [--sqlite]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--times", type=int, nargs="*", default=[1, 2, 10], help="plan sizes")
parser.add_argument("--database-name", default="kentplan_bulk_import")
parser.add_argument("--sqlite", action="store_true", help="a throwaway SQLite file instead")
parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
ARGS = parser.parse_args()
PGURL = os.environ.get("PGURL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
if ARGS.sqlite:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
else:
    os.environ["DATABASE_URL"] = f"{PGURL}/{ARGS.database_name}"
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentplan.settings")
os.environ.setdefault("KENTPLAN_TODAY", "2011-11-15")

import django  # noqa: E402


def psql(sql: str) -> None:
    subprocess.run(["psql", "-qtA", f"{PGURL}/postgres", "-c", sql], check=True)


def history_rows() -> int:
    from django.apps import apps

    return sum(m.objects.count() for m in apps.get_models() if m.__name__.startswith("Historical"))


def measure(label: str, work) -> None:
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    history_before = history_rows()
    with connection.execute_wrapper(count):
        started, cpu = time.perf_counter(), time.process_time()
        work()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    written = history_rows() - history_before
    print(f"{label:<52} {elapsed:7.2f} s {cpu:7.2f} s {queries:8d} {written:9d}", flush=True)


def action_count(data: dict) -> int:
    return sum(len(o.get("actions", [])) for p in data["priorities"] for o in p["outcomes"])


def main() -> None:
    from bench.scaling import enlarged_plan_data

    if not ARGS.sqlite:
        psql(f"DROP DATABASE IF EXISTS {ARGS.database_name}")
        psql(f"CREATE DATABASE {ARGS.database_name}")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from actions.models import Plan
    from actions.planexport import plan_export_data
    from actions.services import plan_import_text

    try:
        call_command("migrate", verbosity=0)
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'':<52} {'wall':>9} {'our CPU':>9} {'queries':>8} {'history':>9}")
        measure(
            "load_seed_data into the empty database",
            lambda: call_command("load_seed_data", verbosity=0),
        )
        measure(
            "load_seed_data again (changes nothing)",
            lambda: call_command("load_seed_data", verbosity=0),
        )
        original = plan_export_data(plan=Plan.objects.get(slug="putting-children-first-2011"))
        for times in ARGS.times:
            data = enlarged_plan_data(original, times)
            text = json.dumps(data, default=str)
            label = f"a plan {times}x the 2011 plan ({action_count(data)} actions)"
            measure(f"{label}, new", lambda text=text: plan_import_text(text=text))
            measure(
                "  the same again (changes nothing)", lambda text=text: plan_import_text(text=text)
            )
    finally:
        connection.close()
        if not ARGS.sqlite and not ARGS.keep:
            psql(f"DROP DATABASE IF EXISTS {ARGS.database_name}")


if __name__ == "__main__":
    main()
