import socket
from datetime import date
from functools import cache

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from actions import rules
from actions.models import Lead, Plan, ReportingPeriod
from governance.seeddata import seed_data_load
from tests.seedsnapshot import snapshot_restore, snapshot_take

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
    """The real plans, loaded once into the test database and kept to be put back."""
    with django_db_blocker.unblock():
        seed_data_load()
        snapshot_take()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with nothing cached. Cached pages are keyed by the newest history
    ids, and a test's rolled-back rows free their ids on SQLite for the next test's own."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _flush_by_deleting():
    """Tests outside a transaction (the browser tests) empty the database after each test.
    On PostgreSQL, Django's flush truncates every table, ~300 ms for the ~100 tables here
    however few rows a test left; deleting those rows takes ~30 ms. Foreign keys are
    checked at commit, so the order is free. Only the test harness flushes."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def delete(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        quote = self.quote_name
        return ["SET CONSTRAINTS ALL DEFERRED"] + [f"DELETE FROM {quote(t)}" for t in tables]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", delete)
        yield


@pytest.fixture
def seeded(db):
    """The real seed data. Put back if a browser test's flush emptied the database."""
    if not Plan.objects.filter(slug=PLAN_2011).exists():
        snapshot_restore()
    return Plan.objects.get(slug=PLAN_2011)


@pytest.fixture
def plan_2011(seeded):
    return seeded


def make_user(username: str, *, role: str | None = None, lead: str | None = None, **extra) -> User:
    user = User.objects.create_user(
        username, f"{username}@example.org", "a-long-test-pass", **extra
    )
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if lead:
        Lead.objects.filter(name=lead).update(user=user)
        user.refresh_from_db()
    return user


# The test accounts: username, role, the lead they are, and anything else about them.
TEST_USERS = [
    ("alice", rules.DELIVERY_LEAD, "Rob Semens", {}),
    ("bob", rules.PRIORITY_LEAD, "Malcolm Newsam", {}),
    ("charlie", rules.DELIVERY_LEAD, "Donna Shkalla", {}),
    ("office", rules.PROGRAMME_OFFICE, None, {}),
    ("board", rules.BOARD_MEMBER, None, {}),
    ("democratic", rules.DEMOCRATIC_SERVICES, None, {}),
    ("admin", rules.ADMINISTRATOR, None, {"is_superuser": True, "is_staff": True}),
]


@cache
def _test_password_hash(hashers: tuple[str, ...]) -> str:
    """Hashed once per process and hasher setting (a test may set production's)."""
    return make_password("a-long-test-pass")


@pytest.fixture
def users(seeded):
    """alice leads 1.1.1 (Rob Semens); bob is accountable for Priority 1 (Malcolm Newsam);
    charlie leads other actions (Donna Shkalla); and one account for each other role.

    Made as `make_user` makes one, in a handful of queries rather than ~50: most tests ask
    for them, and they were a quarter of all the suite's queries."""
    roles = {role for _, role, _, _ in TEST_USERS}
    groups = {g.name: g for g in Group.objects.filter(name__in=roles)}
    for role in roles - set(groups):
        groups[role] = Group.objects.create(name=role)
    made = User.objects.bulk_create(
        User(
            username=username,
            email=f"{username}@example.org",
            password=_test_password_hash(tuple(settings.PASSWORD_HASHERS)),
            **extra,
        )
        for username, _, _, extra in TEST_USERS
    )
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=groups[role].pk)
        for user, (_, role, _, _) in zip(made, TEST_USERS, strict=True)
    )
    for user, (_, _, lead, _) in zip(made, TEST_USERS, strict=True):
        if lead:
            Lead.objects.filter(name=lead).update(user=user)
    return {user.username: user for user in made}


@pytest.fixture
def client(users):
    """A signed-in reader (a board member): every page needs someone signed in."""
    client = Client()
    client.force_login(users["board"])
    return client


@pytest.fixture
def client_for(users):
    def make(name: str) -> Client:
        client = Client()
        client.force_login(users[name])
        return client

    return make


@pytest.fixture
def open_period(db) -> ReportingPeriod:
    return ReportingPeriod.objects.create(month=date(2011, 11, 1), opened_at=timezone.now())
