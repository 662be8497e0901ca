"""Scale benchmark: every page type at N times the real plan, on PostgreSQL.

Builds (once, or again with --rebuild) a PostgreSQL database `kentplan_scale_<N>` holding
the real plans, the sample progress, and N-1 more copies of the 2011 plan imported through
the same importer users use, each with its own slug, sharing the real leads as a council's
plans would, with sample progress updates in the sample's proportions. Then it signs in as
a priority lead (malcolm.newsam) and requests every page type, warm, printing the median
and p95 server time, the query count and the response size, beside a bare signed-in page
measured in the same run (compare machines by the ratio). It asserts nothing.

    .venv/bin/python bench/scale.py --factor 10 [--repeat 15] [--rebuild]
        [--database-name NAME] [--build-only]

Building goes through the bulk importer (bench/import.py times it alone): on a 2-core
machine the 10x database took 17 s (migrate 9.7 s, 9 copies 4.0 s) and the 100x one 54 s
(migrate 10.2 s, 99 copies with their 60,000 updates 40 s). Row-level triggers keeping
each action's latest update (migration actions 0010) made the copies 17 s slower; the
statement-level ones PostgreSQL now uses cost too little to see against the noise.

PGURL names the server (default postgres://postgres@127.0.0.1:5432). Loopback only.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--factor", type=int, default=10, help="copies of the 2011 plan in all")
parser.add_argument("--repeat", type=int, default=15, help="warm requests per page")
parser.add_argument("--rebuild", action="store_true", help="build the database afresh")
parser.add_argument("--database-name", "--database", help="default: kentplan_scale_<factor>")
parser.add_argument("--build-only", action="store_true", help="build, time it, measure nothing")
ARGS = parser.parse_args()
PGURL = os.environ.get("PGURL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DBNAME = ARGS.database_name or f"kentplan_scale_{ARGS.factor}"
os.environ["DATABASE_URL"] = f"{PGURL}/{DBNAME}"
# Measured as production runs: DEBUG off (no query log, cached templates, hashed static).
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentplan.settings")
os.environ.setdefault("KENTPLAN_TODAY", "2011-11-15")

import django  # noqa: E402

PLAN = "putting-children-first-2011"
LEAD_USER = "malcolm.newsam"


def psql_in(database: str, sql: str) -> None:
    subprocess.run(["psql", "-qtA", f"{PGURL}/{database}", "-c", sql], check=True)


def psql(sql: str) -> str:
    result = subprocess.run(
        ["psql", "-qtA", f"{PGURL}/postgres", "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def database_is_built() -> bool:
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{DBNAME}'") == "1"


def build() -> None:
    from django.core.management import call_command

    psql(f"DROP DATABASE IF EXISTS {DBNAME}")
    psql(f"CREATE DATABASE {DBNAME}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    call_command("load_seed_data", verbosity=0)
    seeded = time.perf_counter()
    call_command("load_sample_data", verbosity=0)
    sampled = time.perf_counter()
    original = original_plan_data()
    for copy in range(2, ARGS.factor + 1):
        copy_plan(original, copy)
        if copy % 10 == 0:
            print(f"  {copy} copies, {time.perf_counter() - started:.0f} s", flush=True)
    done = time.perf_counter()
    # Statistics as autovacuum would soon gather them: without them the planner guesses,
    # and the figures would be of a database no council runs for long.
    psql_in(DBNAME, "ANALYZE")
    print(
        f"built {DBNAME} in {done - started:.1f} s: migrate {migrated - started:.1f} s, "
        f"seeds {seeded - migrated:.1f} s, sample {sampled - seeded:.1f} s, "
        f"{ARGS.factor - 1} copies {done - sampled:.1f} s"
    )


def original_plan_data() -> dict:
    from actions.models import Plan
    from actions.planexport import plan_export_data

    return plan_export_data(plan=Plan.objects.get(slug=PLAN))


def copy_plan(original_data: dict, number: int) -> None:
    """One more copy of the 2011 plan, through the importer, with its sample progress."""
    import copy

    from django.db import transaction
    from simple_history.utils import bulk_create_with_history

    from actions.models import Action, Plan, ProgressUpdate
    from actions.services import plan_import_text

    original = Plan.objects.get(slug=PLAN)
    data = copy.deepcopy(original_data)
    data["plan"]["slug"] = f"{PLAN}-copy-{number}"
    data["plan"]["title"] += f" (scale copy {number})"
    data["plan"]["short_title"] += f" (copy {number})"
    data["plan"].pop("predecessor", None)
    with transaction.atomic():
        copy = plan_import_text(text=json.dumps(data, default=str))
        refs = dict(Action.objects.filter(plan=copy).values_list("ref", "pk"))
        updates = []
        for update in ProgressUpdate.objects.filter(action__plan=original).select_related("action"):
            update.pk = None
            update.action_id = refs[update.action.ref]
            updates.append(update)
        bulk_create_with_history(updates, ProgressUpdate, batch_size=1000)


# Pages keep what they draw in the cache (the table's rows for paper, charts); a label
# starting with this is measured with the cache emptied before every request.
COLD = "nothing cached: "


def pages() -> list[tuple[str, str]]:
    from actions.models import Lead

    lead = Lead.objects.get(user__username=LEAD_USER)
    plan = f"/plans/{PLAN}"
    found = [
        ("baseline: bare signed-in page", "/accounts/password_change/done/"),
        ("home (plans)", "/"),
        ("plan", f"{plan}/"),
        ("actions table", f"{plan}/actions/"),
        (COLD + "actions table", f"{plan}/actions/"),
        ("actions table, search", f"{plan}/actions/?q=audit+social+worker"),
        ("actions table, lead filter", f"{plan}/actions/?lead={lead.pk}"),
        ("actions table, page 3 sorted", f"{plan}/actions/?page=3&sort=-ref"),
        ("action", f"{plan}/actions/2.1.4/"),
        ("data quality", f"{plan}/data-quality/"),
        ("notice target", "/notices/improvement-notice-2011/targets/3/"),
        ("inspection", "/inspections/ofsted-safeguarding-lac-2010/"),
        ("indicators", "/indicators/"),
        ("leads", "/leads/"),
        ("lead detail", f"/leads/{lead.slug}/"),
        ("my actions", "/my-actions/"),
        ("governance", "/governance/"),
    ]
    optional = [  # pages other work adds; measured where they exist
        ("dashboard", f"{plan}/dashboard/"),
        ("actions table CSV", f"{plan}/actions/download.csv"),
        ("actions table Excel", f"{plan}/actions/download.xlsx"),
    ]
    from django.urls import Resolver404, resolve

    for label, url in optional:
        try:
            resolve(url.split("?")[0])
            found.append((label, url))
        except Resolver404:
            pass
    return found


def measure() -> None:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from actions.models import Action, ProgressUpdate

    print(
        f"database {DBNAME}: {Action.objects.count()} actions, "
        f"{ProgressUpdate.objects.count()} progress updates"
    )
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=LEAD_USER))
    print(f"\n{'page (signed in as ' + LEAD_USER + ')':<36} {'median':>9} {'p95':>9} "
          f"{'ratio':>6} {'queries':>8} {'KB':>7}")  # fmt: skip
    baseline = None
    for label, url in pages():
        times, size, count = [], 0, 0
        for attempt in range(ARGS.repeat + 2):
            if label.startswith(COLD):
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url, secure=True)  # production answers HTTPS only
                elapsed = time.perf_counter() - start
            if response.status_code != 200:
                print(f"{label:<36} status {response.status_code}")
                break
            if attempt >= 2:  # the first two warm the caches
                times.append(elapsed)
            size, count = len(response.content), len(queries.captured_queries)
        if not times:
            continue
        times.sort()
        median = statistics.median(times) * 1000
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))] * 1000
        baseline = baseline or median
        print(f"{label:<36} {median:7.1f}ms {p95:7.1f}ms {median / baseline:6.1f} "
              f"{count:8d} {size / 1024:7.1f}")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {peak:.0f} MB")


def main() -> None:
    built = database_is_built()
    django.setup()
    if ARGS.rebuild or not built:
        build()
    if ARGS.build_only:
        return
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)  # a database built by an older version
    measure()


if __name__ == "__main__":
    main()
