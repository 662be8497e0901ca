from django.core.management import call_command

from tests.actions.test_import_plan import history_count, snapshot


def test_loading_the_seed_data_again_changes_nothing(seeded):
    before, history_before = snapshot(), history_count()
    call_command("load_seed_data", verbosity=0)
    assert snapshot() == before
    assert history_count() == history_before


def test_it_loads_every_plan_in_order(seeded):
    from actions.models import Plan

    plans = {p.slug: p for p in Plan.objects.select_related("predecessor")}
    assert plans["putting-children-first-2011"].predecessor.slug == (
        "unannounced-inspection-action-plan-2010"
    )
    assert plans["cyp-services-development-plan-2015"].predecessor.slug == (
        "putting-children-first-2011"
    )
