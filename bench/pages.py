"""Benchmark: loading the real plans, and rendering each page for a signed-in lead.

Prints figures; it asserts nothing. Run from the project folder:

    DEBUG=1 .venv/bin/python bench/pages.py [--repeat 20] [--times 10]

With --times N the pages are measured again with N copies of the 2011 plan (bench/scaling.py).

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
# After the project, so that `reports` is the app, not bench/reports.py.
sys.path.append(str(Path(__file__).resolve().parent))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentplan.settings")
os.environ.setdefault("KENTPLAN_TODAY", "2011-11-15")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PLAN = "/plans/putting-children-first-2011"
PAGES = [
    "/",
    f"{PLAN}/",
    f"{PLAN}/actions/",
    f"{PLAN}/actions/?q=audit&joint=yes",
    f"{PLAN}/actions/?rating=red&overdue=1",
    f"{PLAN}/actions/?missing_update=1&changed_since=2011-10-01&due_within=90",
    f"{PLAN}/actions/?per_page=all",
    f"{PLAN}/actions/?as_at=2011-05-31",
    f"{PLAN}/actions/download.csv?rating=amber",
    f"{PLAN}/actions/download.xlsx",
    f"{PLAN}/actions/2.1.4/",
    f"{PLAN}/data-quality/",
    "/notices/improvement-notice-2011/targets/3/",
    "/inspections/ofsted-safeguarding-lac-2010/",
    "/leads/rob-semens/",
    "/my-actions/",
    f"{PLAN}/dashboard/",
    f"{PLAN}/dashboard/?as_at=2011-05-31",
]


def timed(label: str, func) -> float:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"{label:<52} {seconds * 1000:9.0f} ms")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--times", type=int, default=1, help="also measure at N x the plan")
    options = parser.parse_args()
    repeat = options.repeat
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    timed("load_seed_data (empty database)", lambda: call_command("load_seed_data", verbosity=0))
    timed(
        "load_seed_data again (nothing changes)",
        lambda: call_command("load_seed_data", verbosity=0),
    )
    timed("load_sample_data", lambda: call_command("load_sample_data", stdout=io.StringIO()))
    client = Client(HTTP_HOST="localhost")
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="malcolm.newsam"))
    measure_pages(client, repeat, "real size")
    if options.times > 1:
        from scaling import scale_to

        timed(f"make {options.times}x the real plan", lambda: scale_to(options.times))
        measure_pages(client, repeat, f"{options.times}x the real plan")


def measure_pages(client, repeat: int, label: str) -> None:
    print(f"\n{'page (signed in as malcolm.newsam), ' + label:<52} {'median':>9} {'p90':>9} "
          f"{'queries':>8}")  # fmt: skip
    for url in PAGES:
        times = []
        for _ in range(repeat):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, url
        times.sort()
        p90 = times[int(len(times) * 0.9) - 1]
        print(f"{url[:52]:<52} {statistics.median(times) * 1000:7.1f}ms {p90 * 1000:7.1f}ms "
              f"{len(queries.captured_queries):8d}")  # fmt: skip


if __name__ == "__main__":
    main()
