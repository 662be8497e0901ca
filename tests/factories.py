"""Made-up plan data for tests that need records of their own."""

import factory

from actions.models import Action, ActionLead, Lead, Outcome, Plan, Priority
from targets.models import ImprovementNotice, Inspection, NoticeTarget, Recommendation


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    slug = factory.Sequence(lambda n: f"test-plan-{n}")
    title = factory.Sequence(lambda n: f"Test plan {n}")
    short_title = factory.Sequence(lambda n: f"Test plan {n}")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "Test priority"


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    priority = factory.SubFactory(PriorityFactory)
    plan = factory.SelfAttribute("priority.plan")
    ref = factory.LazyAttribute(lambda o: f"{o.priority.number}.1")
    statement = "Test outcome"


class LeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lead

    name = factory.Sequence(lambda n: f"Test Lead {n}")
    slug = factory.Sequence(lambda n: f"test-lead-{n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    outcome = factory.SubFactory(OutcomeFactory)
    plan = factory.SelfAttribute("outcome.plan")
    ref = factory.Sequence(lambda n: f"9.9.{n + 1}")
    text = "Do the test thing"
    timescale = "1 April 2011 - 30 June 2011"

    @factory.post_generation
    def leads(self, create, extracted, **kwargs):
        if create:
            for order, lead in enumerate(extracted or [LeadFactory()], start=1):
                ActionLead.objects.create(action=self, lead=lead, order=order)


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    slug = factory.Sequence(lambda n: f"test-inspection-{n}")
    title = "Test inspection"


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Do better"


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementNotice

    slug = factory.Sequence(lambda n: f"test-notice-{n}")
    title = "Test notice"


class NoticeTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NoticeTarget

    notice = factory.SubFactory(NoticeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "Test target"
    text = "Reach the target"
