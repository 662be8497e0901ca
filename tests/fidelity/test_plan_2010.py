"""The September 2010 inspection action plan against its source (fixtures/sources/000_…txt)."""

from pathlib import Path

from django.conf import settings

from tests.fidelity.test_plan_2011 import normalise

SOURCE = Path(settings.FIXTURES_DIR) / "sources" / "000_541712385aa2ff03.txt"
PLAN = "unannounced-inspection-action-plan-2010"


def test_it_has_one_area_for_priority_action_and_ten_areas_for_development(seeded):
    plan = seeded.predecessor
    assert plan.slug == PLAN
    findings = plan.recommendations_from.recommendations.all()
    assert [f.area for f in findings] == ["Area for priority action"] + [
        "Area for development"
    ] * 10
    assert [p.outcomes.count() for p in plan.priorities.all()] == [1, 10]
    assert plan.actions.count() == 22
    assert plan.actions.filter(outcome__ref="1.1").count() == 5


def test_every_finding_and_action_is_printed_in_the_source(seeded):
    printed = normalise(SOURCE.read_text(encoding="utf-8"))
    plan = seeded.predecessor
    texts = [f.text for f in plan.recommendations_from.recommendations.all()]
    texts += [a.text for a in plan.actions.all()]
    words = printed.split()
    # Page breaks split a few texts; every word must still appear, in order.
    for text in texts:
        position = 0
        for word in normalise(text).split():
            position = words.index(word, position) + 1  # ValueError: not printed
        assert position > 0, text


def test_each_action_answers_its_finding(seeded):
    plan = seeded.predecessor
    for action in plan.actions.select_related("outcome").prefetch_related("recommendations"):
        (finding,) = action.recommendations.all()
        assert finding.text == action.outcome.statement


def test_each_finding_is_named_as_the_source_numbers_it(seeded, client, django_user_model):
    plan = seeded.predecessor
    for action in plan.actions.select_related("outcome").prefetch_related("recommendations"):
        (finding,) = action.recommendations.all()
        assert action.outcome.printed_as == f"{finding.area} {finding.printed_number}"
    client.force_login(django_user_model.objects.create_user("reader", password="x" * 16))
    action = plan.actions.get(ref="2.3.1")
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Area for development 3</dt>" in page and "Ofsted finding 2.3" not in page
