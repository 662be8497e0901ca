from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actions.models import Action, ActionLink, ref_sort_key
from tests.factories import ActionFactory, OutcomeFactory, PlanFactory, RecommendationFactory


def test_it_sorts_refs_as_readers_expect():
    refs = ["2.10.1", "2.2.1", "10.1.1", "2.1.10", "2.1.9"]
    assert sorted(refs, key=ref_sort_key) == ["2.1.9", "2.1.10", "2.2.1", "2.10.1", "10.1.1"]


@pytest.mark.django_db
def test_it_rejects_a_duplicate_ref_in_the_same_plan_with_a_clear_message():
    action = ActionFactory(ref="1.1.1")
    duplicate = Action(plan=action.plan, outcome=action.outcome, ref="1.1.1", text="Again")
    with pytest.raises(ValidationError) as caught:
        duplicate.full_clean()
    assert "An action with this ref already exists in this plan." in str(caught.value)


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_ref_too():
    action = ActionFactory(ref="1.1.1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(plan=action.plan, outcome=action.outcome, ref="1.1.1", text="x")


@pytest.mark.django_db
def test_it_allows_the_same_ref_in_another_plan():
    first = ActionFactory(ref="1.1.1")
    other = ActionFactory(ref="1.1.1", outcome=OutcomeFactory(priority__plan=PlanFactory()))
    other.full_clean()
    assert Action.objects.filter(ref="1.1.1", plan__in=[first.plan, other.plan]).count() == 2


@pytest.mark.django_db
def test_it_refuses_a_start_after_the_due_date_unless_the_source_notes_explain_it():
    action = ActionFactory()
    action.start_date, action.due_date = date(2011, 6, 1), date(2011, 5, 1)
    with pytest.raises(ValidationError) as caught:
        action.full_clean()
    assert "The start date is after the due date" in str(caught.value)
    action.source_notes = "The source prints the dates this way round."
    action.full_clean()


@pytest.mark.django_db
def test_it_refuses_an_outcome_from_another_plan():
    action = ActionFactory()
    action.outcome = OutcomeFactory(priority__plan=PlanFactory())
    with pytest.raises(ValidationError) as caught:
        action.full_clean()
    assert "The outcome belongs to a different plan." in str(caught.value)


@pytest.mark.django_db
def test_an_action_cannot_link_to_itself():
    action = ActionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionLink.objects.create(from_action=action, to_action=action)


@pytest.mark.django_db
def test_a_recommendation_number_is_unique_within_its_inspection():
    recommendation = RecommendationFactory(number=3)
    again = RecommendationFactory.build(inspection=recommendation.inspection, number=3)
    with pytest.raises(ValidationError) as caught:
        again.full_clean()
    assert "That number is already used in this inspection." in str(caught.value)


@pytest.mark.django_db
def test_an_unparseable_timescale_is_kept_as_text_with_no_dates(plan_2011):
    action = plan_2011.actions.get(ref="1.2.6")
    assert action.timescale == "1 July 2011 - 31 Sept 2011"
    assert action.start_date == date(2011, 7, 1)
    assert action.due_date is None
