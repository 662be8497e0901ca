import socket

import pytest

from actions.models import Plan
from governance.seeddata import seed_data_load

PLAN_2011 = "putting-children-first-2011"
PLAN_2010 = "unannounced-inspection-action-plan-2010"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch, request):
    """Tests never reach the network; only the local database and browser may be used."""
    if request.node.get_closest_marker("browser"):
        return
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and host not in ("127.0.0.1", "localhost", "::1")
            and "/" not in host
        ):
            raise RuntimeError(f"tests may not reach the network ({host})")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real plans, loaded once into the test database."""
    with django_db_blocker.unblock():
        seed_data_load()


@pytest.fixture
def seeded(db):
    """The real seed data. Reloaded if a browser test's flush emptied the database."""
    if not Plan.objects.filter(slug=PLAN_2011).exists():
        seed_data_load()
    return Plan.objects.get(slug=PLAN_2011)


@pytest.fixture
def plan_2011(seeded):
    return seeded
