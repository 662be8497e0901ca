"""Every browsing page as at a past day, read from the history: before and after a change,
a clear 400 for a date that cannot be read, and one query per kind of record."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import BadRequest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions import asat
from actions.models import Action, CoreTask, Lead
from tests.factories import (
    ActionFactory,
    LeadFactory,
    NoticeTargetFactory,
    OutcomeFactory,
    PlanFactory,
    PriorityFactory,
    RecommendationFactory,
)

BEFORE, AFTER = "2011-11-11", "2011-11-15"


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC)


@pytest.fixture
def past(db, settings, users):
    """A plan made on 1 October 2011; on 12 November 2011 every record's words changed and
    action 1.1.2 was marked against the target, recommendation and core task, and led
    by the lead."""
    settings.KENTPLAN_TODAY = AFTER
    with time_machine.travel(at("2011-10-01"), tick=False):
        plan = PlanFactory(slug="asat-test", title="Old plan title")
        priority = PriorityFactory(plan=plan, number=1, title="Old priority title")
        outcome = OutcomeFactory(priority=priority, ref="1.1")
        target = NoticeTargetFactory(title="Old target title")
        recommendation = RecommendationFactory(text="Old recommendation words")
        core_task = CoreTask.objects.create(plan=plan, number=1, text="Old core task words")
        lead = LeadFactory(slug="asat-lead", job_title="Old job title")
        first = ActionFactory(outcome=outcome, ref="1.1.1", text="Old first", leads=[lead])
        second = ActionFactory(outcome=outcome, ref="1.1.2", text="Old second")
        for action in (first,):
            action.notice_targets.add(target)
            action.recommendations.add(recommendation)
            action.core_tasks.add(core_task)
    with time_machine.travel(at("2011-11-12"), tick=False):
        for record, field, words in (
            (plan, "title", "New plan title"),
            (priority, "title", "New priority title"),
            (target, "title", "New target title"),
            (recommendation, "text", "New recommendation words"),
            (core_task, "text", "New core task words"),
            (lead, "job_title", "New job title"),
            (second, "text", "New second"),
        ):
            setattr(record, field, words)
            record.save()
        second.notice_targets.add(target)
        second.recommendations.add(recommendation)
        second.core_tasks.add(core_task)
        second.actionlead_set.create(lead=lead, order=2)
    return {
        "plan": "/plans/asat-test/",
        "table": "/plans/asat-test/actions/",
        "target": f"/notices/{target.notice.slug}/targets/{target.number}/",
        "recommendation": f"/inspections/{recommendation.inspection.slug}/recommendations/"
        f"{recommendation.number}/",
        "core_task": "/plans/asat-test/core-tasks/1/",
        "lead": "/leads/asat-lead/",
        "action": "/plans/asat-test/actions/1.1.2/",
    }


@pytest.mark.parametrize(
    ("page", "old", "new", "second_listed_before"),
    [
        ("plan", "Old priority title", "New priority title", None),
        ("table", "Old second", "New second", True),
        ("target", "Old target title", "New target title", False),
        ("recommendation", "Old recommendation words", "New recommendation words", False),
        ("core_task", "Old core task words", "New core task words", False),
        ("lead", "Old job title", "New job title", False),
        ("action", "Old second", "New second", None),
    ],
)
def test_each_page_shows_what_was_true_before_and_after_a_change(
    client, past, page, old, new, second_listed_before
):
    before = client.get(f"{past[page]}?as_at={BEFORE}").content.decode()
    after = client.get(f"{past[page]}?as_at={AFTER}").content.decode()
    now = client.get(past[page]).content.decode()
    assert "as it stood at the end of 11 November 2011" in before
    assert f'href="{past[page]}">Show this page as it is today' in before
    assert old in before and new not in before
    assert new in after and old not in after.split("Change history")[0]
    assert "Past view" not in now and new in now
    if second_listed_before is not None:
        assert ("/actions/1.1.2/" in before) is second_listed_before
        assert "/actions/1.1.2/" in after


def test_links_from_a_past_page_stay_in_the_past(client, past):
    page = client.get(f"{past['target']}?as_at={BEFORE}").content.decode()
    assert f'href="/plans/asat-test/actions/1.1.1/?as_at={BEFORE}"' in page
    plan = client.get(f"{past['plan']}?as_at={BEFORE}").content.decode()
    assert f"?as_at={BEFORE}" in plan and "Old plan title" in plan


def test_a_page_as_at_before_its_record_existed_is_not_found(client, past):
    assert client.get(f"{past['target']}?as_at=2011-09-30").status_code == 404
    assert client.get(f"{past['plan']}?as_at=2011-09-30").status_code == 404


@pytest.mark.parametrize("bad", ["soon", "2011-02-30", "31/10/2011", "1999-12-31", "2011-11-16",
                                 "9" * 50, "2011-1-5"])  # fmt: skip
def test_a_date_it_cannot_use_gets_a_400_that_says_how_to_write_it(client, past, bad):
    for page in ("plan", "table", "target", "recommendation", "core_task", "lead", "action"):
        response = client.get(f"{past[page]}?as_at={bad}")
        assert response.status_code == 400, (page, bad)
        assert "The date could not be read" in response.content.decode()


def test_the_module_reads_dates_and_moments_for_other_pages(settings):
    settings.KENTPLAN_TODAY = AFTER
    assert asat.parse_as_at("2011-06-30") == date(2011, 6, 30)
    assert asat.parse_as_at("") is None
    with pytest.raises(BadRequest, match="like 2011-06-30"):
        asat.parse_as_at("30 June")
    moment = asat.moment_for(date(2011, 6, 30))
    assert (moment.year, moment.month, moment.day, moment.hour) == (2011, 6, 30, 23)


def test_historical_as_at_reads_each_row_as_it_stood_in_one_query(past, django_assert_num_queries):
    with time_machine.travel(at("2011-11-13"), tick=False):
        Action.objects.get(ref="1.1.1", plan__slug="asat-test").delete()
    moment = asat.moment_for(date(2011, 11, 11))
    with django_assert_num_queries(1):
        rows = list(asat.historical_as_at(Action, moment, plan__slug="asat-test"))
    assert sorted(r.text for r in rows) == ["Old first", "Old second"]
    later = asat.moment_for(date(2011, 11, 14))
    assert [r.text for r in asat.historical_as_at(Action, later, plan__slug="asat-test")] == [
        "New second"
    ]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_past_pages_run_the_same_number_of_queries_when_the_data_doubles(client, past):
    urls = [f"{url}?as_at={AFTER}" for url in past.values()]
    small = {url: count_queries(client, url) for url in urls}
    lead = Lead.objects.get(slug="asat-lead")
    first = Action.objects.get(ref="1.1.1", plan__slug="asat-test")
    with time_machine.travel(at("2011-11-13"), tick=False):
        for n in range(3, 9):
            action = ActionFactory(outcome=first.outcome, ref=f"1.1.{n}", leads=[lead])
            action.notice_targets.add(*first.notice_targets.all())
            action.recommendations.add(*first.recommendations.all())
            action.core_tasks.add(*first.core_tasks.all())
            action.text = f"Changed {n}"
            action.save()
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
