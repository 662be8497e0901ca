"""A page's query count must not grow with the plan: doubling the actions (with their
leads, measures and cross-references) leaves every page's count unchanged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import ActionLink, Measure, MeasureLead
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
        "/leads/",
    ]
    add_actions(plan, 5, target, recommendation, lead)
    small = {url: count_queries(client, url) for url in urls}
    add_actions(plan, 10, target, recommendation, lead)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
