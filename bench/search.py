"""Benchmark: searching the actions table with 1 to 20 words, at the real size and at ten
times the real plan (nine copies of the 2011 plan imported with new slugs, each with the
sample updates). Prints figures; asserts nothing. Run from the project folder:

    DEBUG=1 .venv/bin/python bench/search.py [--repeat 10] [--times 10]

It uses a throwaway SQLite database (or DATABASE_URL if set, e.g. an empty PostgreSQL
database) and leaves no data behind in the SQLite case. Words beyond the cap (8) are
refused with a message, so 9–20 words measure the cost of refusing them.
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
from scaling import PLAN, scale_to  # noqa: E402

WORDS = ["child", "plan", "review", "e", "a", "the", "social", "team", "case", "work",
         "o", "i", "n", "s", "r", "t", "l", "d", "c", "u"]  # fmt: skip
COUNTS = [1, 2, 3, 5, 8, 9, 12, 20]


def measure(client, repeat: int, label: str) -> None:
    print(f"\n{label}\n{'words':>5} {'median':>9} {'p90':>9} {'in db':>9} {'queries':>8} "
          f"{'joins':>6}  result")  # fmt: skip
    for count in COUNTS:
        url = f"/plans/{PLAN}/actions/?q=" + "+".join(WORDS[:count])
        times, db_times = [], []
        for _ in range(repeat):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            db_times.append(sum(float(q["time"]) for q in queries.captured_queries))
            assert response.status_code == 200, url
        times.sort()
        joins = sum(q["sql"].count(" JOIN ") for q in queries.captured_queries)
        page = response.content.decode()
        result = "refused (too many words)" if "at most 8 words" in page else "searched"
        print(f"{count:5d} {statistics.median(times) * 1000:7.1f}ms "
              f"{times[int(len(times) * 0.9) - 1] * 1000:7.1f}ms "
              f"{statistics.median(db_times) * 1000:7.1f}ms "
              f"{len(queries.captured_queries):8d} {joins:6d}  {result}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--times", type=int, default=10)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_seed_data", verbosity=0)
    call_command("load_sample_data", stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="liz.railton"))
    print(f"database: {connection.vendor}")
    measure(client, options.repeat, "real size (1 copy of the 2011 plan)")
    start = time.perf_counter()
    scale_to(options.times)
    print(f"\nmade {options.times}x the real plan in {time.perf_counter() - start:.0f} s")
    from actions.models import Action, Measure

    print(f"actions: {Action.objects.count()}, measures: {Measure.objects.count()}")
    measure(client, options.repeat, f"{options.times}x the real plan")


if __name__ == "__main__":
    main()
