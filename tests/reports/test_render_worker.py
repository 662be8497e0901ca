"""A queued paper rendered by a real `db_worker`, then read back as text."""

import re
from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from reports import services
from reports.models import RenderedPaper
from tests.pdftext import pdf_pages

from .conftest import PLAN


@pytest.fixture
def worker(monkeypatch):
    """Runs `manage.py db_worker --batch` in this process, inside the test's transaction
    (its connection tidy-up would otherwise end that transaction)."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def _refs_in_order(text: str, refs: list[str]) -> list[str]:
    """The refs found in order in the text, each after the one before."""
    found, position = [], 0
    for ref in refs:
        match = re.compile(rf"(?<![\d.]){re.escape(ref)}(?!\.?\d)").search(text, position)
        if match is None:
            break
        found.append(ref)
        position = match.end()
    return found


def test_it_renders_a_queued_plan_with_a_real_worker(
    seeded, worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rendered = services.paper_request(kind="plan", subject=PLAN, as_at=date(2011, 11, 15))
    assert rendered.status == RenderedPaper.Status.QUEUED
    worker()
    rendered.refresh_from_db()
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL", task.traceback
    assert rendered.status == RenderedPaper.Status.READY
    assert rendered.pages > 30

    with rendered.file.open("rb") as handle:
        content = handle.read()
    reader = PdfReader(BytesIO(content))
    pages = pdf_pages(content)
    total = len(pages)
    assert total == rendered.pages
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
        assert "as at 15 November 2011" in " ".join(text.split())

    refs = list(seeded.actions.order_by("sort_key").values_list("ref", flat=True))
    assert len(refs) == 129
    assert _refs_in_order("\n".join(pages), refs) == refs

    info = reader.metadata
    assert info.title.startswith("Putting Children First")
    assert info.author == "Kent County Council"
    assert "priorities" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.pages[12].mediabox.width > reader.pages[12].mediabox.height  # landscape
    assert reader.pages[1].mediabox.width < reader.pages[1].mediabox.height  # portrait


def test_it_asks_twice_and_renders_once(seeded, worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.paper_request(kind="inspection", subject="ofsted-unannounced-2010",
                                       as_at=date(2011, 11, 15))  # fmt: skip
    worker()
    again = services.paper_request(
        kind="inspection", subject="ofsted-unannounced-2010", as_at=date(2011, 11, 15)
    )
    assert again.pk == first.pk
    assert again.status == RenderedPaper.Status.READY
    assert DBTaskResult.objects.count() == 1


INSPECTION = {
    "kind": "inspection",
    "subject": "ofsted-unannounced-2010",
    "as_at": date(2011, 11, 15),
}


def test_a_change_to_the_code_that_draws_papers_draws_them_afresh(seeded, monkeypatch):
    first = services.paper_request(**INSPECTION)
    assert services.paper_request(**INSPECTION).pk == first.pk
    monkeypatch.setattr("reports.registry.layout_version", lambda: "a later deploy")
    after_deploy = services.paper_request(**INSPECTION)
    assert after_deploy.pk != first.pk and after_deploy.data_version != first.data_version


def test_the_layout_fingerprint_covers_the_paper_templates_and_styles(settings, tmp_path):
    from reports.rendering import layout_version

    layout_version.cache_clear()
    now = layout_version()
    for name in ("templates/reports/x.html", "kentplan/static/kentplan/x.css", "reports/x.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("a")
    settings.BASE_DIR = tmp_path
    layout_version.cache_clear()
    before = layout_version()
    for name in ("templates/reports/x.html", "kentplan/static/kentplan/x.css", "reports/x.py"):
        (tmp_path / name).write_text("b")
        layout_version.cache_clear()
        assert layout_version() != before, name
        before = layout_version()
    assert before != now
    layout_version.cache_clear()


def test_a_failed_render_is_tried_again_when_asked_for_after_ten_minutes(
    seeded, worker, django_capture_on_commit_callbacks
):
    with time_machine.travel("2011-11-15 10:00Z", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            first = services.paper_request(**INSPECTION)
        RenderedPaper.objects.filter(pk=first.pk).update(
            status=RenderedPaper.Status.FAILED, error="disk full", finished_at=timezone.now()
        )
    with time_machine.travel("2011-11-15 10:05Z", tick=False):
        assert services.paper_request(**INSPECTION).status == RenderedPaper.Status.FAILED
    with time_machine.travel("2011-11-15 10:11Z", tick=False):
        with django_capture_on_commit_callbacks(execute=True) as queued:
            again = services.paper_request(**INSPECTION)
        assert (again.pk, again.status, again.error) == (first.pk, "queued", "")
        assert len(queued) == 1
        worker()
    assert RenderedPaper.objects.get(pk=first.pk).status == RenderedPaper.Status.READY


def test_a_render_still_queued_after_fifteen_minutes_is_queued_again(
    seeded, django_capture_on_commit_callbacks
):
    with time_machine.travel("2011-11-15 10:00Z", tick=False):
        first = services.paper_request(**INSPECTION)  # its queue entry is never run
    with time_machine.travel("2011-11-15 10:10Z", tick=False):
        with django_capture_on_commit_callbacks() as queued:
            services.paper_request(**INSPECTION)
        assert queued == []
    with time_machine.travel("2011-11-15 10:16Z", tick=False):
        with django_capture_on_commit_callbacks() as queued:
            again = services.paper_request(**INSPECTION)
        assert again.pk == first.pk and len(queued) == 1
