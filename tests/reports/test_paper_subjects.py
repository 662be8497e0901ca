"""What the papers page offers to print, and the report links on plan and inspection pages:
every plan's and inspection's reports can be reached however many there are."""

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import Plan
from reports.views_papers import SUBJECTS_SHOWN
from targets.models import Inspection

from .conftest import INSPECTION, PLAN


def _printed_plans(html: str) -> list[str]:
    return re.findall(r'href="/papers/plan/([^/]+)/"', html)


def _add_plans(count: int) -> list[str]:
    start = date(2012, 1, 1)
    plans = Plan.objects.bulk_create(
        Plan(slug=f"later-plan-{i}", title=f"Later plan {i}", short_title=f"Later {i}",
             date=start + timedelta(days=30 * i))
        for i in range(count)
    )  # fmt: skip
    return [plan.slug for plan in plans]


def test_the_papers_page_offers_the_newest_plans_and_says_where_the_others_are(client):
    before = Plan.objects.count()
    slugs = _add_plans(SUBJECTS_SHOWN + 3)
    html = client.get("/papers/").content.decode()
    shown = _printed_plans(html)
    # An undated plan (not yet in force) counts as the newest; then the latest date first.
    undated = list(Plan.objects.filter(date__isnull=True).values_list("slug", flat=True))
    expected = (undated + slugs[::-1])[:SUBJECTS_SHOWN]
    assert shown == expected
    others = before + len(slugs) - SUBJECTS_SHOWN
    assert f"{others} older plans: open the plan from" in html
    assert PLAN not in shown  # the 2011 plan is older than every one added


def test_the_papers_page_says_nothing_of_older_plans_when_it_shows_them_all(client):
    html = client.get("/papers/").content.decode()
    assert PLAN in _printed_plans(html)
    assert "older plan" not in html and "older inspection" not in html


def test_the_papers_page_runs_the_same_queries_however_many_plans_there_are(client):
    client.get("/papers/")
    with CaptureQueriesContext(connection) as few:
        client.get("/papers/")
    _add_plans(SUBJECTS_SHOWN * 3)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/papers/")
    assert len(_printed_plans(page.content.decode())) == SUBJECTS_SHOWN
    assert len(many) == len(few)


def test_a_plan_page_links_to_its_reports_as_at_the_day_it_shows(client, settings):
    html = client.get(f"/plans/{PLAN}/").content.decode()
    for kind in ("plan", "plan-progress", "matrix"):
        assert f'href="/papers/{kind}/{PLAN}/"' in html
    # A day after the test data was written (its history is dated when it was loaded).
    settings.KENTPLAN_TODAY = "2099-01-02"
    past = client.get(f"/plans/{PLAN}/?as_at=2099-01-01").content.decode()
    for kind in ("plan", "plan-progress", "matrix"):
        assert f'href="/papers/{kind}/{PLAN}/?as_at=2099-01-01"' in past
    assert client.get(f"/papers/plan-progress/{PLAN}/?as_at=2099-01-01").status_code == 200


def test_an_inspection_page_links_to_its_action_plan_only_when_it_has_findings(client):
    html = client.get(f"/inspections/{INSPECTION}/").content.decode()
    assert f'href="/papers/inspection/{INSPECTION}/"' in html
    bare = Inspection.objects.exclude(recommendations__isnull=False).first()
    assert bare is not None, "the seeds hold an inspection without listed findings"
    page = client.get(f"/inspections/{bare.slug}/").content.decode()
    assert "/papers/inspection/" not in page
