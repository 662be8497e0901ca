"""Benchmark: the board's dashboard at the real size and at N times the 2011 plan.

Loads the seeds and the sample, times the dashboard, then copies every action of the
2011 plan (with its updates, cross-references and history) N-1 times, retakes the
month-end snapshots and times it again. Prints figures; asserts nothing.

    DEBUG=1 .venv/bin/python bench/dashboard_scale.py [--times 10] [--repeat 20]

It uses a throwaway SQLite database (or DATABASE_URL if set) and leaves no data behind.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentplan.settings")
os.environ.setdefault("KENTPLAN_TODAY", "2011-11-15")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from simple_history.utils import bulk_create_with_history  # noqa: E402

from actions.models import Action, ProgressUpdate, ReportingPeriod  # noqa: E402
from actions.snapshots import snapshot_take  # noqa: E402
from governance.sampledata import sample_history_dates_load  # noqa: E402

PLAN = "putting-children-first-2011"
URLS = [f"/plans/{PLAN}/dashboard/", f"/plans/{PLAN}/dashboard/?as_at=2011-05-31"]


def copy_plan(times: int) -> None:
    """Each action of the plan N-1 more times, with its updates and cross-references."""
    originals = list(
        Action.objects.filter(plan__slug=PLAN).prefetch_related("updates", "notice_targets")
    )
    for copy in range(2, times + 1):
        bulk_create_with_history(
            [_copy(a, ref=f"{a.ref}.x{copy}") for a in originals], Action, batch_size=500
        )
        made = {a.ref: a for a in Action.objects.filter(plan__slug=PLAN, ref__endswith=f".x{copy}")}
        updates, links = [], []
        for action in originals:
            twin = made[f"{action.ref}.x{copy}"]
            updates += [_copy(u, action=twin) for u in action.updates.all()]
            links += [
                Action.notice_targets.through(action=twin, noticetarget=t)
                for t in action.notice_targets.all()
            ]
        bulk_create_with_history(updates, ProgressUpdate, batch_size=500)
        Action.notice_targets.through.objects.bulk_create(links)
    sample_history_dates_load()
    for period in ReportingPeriod.objects.filter(closed_at__isnull=False):
        snapshot_take(period=period, taken_at=period.closed_at)


def _copy(obj, **changes):
    obj = type(obj).objects.model(
        **{f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    )
    obj.pk = None
    for name, value in changes.items():
        setattr(obj, name, value)
    return obj


def measure(client: Client, repeat: int, label: str) -> None:
    actions = Action.objects.filter(plan__slug=PLAN).count()
    updates = ProgressUpdate.objects.filter(action__plan__slug=PLAN).count()
    print(f"\n{label}: {actions} actions, {updates} updates")
    for url in URLS:
        client.get(url)  # draws and caches the chart
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, url
        times.sort()
        p90 = times[int(len(times) * 0.9) - 1]
        print(f"{url:<62} {statistics.median(times) * 1000:7.1f}ms {p90 * 1000:7.1f}ms "
              f"{len(queries.captured_queries):4d} queries")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_seed_data", verbosity=0, stdout=io.StringIO())
    call_command("load_sample_data", stdout=io.StringIO())
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="liz.railton"))
    print(f"database: {connection.vendor}; median and p90 of {args.repeat} requests")
    measure(client, args.repeat, "real size")
    copy_plan(args.times)
    measure(client, args.repeat, f"{args.times} times the plan")


if __name__ == "__main__":
    main()
