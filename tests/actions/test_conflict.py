"""Two people saving the same month's update: the second is shown both versions, keeps
their text, and nothing is overwritten silently."""

import time_machine

from actions.models import ProgressUpdate

URL = "/plans/putting-children-first-2011/actions/1.1.1/update/"


def test_a_second_save_from_a_stale_form_is_shown_the_conflict(client_for, open_period):
    alice, bob = client_for("alice"), client_for("bob")
    with time_machine.travel("2011-11-15", tick=False):
        alice.post(URL, {"status": "on_track", "commentary": "Alice, first"})
        # Both open the form on version 1; alice saves first.
        alice.post(URL, {"status": "on_track", "commentary": "Alice again", "version": "1"})
        response = bob.post(
            URL, {"status": "at_risk", "commentary": "Bob's view of it", "version": "1"}
        )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else has updated action 1.1.1" in page
    assert "Alice again" in page  # theirs
    assert "Bob&#x27;s view of it" in page  # yours, kept in the table and the form
    assert 'name="version" value="2"' in page  # saving again replaces theirs knowingly
    mine = page.split("Commentary")[0].split("Status</th>")[1]
    assert "At risk" in mine and "at_risk" not in mine  # in words, not stored values
    update = ProgressUpdate.objects.get()
    assert (update.commentary, update.version) == ("Alice again", 2)


def test_two_leads_creating_the_first_update_at_once_do_not_lose_either(client_for, open_period):
    alice, bob = client_for("alice"), client_for("bob")
    with time_machine.travel("2011-11-15", tick=False):
        alice.post(URL, {"status": "on_track", "commentary": "Alice's update"})
        # Bob's form was opened before Alice saved, so it has no version.
        response = bob.post(URL, {"status": "on_track", "commentary": "Bob's update"})
    assert response.status_code == 409
    assert "Bob&#x27;s update" in response.content.decode()
    assert ProgressUpdate.objects.get().commentary == "Alice's update"


def test_after_seeing_the_conflict_the_second_person_can_save_theirs(client_for, open_period):
    alice, bob = client_for("alice"), client_for("bob")
    with time_machine.travel("2011-11-15", tick=False):
        alice.post(URL, {"status": "on_track", "commentary": "Alice's update"})
        bob.post(URL, {"status": "on_track", "commentary": "Bob's update"})
        response = bob.post(
            URL, {"status": "on_track", "commentary": "Bob's update", "version": "1"}
        )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.commentary, update.version) == ("Bob's update", 2)
    authors = [h.history_user.username for h in update.history.order_by("history_date")]
    assert authors == ["alice", "bob"]
