"""The test harness's kept snapshots: a sample loaded once comes back whole, and a test
that made rows of its own before asking for one is stopped rather than silently emptied."""

import pytest

from actions.models import Lead, Plan
from tests.conftest import make_user
from tests.seedsnapshot import _kept, snapshot_with

NAME = "a lead added by this test"


@pytest.fixture
def forget():
    yield
    _kept.pop(NAME, None)


def test_a_kept_sample_comes_back_without_loading_it_again(seeded, forget):
    loads = []

    def load():
        loads.append(1)
        Lead.objects.create(name="Kept Lead", slug="kept-lead")

    snapshot_with(NAME, load)
    Lead.objects.filter(slug="kept-lead").delete()
    plans = Plan.objects.count()

    snapshot_with(NAME, load)
    assert loads == [1]
    assert Lead.objects.filter(slug="kept-lead").exists()
    assert Plan.objects.count() == plans > 0


def test_it_refuses_to_come_after_the_tests_own_users(seeded, forget):
    make_user("early")
    with pytest.raises(RuntimeError, match="request its fixture before `users`"):
        snapshot_with(NAME, lambda: None)
