"""Benchmark: drawing the plan document and the monthly board pack as PDFs, against a
bare WeasyPrint table of the same rows, for the real 2011 plan and for a plan ten times
its size (its copies carry the sample's progress updates and month-end snapshots, so the
board pack's dashboard, exceptions and trend grow with it); and serving a PDF already
drawn.

Prints figures; it asserts nothing. Run from the project folder:

    DEBUG=1 .venv/bin/python bench/reports.py [--sizes 1,10] [--repeat 20]

Each render runs in its own child process, so "peak MB" is that process's peak resident
memory (Django and the data included). The ratio is of CPU seconds, which a busy
machine disturbs less than wall-clock seconds. It uses a throwaway SQLite database (or
DATABASE_URL if set) and a throwaway MEDIA_ROOT, and leaves no data behind.
"""

import argparse
import copy
import json
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentplan.settings")
os.environ.setdefault("KENTPLAN_TODAY", "2011-11-15")
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils.html import escape  # noqa: E402
from weasyprint import HTML  # noqa: E402

from actions.models import Plan  # noqa: E402
from actions.planexport import plan_export_data  # noqa: E402
from actions.services import plan_import_text  # noqa: E402
from reports.plan_document import plan_document  # noqa: E402
from reports.registry import KINDS  # noqa: E402
from reports.rendering import render_pdf  # noqa: E402

PLAN = "putting-children-first-2011"
AS_AT = date(2011, 11, 15)


def scaled_copy(times: int) -> str:
    """A copy of the 2011 plan with its priorities repeated `times` over, through the
    same importer users use; returns its slug."""
    data = plan_export_data(plan=Plan.objects.get(slug=PLAN))
    slug = f"{PLAN}-x{times}"
    data["plan"].update(slug=slug, short_title=f"Kent Improvement Plan ×{times}")
    data["plan"]["title"] += f" (×{times}, benchmark copy)"
    data["plan"].pop("predecessor", None)
    priorities = []
    for n in range(times):
        for priority in data["priorities"]:
            priorities.append(_renumbered(priority, n * len(data["priorities"])))
    data["priorities"] = priorities
    plan_import_text(text=json.dumps(data, default=str))
    progress_copy(slug, times, len(data["priorities"]) // times)
    return slug


def progress_copy(slug: str, times: int, per_copy: int) -> None:
    """The original plan's sample updates, given to each repeated action of the copy, and
    the closed months' snapshots taken again (as closing them would have)."""
    from simple_history.utils import bulk_create_with_history

    from actions.models import Action, ProgressUpdate, ReportingPeriod
    from actions.snapshots import snapshot_take
    from governance.sampledata import sample_history_dates_load

    refs = dict(Action.objects.filter(plan__slug=slug).values_list("ref", "pk"))
    updates = []
    originals = ProgressUpdate.objects.filter(action__plan__slug=PLAN).select_related("action")
    for update in originals:
        number, rest = update.action.ref.split(".", 1)
        for n in range(times):
            clone = copy.copy(update)
            clone.pk = None
            clone.action_id = refs[f"{int(number) + n * per_copy}.{rest}"]
            updates.append(clone)
    bulk_create_with_history(updates, ProgressUpdate, batch_size=1000)
    sample_history_dates_load()  # the copy as entered when the plan was issued
    for period in ReportingPeriod.objects.filter(closed_at__isnull=False).order_by("month"):
        snapshot_take(period=period, taken_at=period.closed_at)


def _renumbered(priority: dict, offset: int) -> dict:
    number = priority["number"] + offset

    def ref(old: str) -> str:
        return ".".join([str(number)] + str(old).split(".")[1:])

    outcomes = []
    for outcome in priority.get("outcomes") or []:
        actions = [
            {**a, "ref": ref(a["ref"]), "links": [{**link, "ref": ref(link["ref"])}
                                                  for link in a.get("links") or []
                                                  if str(link["ref"]).split(".")[0]
                                                  == str(a["ref"]).split(".")[0]]}
            for a in outcome.get("actions") or []
        ]  # fmt: skip
        outcomes.append({**outcome, "ref": ref(outcome["ref"]), "actions": actions})
    return {**priority, "number": number, "outcomes": outcomes}


def bare_table(slug: str) -> bytes:
    """The baseline: the same rows as a plain HTML table, straight into WeasyPrint."""
    doc = plan_document(plan=Plan.objects.get(slug=slug), as_at=AS_AT)
    rows = []
    for priority in doc.priorities:
        for outcome in priority.outcomes:
            for a in outcome.actions:
                measures = "<br>".join(escape(m.text) for m in a.measures)
                cells = [a.ref, escape(a.text), escape(a.timescale), escape(", ".join(a.leads))]
                rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells)
                            + f"<td>{measures}</td></tr>")  # fmt: skip
    html = (
        "<html><head><style>@page { size: A4 landscape; } body { font: 8.5pt 'DejaVu Sans'; }"
        "table { border-collapse: collapse; } td { border: 1px solid #555; vertical-align: top; }"
        "</style></head><body><table><thead><tr><th>Ref</th><th>Actions</th><th>Timescale</th>"
        "<th>Leads</th><th>Targets &amp; Measures</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>"
    )
    document = HTML(string=html).render()
    document.write_pdf()
    return len(document.pages), len(rows)


