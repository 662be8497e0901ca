"""A page's query count must not grow with the plan: doubling the actions (with their
leads, measures and cross-references) leaves every page's count unchanged."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions import rules
from actions.models import ActionLink, Measure, MeasureLead, ProgressUpdate, ReportingPeriod
from tests.conftest import make_user
from tests.factories import (
    ActionFactory,
    LeadFactory,
    NoticeTargetFactory,
    OutcomeFactory,
    PlanFactory,
    PriorityFactory,
    RecommendationFactory,
)


def add_actions(plan, count, target, recommendation, lead):
    priority = PriorityFactory(plan=plan, number=plan.priorities.count() + 1)
    outcome = OutcomeFactory(priority=priority, ref=f"{priority.number}.1")
    previous = None
    for n in range(1, count + 1):
        action = ActionFactory(outcome=outcome, ref=f"{priority.number}.1.{n}", leads=[lead])
        action.notice_targets.add(target)
        action.recommendations.add(recommendation)
        measure = Measure.objects.create(action=action, order=1, text="A measure")
        MeasureLead.objects.create(measure=measure, lead=LeadFactory())
        if previous:
            ActionLink.objects.create(from_action=action, to_action=previous, wording="Link")
        previous = action


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.django_db
def test_page_query_counts_do_not_grow_with_the_number_of_actions(client):
    plan = PlanFactory(slug="growing")
    target = NoticeTargetFactory(number=3)
    plan.notices.add(target.notice)
    recommendation = RecommendationFactory(number=1)
    plan.inspections.add(recommendation.inspection)
    lead = LeadFactory(slug="busy-lead")
    urls = [
        "/",
        "/plans/growing/",
        "/plans/growing/actions/?per_page=100",
        "/plans/growing/actions/?q=test&per_page=100",
        "/plans/growing/actions/1.1.2/",
        f"/notices/{target.notice.slug}/targets/3/",
        f"/inspections/{recommendation.inspection.slug}/recommendations/1/",
        f"/inspections/{recommendation.inspection.slug}/",
        "/leads/busy-lead/",
        "/leads/busy-lead/?page=2",
        f"/leads/busy-lead/?as_at={timezone.localdate():%Y-%m-%d}",
        "/leads/",
    ]
    add_actions(plan, 30, target, recommendation, lead)  # the lead's actions: two pages
    small = {url: count_queries(client, url) for url in urls}
    add_actions(plan, 60, target, recommendation, lead)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small


def add_updated_actions(plan, count, lead, period, author):
    """`count` actions led by `lead`, spread over every My-actions group: some without an
    update, others with two months of updates rated each way, one returned, one complete."""
    add_actions(plan, count, *_records(plan), lead)
    earlier = ReportingPeriod.objects.get_or_create(month=date(2011, 10, 1))[0]
    kinds = [
        {},  # no update
        {"rating": "green"},
        {"rating": "amber"},
        {"rating": "red"},
        {"rating": "green", "status": "complete", "verification": "pending"},
        {"rating": "green", "status": "complete", "verification": "returned"},
        {"rating": "green", "revised_due_date": date(2011, 1, 1)},
    ]
    actions = plan.actions.order_by("-pk")[:count]
    for n, action in enumerate(actions):
        fields = kinds[n % len(kinds)]
        if not fields:
            continue
        for month in (earlier, period):
            values = {"status": "on_track", "suggested_rating": fields["rating"],
                      "rating_rule": "x", "revised_reason": "x", "submitted_at": timezone.now(),
                      **fields}  # fmt: skip
            ProgressUpdate.objects.create(action=action, period=month, author=author, **values)


def _records(plan):
    return plan.notices.first().targets.first(), plan.inspections.first().recommendations.first()


@pytest.mark.django_db
def test_my_actions_query_count_does_not_grow_with_the_lead_s_actions(users):
    plan = PlanFactory(slug="growing", date=date(2011, 4, 1))
    plan.notices.add(NoticeTargetFactory(number=3).notice)
    plan.inspections.add(RecommendationFactory(number=1).inspection)
    lead = LeadFactory(slug="busy-lead", name="Busy Lead")
    user = make_user("busy", role=rules.PRIORITY_LEAD, lead="Busy Lead")
    period = ReportingPeriod.objects.create(month=date(2011, 11, 1), opened_at=timezone.now())
    client = Client()
    client.force_login(user)
    urls = ["/my-actions/", "/my-actions/?show=on_track", "/my-actions/?show=overdue"]
    add_updated_actions(plan, 30, lead, period, users["alice"])
    small = {url: count_queries(client, url) for url in urls}
    add_updated_actions(plan, 60, lead, period, users["alice"])
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
    page = client.get("/my-actions/").content.decode()
    for group in ("returned", "overdue", "at_risk", "update_due", "complete"):
        assert f'id="{group}"' in page, group
    assert "Show all" in page  # 90 actions: the groups are limited


def test_a_priority_lead_s_action_page_asks_each_right_s_question_once(
    users, open_period, plan_2011
):
    """The page asks two rights of one action (may update, may verify); whether the lead is
    accountable for it and whether its plan is in force are each looked up once."""
    client = Client()
    client.force_login(users["bob"])
    url = f"/plans/{plan_2011.slug}/actions/1.1.1/"
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    asked = [q["sql"] for q in context.captured_queries]
    accountable = [
        sql for sql in asked if sql.startswith('SELECT 1 AS "a" FROM "actions_prioritylead"')
    ]
    in_force = [sql for sql in asked if sql.startswith('SELECT 1 AS "a" FROM "actions_plan"')]
    assert (len(accountable), len(in_force)) == (1, 1)
