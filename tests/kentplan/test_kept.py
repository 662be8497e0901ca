"""Kept parts of pages and the data versions they are kept under. On PostgreSQL a save
still being committed can hold a lower history id than one already committed, so while
another transaction that has written is open the version is one of a kind, and nothing
drawn then is kept; once it has ended, the version is settled and kept again."""

from django.db import connection, connections

from actions.asat import data_version
from actions.models import Action, Plan, ProgressUpdate
from kentplan.kept import UNSETTLED, keeps, kept, kept_key

SOURCES = [Plan, Action, ProgressUpdate]


def _draws(key: str) -> int:
    drawn = []

    def draw() -> str:
        drawn.append(1)
        return "drawn"

    for _ in range(2):
        kept(key, draw)
    return len(drawn)


def _writer():
    """Another connection to the test database, in a transaction that has written."""
    other = connections.create_connection("default")
    other.set_autocommit(False)
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()")  # as the first write of a save does
    return other


def test_a_version_read_while_another_save_commits_is_not_kept(transactional_db):
    # Outside a test transaction, as a page reads it: PostgreSQL reads the other sessions
    # once per transaction, and a page's queries are each a transaction of their own.
    settled = data_version(SOURCES)
    assert settled == data_version(SOURCES) and not settled.startswith(UNSETTLED)
    assert keeps(kept_key("part", settled)) and _draws(kept_key("part", settled)) == 1
    if connection.vendor != "postgresql":
        return  # SQLite commits one writer at a time, in the order of their ids
    other = _writer()
    try:
        first, second = data_version(SOURCES), data_version(SOURCES)
        assert first.startswith(UNSETTLED) and first != second
        assert first.endswith(settled)
        assert not keeps(kept_key("part", first))
        assert _draws(kept_key("part", first)) == 2
        # Papers are looked up under the plain fingerprint whatever is being saved.
        assert data_version(SOURCES, unsettled_unique=False) == settled
    finally:
        other.rollback()
        other.close()
    assert data_version(SOURCES) == settled
