"""Bounded pages: does any page a person can reach grow with the data?

Signs in as each role in turn on two scale databases that bench/scale.py built (10x and
100x by default), follows the links from the plans page and My actions, and opens one page
of each kind (each URL name, with and without a query string) that answers 200 with HTML.
Then it prints, for every page found at either scale, its size and query count at both,
and marks those that grew: more queries, or more than 15% and 1 KB larger. A list a person
sees must be paged or capped, so that nothing grows with the number of plans, actions or
updates; a page that grows belongs in an issue. Two points cannot tell a page that is
filling up to its page size (the plans page holds 12 plans at 10x, its 20 a page at 100x)
from one that grows without end: look at what a marked page lists. A link that appears at
one scale only (a page 2) is listed as such. Exits 1 if any page grew, 0 otherwise.

    .venv/bin/python bench/scale.py --factor 10 --build-only
    .venv/bin/python bench/scale.py --factor 100 --build-only
    .venv/bin/python bench/bounded.py [--small 10] [--large 100]

PGURL names the server (default postgres://postgres@127.0.0.1:5432). Each scale is
crawled in a process of its own (Django binds one database at start). Pages are read as
production serves them (DEBUG off, over HTTPS), on the date the sample data is set at.
"""

import argparse
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROLES = ["malcolm.newsam", "plan.manager", "democratic.services", "liz.railton"]
MOST_PAGES = 400  # per role: the crawl stops there (there are ~50 kinds of page)
SKIPPED = ("/static/", "/admin/", "/accounts/logout", "/download", "/pdf", ".csv", ".xlsx")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.found.append(href)


def crawl(database: str) -> dict[str, tuple[str, int, int]]:
    """{"role page-name": (url, bytes, queries)} on one database (in this process)."""
    os.environ.update(
        DATABASE_URL=f"{os.environ.get('PGURL', 'postgres://postgres@127.0.0.1:5432')}/{database}",
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-key"),
        ALLOWED_HOSTS="localhost",
        KENTPLAN_TODAY=os.environ.get("KENTPLAN_TODAY", "2011-11-15"),
        DJANGO_SETTINGS_MODULE="kentplan.settings",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import Resolver404, resolve

    setup_test_environment()  # the test client's template capture; DEBUG stays off
    found: dict[str, tuple[str, int, int]] = {}
    for role in ROLES:
        client = Client(HTTP_HOST="localhost")
        client.force_login(get_user_model().objects.get(username=role))
        queue, seen, kinds = ["/", "/my-actions/"], set(), set()
        while queue and len(seen) < MOST_PAGES:
            url = queue.pop(0).split("#")[0]
            if url in seen or not url.startswith("/") or any(s in url for s in SKIPPED):
                continue
            seen.add(url)
            try:
                kind = resolve(url.split("?")[0]).view_name + ("?" if "?" in url else "")
            except Resolver404:
                continue
            if kind in kinds:
                continue
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, secure=True)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            kinds.add(kind)
            found[f"{role} {kind}"] = (url, len(response.content), len(queries))
            links = Links()
            links.feed(response.content.decode())
            base = url.split("?")[0]
            queue += [base + h if h.startswith("?") else h for h in links.found]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=10, help="factor of the smaller database")
    parser.add_argument("--large", type=int, default=100, help="factor of the larger database")
    parser.add_argument("--crawl", help=argparse.SUPPRESS)  # one database, in a child process
    args = parser.parse_args()
    if args.crawl:
        print(json.dumps(crawl(args.crawl)))
        return 0
    scales = {}
    for factor in (args.small, args.large):
        child = [sys.executable, __file__, "--crawl", f"kentplan_scale_{factor}"]
        out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
        scales[factor] = json.loads(out.strip().splitlines()[-1])
    small, large = scales[args.small], scales[args.large]
    print(f"{'page (role, URL name)':<58} {'KB ' + str(args.small) + 'x':>8} "
          f"{'KB ' + str(args.large) + 'x':>9} {'queries':>11}")  # fmt: skip
    grew = 0
    for key in sorted(set(small) | set(large)):
        a, b = small.get(key), large.get(key)
        if a and b:
            bigger = b[1] > a[1] * 1.15 + 1024 or b[2] > a[2]
            grew += bigger
            mark = "  << grows" if bigger else ""
            print(f"{key:<58} {a[1] / 1024:>8.0f} {b[1] / 1024:>9.0f} {a[2]:>5} {b[2]:>5}{mark}")
        else:  # reached at one scale only (a link that only appears with more data)
            url, size, count = a or b
            at = args.small if a else args.large
            print(f"{key:<58} {'':>8} {'':>9} {'':>11}  only at {at}x: {url} "
                  f"{size / 1024:.0f} KB, {count} queries")  # fmt: skip
    print(f"\n{len(set(small) | set(large))} kinds of page; {grew} grew from "
          f"{args.small}x to {args.large}x.")  # fmt: skip
    return 1 if grew else 0


if __name__ == "__main__":
    sys.exit(main())
