"""Load test: signed-in readers with think time, and leads posting updates at the same
time, against gunicorn on this machine; prints requests, errors, p50/p95 and lost updates.

Loopback only, and bounded in time. Needs a database holding the demo data (see README:
load_seed_data, load_sample_data) with an open month; run from the project folder:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kentplan \\
        .venv/bin/python bench/load.py --serve --duration 60

--serve starts gunicorn (DEBUG off, KENTPLAN_TODAY=2011-11-15) on 127.0.0.1 as the README
runs it (4 sync workers) and stops it afterwards; without it, point --url at a server
already running on this machine. At 10x on 2 cores, 3 threaded workers (4 threads each)
gave a read p95 of 702 ms where 4 sync workers gave 440 ms: CPU-bound Python threads in
one process wait on each other (the GIL), so every request in the process slows down.
Lost updates: every save the server acknowledged (a redirect) must be in the update's
history; expected minus stored is reported, and must be 0.
"""

import argparse
import http.cookiejar
import os
import random
import re
import resource
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PLAN = "putting-children-first-2011"
PASSWORD = "kentplan-demo"
READER_ACCOUNTS = ["liz.railton", "democratic.services", "plan.manager", "rob.semens"]
WRITER_ACCOUNTS = ["malcolm.newsam", "alastair.pettigrew"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """One signed-in browser: a cookie jar, and every request timed."""

    def __init__(self, base: str, stats: "Stats"):
        self.base, self.stats = base, stats
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, path: str, data: dict | None = None, kind: str = "read"):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        if body is not None:
            req.add_header("Referer", self.base + path)
        started = time.monotonic()
        try:
            with self.opener.open(req, timeout=30) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode("utf-8", "replace")
        except OSError as error:
            status, text = 0, str(error)
        self.stats.record(kind, status, time.monotonic() - started, path)
        return status, text

    def csrf(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else ""

    def sign_in(self, username: str) -> bool:
        _, html = self.request("/accounts/login/", kind="sign-in")
        status, _ = self.request(
            "/accounts/login/",
            {"csrfmiddlewaretoken": self.csrf(html), "username": username, "password": PASSWORD},
            kind="sign-in",
        )
        return status == 302


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.statuses: Counter = Counter()
        self.by_path: dict[str, list[float]] = {}

    def record(self, kind: str, status: int, seconds: float, path: str) -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(seconds)
            if kind == "read":
                self.by_path.setdefault(path, []).append(seconds)
            self.statuses[(kind, status)] += 1


def reader(session: Session, paths: list[str], stop: float, think: float) -> None:
    while time.monotonic() < stop:
        session.request(random.choice(paths))
        time.sleep(random.uniform(0, 2 * think))


def writer(session: Session, ref: str, stop: float, think: float, saved: Counter, n: int,
           statuses: list[str]):  # fmt: skip
    path = f"/plans/{PLAN}/actions/{ref}/update/"
    saves = 0
    while time.monotonic() < stop:
        status, html = session.request(path, kind="update form")
        version = re.search(r'name="version" value="(\d*)"', html)
        if status != 200:
            time.sleep(think)
            continue
        data = {
            "csrfmiddlewaretoken": session.csrf(html),
            "status": statuses[saves % len(statuses)],
            "commentary": f"Load test writer {n}, save at {time.time():.3f}",
            "version": version.group(1) if version else "",
        }
        status, _ = session.request(path, data, kind="update save")
        saves += 1
        if status == 302:
            with session.stats.lock:
                saved[ref] += 1
        time.sleep(random.uniform(0, 2 * think))


def setup_django(settings_module: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    os.environ.setdefault("SECRET_KEY", "load-test-only")
    import django

    django.setup()


def pick_actions(count: int) -> dict[str, list[str]]:
    """For each writer account, actions of its priorities that it may update this month."""
    from actions.models import Action, ProgressUpdate

    refs: dict[str, list[str]] = {}
    for username in WRITER_ACCOUNTS:
        done = ProgressUpdate.objects.filter(status="complete").values("action")
        actions = (
            Action.objects.filter(
                plan__slug=PLAN, outcome__priority__prioritylead__lead__user__username=username
            )
            .exclude(pk__in=done)
            .order_by("sort_key")
        )
        refs[username] = list(actions.values_list("ref", flat=True)[:count])
    return refs


def stored_saves(refs: list[str], since) -> int:
    from actions.models import ProgressUpdate

    history = ProgressUpdate.history.filter(
        action__plan__slug=PLAN, action__ref__in=refs, history_date__gte=since
    )
    return history.count()


def serve(port: int, settings_module: str, workers: int, threads: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "load-test-only-" + "k" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "0",
        "KENTPLAN_TODAY": "2011-11-15",
        "LOG_LEVEL": "WARNING",
        "SIGN_IN_ATTEMPTS_PER_USERNAME": "1000",
    }
    # As the README runs it (sync workers); --threads above 1 tries threaded workers.
    threaded = ["--threads", str(threads), "--worker-class", "gthread"] if threads > 1 else []
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "kentplan.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), *threaded, "--timeout", "30", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8106")
    parser.add_argument("--serve", action="store_true", help="start gunicorn at --url")
    parser.add_argument("--settings", default="bench.settings_load")
    parser.add_argument("--workers", type=int, default=4, help="as the README runs gunicorn")
    parser.add_argument("--threads", type=int, default=1, help="per worker; >1: gthread")
    parser.add_argument("--duration", type=float, default=60, help="seconds (at most 600)")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--think", type=float, default=2.0, help="mean think time, seconds")
    parser.add_argument(
        "--changing",
        action="store_true",
        help="each save changes the status (on track, at risk), so every save changes what "
        "the actions table shows; by default saves are on track with new commentary",
    )
    args = parser.parse_args()
    base = args.url.rstrip("/")
    if urllib.parse.urlsplit(base).hostname not in LOOPBACK:
        raise SystemExit("The load test runs against this machine only (127.0.0.1).")
    duration = min(args.duration, 600)
    setup_django(args.settings)
    port = urllib.parse.urlsplit(base).port or 80
    server = serve(port, args.settings, args.workers, args.threads) if args.serve else None
    try:
        run(base, args, duration)
        if server is not None:
            print_worker_usage(server.pid)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def print_worker_usage(master: int) -> None:
    """The resident memory of each gunicorn worker after the run, and the processor time
    the workers and this load generator used (Linux /proc): the generator runs on the same
    machine, so what it uses is not the server's to use."""
    sizes, cpu = [], 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
            stat = (status.parent / "stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(stat[11]) + int(stat[12])) / tick  # utime, stime
    if sizes:
        listed = ", ".join(f"{size:.0f}" for size in sorted(sizes))
        print(f"gunicorn workers' resident memory after the run: {listed} MB")
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"processor time: gunicorn workers {cpu:.0f} s, this load generator "
        f"{own.ru_utime + own.ru_stime:.0f} s"
    )


def run(base: str, args, duration: float) -> None:
    from django.utils import timezone

    stats = Stats()
    per_account = pick_actions(args.writers)
    # Two writers share each action, so that some saves race each other.
    assignments = []
    for n in range(args.writers):
        account = WRITER_ACCOUNTS[n % len(WRITER_ACCOUNTS)]
        refs = per_account[account]
        assignments.append((account, refs[(n // (2 * len(WRITER_ACCOUNTS))) % len(refs)]))
    paths = [
        "/", "/my-actions/", f"/plans/{PLAN}/", f"/plans/{PLAN}/actions/",
        f"/plans/{PLAN}/actions/?page=2", f"/plans/{PLAN}/actions/1.1.1/",
        f"/plans/{PLAN}/actions/2.1.4/", "/leads/", "/inspections/", "/indicators/",
        "/governance/", f"/plans/{PLAN}/data-quality/",
    ]  # fmt: skip
    sessions = []
    for n in range(args.readers):
        session = Session(base, stats)
        if not session.sign_in(READER_ACCOUNTS[n % len(READER_ACCOUNTS)]):
            raise SystemExit("A reader could not sign in; is the demo data loaded?")
        sessions.append(session)
    writers = []
    for account, ref in assignments:
        session = Session(base, stats)
        if not session.sign_in(account):
            raise SystemExit(f"{account} could not sign in; is the demo data loaded?")
        writers.append((session, ref))
    saved: Counter = Counter()
    statuses = ["on_track", "at_risk"] if args.changing else ["on_track"]
    started_at = timezone.now()
    started = time.monotonic()
    stop = started + duration
    threads = [
        threading.Thread(target=reader, args=(s, paths, stop, args.think)) for s in sessions
    ] + [
        threading.Thread(target=writer, args=(s, ref, stop, args.think, saved, n, statuses))
        for n, (s, ref) in enumerate(writers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    elapsed = time.monotonic() - started
    report(stats, saved, started_at, elapsed, args)


def report(stats: Stats, saved: Counter, started_at, elapsed: float, args) -> None:
    expected = sum(saved.values())
    stored = stored_saves(list(saved), started_at) if saved else 0
    total = sum(stats.statuses.values())
    errors = sum(n for (_, status), n in stats.statuses.items() if status >= 500 or status == 0)
    conflicts = stats.statuses[("update save", 409)]
    saves = "status changing each save" if args.changing else "commentary only"
    print(f"{args.readers} readers and {args.writers} writers ({saves}) for {elapsed:.0f} s, "
          f"think time {args.think} s (mean)")  # fmt: skip
    print(f"requests: {total} ({total / elapsed:.1f}/s), errors (5xx or no answer): {errors}")
    for kind, times in sorted(stats.times.items()):
        codes = {s: n for (k, s), n in sorted(stats.statuses.items()) if k == kind}
        print(f"  {kind:12} {len(times):6} requests  p50 {percentile(times, 50) * 1000:6.0f} ms"
              f"  p95 {percentile(times, 95) * 1000:6.0f} ms  statuses {codes}")  # fmt: skip
    slowest = sorted(stats.by_path.items(), key=lambda item: -percentile(item[1], 50))[:4]
    print("  slowest pages (p50): " + ", ".join(
        f"{path} {percentile(times, 50) * 1000:.0f} ms" for path, times in slowest))  # fmt: skip
    print(f"updates saved (acknowledged): {expected}; stored: {stored}; "
          f"lost: {expected - stored}; refused as conflicting (409): {conflicts}")  # fmt: skip


if __name__ == "__main__":
    main()
