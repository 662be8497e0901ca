from actions.models import Action, ProgressUpdate
from governance.models import Meeting
from targets.models import Indicator


def test_each_models_history_manager_class_is_built_once():
    for model in (Action, ProgressUpdate, Meeting, Indicator):
        assert type(model.history) is type(model.history), model.__name__


def test_an_instances_history_is_its_own(seeded):
    first, second = seeded.actions.order_by("sort_key")[:2]
    assert first.history.exists()
    assert set(first.history.values_list("id", flat=True)) == {first.pk}
    assert set(second.history.values_list("id", flat=True)) == {second.pk}
    assert Action.history.filter(id=second.pk).count() == second.history.count()
