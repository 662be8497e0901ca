"""A worker moves what it loaded for its first request out of the collector's reach, once."""

import gc

from kentplan.middleware import SettleAfterFirstRequestMiddleware


def test_the_first_request_freezes_what_is_loaded_and_later_ones_do_not(client, monkeypatch):
    monkeypatch.setattr(SettleAfterFirstRequestMiddleware, "settled", False)
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    assert client.get("/").status_code == 200
    frozen = gc.get_freeze_count()
    assert frozen > 10_000 and SettleAfterFirstRequestMiddleware.settled
    assert client.get("/").status_code == 200
    assert gc.get_freeze_count() <= frozen  # nothing more frozen (frozen objects may die)
