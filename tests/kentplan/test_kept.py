"""Kept parts of pages and the data versions they are kept under. On PostgreSQL a save
still being committed can hold a lower history id than one already committed, so while
another transaction is writing to a version's history tables the version is unsettled,
and what is drawn then is kept for seconds, not an hour; once it has ended, the version
is settled, a new key."""

from django.db import connection, connections

from actions.asat import data_version
from actions.models import Action, Plan, ProgressUpdate
from kentplan.kept import BRIEF_SECONDS, KEPT_SECONDS, UNSETTLED, kept_key, kept_seconds

SOURCES = [Plan, Action, ProgressUpdate]


def _writing(table: str):
    """Another connection to the test database, in a transaction writing to this table
    (holding the lock an INSERT takes until its transaction ends)."""
    other = connections.create_connection("default")
    other.set_autocommit(False)
    with other.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {connection.ops.quote_name(table)} IN ROW EXCLUSIVE MODE")
    return other


def test_a_version_read_while_another_save_commits_is_kept_briefly(transactional_db):
    # Outside a test transaction, as a page reads it: each of its queries is a transaction.
    settled = data_version(SOURCES)
    assert settled == data_version(SOURCES) and not settled.startswith(UNSETTLED)
    assert kept_seconds(kept_key("part", settled)) == KEPT_SECONDS
    if connection.vendor != "postgresql":
        return  # SQLite commits one writer at a time, in the order of their ids
    history = ProgressUpdate.history.model._meta.db_table
    for table, unsettled in (("django_session", False), (history, True)):
        other = _writing(table)
        try:
            version = data_version(SOURCES)
            assert version.startswith(UNSETTLED) is unsettled, table
            if unsettled:
                assert version == f"{UNSETTLED}-{settled}" == data_version(SOURCES)
                key = kept_key("part", version)
                assert key != kept_key("part", settled)
                assert kept_seconds(key) == BRIEF_SECONDS
                # Papers are looked up under the plain fingerprint whatever is being saved.
                assert data_version(SOURCES, watch_writers=False) == settled
        finally:
            other.rollback()
            other.close()
    assert data_version(SOURCES) == settled