def plan_pdf(slug: str):
    plan = Plan.objects.get(slug=slug)
    spec = KINDS["plan"]
    doc = plan_document(plan=plan, as_at=AS_AT)
    pdf = render_pdf(
        template=spec.template,
        context={"doc": doc, "layout": "reports/paper_pdf.html"},
        meta=spec.meta(plan, AS_AT),
    )
    return pdf.pages, len(doc.action_refs)


def board_meeting():
    """The last Improvement Board meeting on or before the benchmark's date."""
    from reports import board_pack

    meetings = board_pack.board_meetings().filter(date__lte=AS_AT).order_by("-date")
    return meetings.first()


def board_pack_pdf(slug: str):
    """The pack for that meeting: its plan in force is the newest of that date (the copy,
    once made; the slug is checked so the figures are of the plan they say)."""
    from reports import board_pack

    meeting = board_meeting()
    as_at = board_pack.default_as_at(meeting)
    pack = board_pack.board_pack(meeting=meeting, as_at=as_at)
    assert pack.plan is not None and pack.plan.slug == slug, (pack.plan, slug)
    spec = KINDS["board-pack"]
    pdf = render_pdf(
        template=spec.template,
        context={"doc": pack, "layout": "reports/paper_pdf.html"},
        meta=spec.meta(meeting, as_at),
    )
    rows = sum(len(group.rows) for group in pack.exceptions)
    return pdf.pages, rows


def _child(job, slug, queue):
    connections.close_all()
    start, cpu_start = time.perf_counter(), time.process_time()
    pages, rows = job(slug)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((seconds, cpu, pages, rows, peak_mb))


def measured(job, slug):
    queue = multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(target=_child, args=(job, slug, queue))
    connections.close_all()
    process.start()
    result = queue.get()
    process.join()
    return result


def cached_serve(slug: str, repeat: int) -> list[float]:
    from django.contrib.auth import get_user_model

    from reports import services

    rendered = services.paper_request(kind="plan", subject=slug, as_at=AS_AT)
    services.paper_render(rendered=rendered)
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="liz.railton"))
    url = f"/papers/plan/{slug}/pdf/?as_at={AS_AT:%Y-%m-%d}"
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200 and body.startswith(b"%PDF")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_seed_data", verbosity=0)
    call_command("load_sample_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"database: {connection.vendor}")
    header = (f"{'render':<24} {'wall s':>7} {'CPU s':>7} {'pages':>6} {'rows':>6} "
              f"{'peak MB':>8} {'CPU ratio':>9}")  # fmt: skip
    print(header)
    for size in [int(s) for s in args.sizes.split(",")]:
        slug = PLAN if size == 1 else scaled_copy(size)
        bare = measured(bare_table, slug)
        plan = measured(plan_pdf, slug)
        pack = measured(board_pack_pdf, slug)
        for label, (seconds, cpu, pages, rows, peak), ratio in [
            (f"bare table ×{size}", bare, ""),
            (f"plan document ×{size}", plan, f"{plan[1] / bare[1]:.2f}"),
            (f"board pack ×{size}", pack, ""),
        ]:
            figures = f"{seconds:7.1f} {cpu:7.1f} {pages:6} {rows:6} {peak:8.0f} {ratio:>9}"
            print(f"{label:<24} {figures}")
    times = cached_serve(PLAN, args.repeat)
    print(
        f"\nserving the cached plan PDF ({args.repeat} requests): median "
        f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
