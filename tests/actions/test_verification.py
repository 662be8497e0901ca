"""The verification inbox, the returned-update loop and separation of duties (issue 10;
issue 9, item 4)."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions import progress
from actions.models import Action, ProgressUpdate
from tests.actions.test_progress_update_submit import completed

PLAN = "/plans/putting-children-first-2011"
TODAY = date(2011, 11, 15)


@pytest.fixture(autouse=True)
def _demo_day():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_it_lists_completions_awaiting_a_priority_lead_oldest_first(client_for, users, open_period):
    older = completed("1.1.1", users["alice"], open_period)
    newer = completed("6.3.6", users["charlie"], open_period)
    ProgressUpdate.objects.filter(pk=older.pk).update(submitted_at="2011-11-02T09:00Z")
    ProgressUpdate.objects.filter(pk=newer.pk).update(submitted_at="2011-11-09T09:00Z")
    completed("2.1.4", users["office"], open_period)  # Priority 2: not bob's to verify
    page = client_for("bob").get("/my-actions/").content.decode()
    assert "Awaiting your verification (2)" in page
    inbox = page.split('id="verify"')[1].split("</table>")[0]
    assert inbox.index("/actions/1.1.1/") < inbox.index("/actions/6.3.6/")
    assert "/actions/2.1.4/" not in inbox


def test_the_inbox_shows_ten_with_the_count_of_all_and_all_when_asked(
    client_for, users, open_period
):
    refs = Action.objects.filter(
        plan__slug="putting-children-first-2011", outcome__priority__number=1
    ).values_list("ref", flat=True)[:12]
    assert len(refs) == 12
    bob = client_for("bob")
    empty = bob.get("/my-actions/").content.decode()
    assert "Awaiting your verification (0)" in empty and "Nothing is waiting" in empty
    for ref in refs:
        completed(ref, users["alice"], open_period)
    page = bob.get("/my-actions/").content.decode()
    assert "Awaiting your verification (12)" in page and 'kp-count">12</strong>' in page
    assert page.split('id="verify"')[1].split("</table>")[0].count("?from=inbox") == 10
    assert "Show all 12 awaiting verification" in page
    every = bob.get("/my-actions/?show=verify").content.decode()
    assert every.split('id="verify"')[1].split("</table>")[0].count("?from=inbox") == 12
    assert "Awaiting your verification (12)" in every
    assert "Show all 12 awaiting verification" not in every


def test_the_header_counts_what_awaits_verification(client_for, users, open_period):
    completed("1.1.1", users["alice"], open_period)
    page = client_for("bob").get("/plans/putting-children-first-2011/").content.decode()
    assert "To verify" in page and 'kp-count">1</strong>' in page
    assert "To verify" not in client_for("alice").get("/").content.decode()


def test_my_actions_counts_what_awaits_verification_once_for_the_inbox_and_the_header(
    client_for, users, open_period
):
    completed("1.1.1", users["alice"], open_period)
    client = client_for("bob")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/my-actions/").content.decode()
    assert "Awaiting your verification (1)" in page and 'kp-count">1</strong>' in page
    # One query works the inbox out: its rows, and how many in all through a window.
    inbox = [q["sql"] for q in queries.captured_queries if "'pending'" in q["sql"]]
    assert len(inbox) == 1 and " OVER ()" in inbox[0], inbox


def test_the_programme_office_sees_every_completion_but_its_own(client_for, users, open_period):
    completed("2.1.4", users["alice"], open_period)
    completed("1.1.1", users["office"], open_period)
    page = client_for("office").get("/my-actions/").content.decode()
    assert "Awaiting your verification (1)" in page
    assert "Your account is not linked" not in page


def test_no_one_verifies_their_own_completion(users, open_period):
    update = completed("1.1.1", users["bob"], open_period)
    with pytest.raises(PermissionDenied, match="someone else must verify"):
        progress.progress_update_verify(update=update, user=users["bob"], accept=True, comment="")
    update.refresh_from_db()
    assert update.verification == "pending"


def test_the_action_page_does_not_offer_the_author_a_verify_form(client_for, users, open_period):
    completed("1.1.1", users["bob"], open_period)
    page = client_for("bob").get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert "someone else must verify it" in page
    assert 'name="decision"' not in page


def test_a_returned_completion_goes_back_to_the_lead_with_the_comment(
    client_for, users, open_period, django_capture_on_commit_callbacks
):
    completed("1.1.1", users["alice"], open_period)
    bob = client_for("bob")
    with django_capture_on_commit_callbacks(execute=True):
        bob.post(f"{PLAN}/actions/1.1.1/verify/", {"decision": "return", "comment": "No minutes"})
    assert len(mail.outbox) == 1
    assert "returned" in mail.outbox[0].subject and "No minutes" in mail.outbox[0].body
    assert mail.outbox[0].to == ["alice@example.org"]
    page = client_for("alice").get("/my-actions/").content.decode()
    returned = page.split('id="returned"')[1].split("</table>")[0]
    assert "No minutes" in returned
    assert f"{PLAN}/actions/1.1.1/update/" in returned
    action_page = client_for("alice").get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert "Returned: update needed" in action_page


def test_the_verifier_is_emailed_when_it_is_resubmitted(
    client_for, users, open_period, django_capture_on_commit_callbacks
):
    update = completed("1.1.1", users["alice"], open_period)
    progress.progress_update_verify(update=update, user=users["bob"], accept=False, comment="x")
    mail.outbox.clear()
    update.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("alice").post(
            f"{PLAN}/actions/1.1.1/update/",
            {"status": "complete", "commentary": "Minutes attached", "version": update.version,
             "evidence_url": "https://example.org/minutes"},
        )  # fmt: skip
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.verification == "pending" and update.return_comment == ""
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert "resubmitted" in mail.outbox[0].subject


def _verified(users, open_period) -> ProgressUpdate:
    update = completed("1.1.1", users["alice"], open_period)
    progress.progress_update_verify(update=update, user=users["bob"], accept=True, comment="")
    update.refresh_from_db()
    return update


def test_a_blue_completion_cannot_be_changed_by_its_author(client_for, users, open_period):
    update = _verified(users, open_period)
    response = client_for("alice").post(
        f"{PLAN}/actions/1.1.1/update/",
        {"status": "on_track", "commentary": "Changed my mind", "version": update.version},
    )
    assert response.status_code == 400
    assert "cannot be changed" in response.content.decode()
    update.refresh_from_db()
    assert update.rating == "blue" and update.status == "complete"


def test_a_verifier_reopens_blue_with_a_reason_kept_in_the_history(client_for, users, open_period):
    update = _verified(users, open_period)
    office = client_for("office")
    assert office.post(f"{PLAN}/actions/1.1.1/reopen/", {"reason": ""}).status_code == 400
    response = office.post(f"{PLAN}/actions/1.1.1/reopen/", {"reason": "Audit found a gap"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.verification == "returned" and update.rating == "green"
    assert update.history.first().history_change_reason == "Reopened: Audit found a gap"
    page = client_for("alice").get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert "Audit found a gap" in page


def test_a_delivery_lead_may_not_reopen(client_for, users, open_period):
    _verified(users, open_period)
    response = client_for("alice").post(f"{PLAN}/actions/1.1.1/reopen/", {"reason": "x"})
    assert response.status_code == 403


def test_reopen_needs_a_reason(users, open_period):
    update = _verified(users, open_period)
    with pytest.raises(ValidationError):
        progress.progress_update_reopen(update=update, user=users["office"], reason=" ")


def test_deciding_from_the_inbox_returns_to_the_inbox_with_a_banner(client_for, users, open_period):
    completed("1.1.1", users["alice"], open_period)
    bob = client_for("bob")
    inbox = bob.get("/my-actions/").content.decode().split('id="verify"')[1]
    link = inbox.split('href="')[2].split('"')[0]  # the Verify link, after the action's own
    assert link == f"{PLAN}/actions/1.1.1/?from=inbox#verify-completion"
    page = bob.get(link.split("#")[0]).content.decode()
    assert '<input type="hidden" name="next" value="inbox">' in page
    response = bob.post(f"{PLAN}/actions/1.1.1/verify/", {"decision": "accept", "next": "inbox"},
                        follow=True)  # fmt: skip
    assert response.redirect_chain[-1][0] == "/my-actions/"
    assert "Action 1.1.1’s completion is verified." in response.content.decode()
    assert "Nothing is waiting for you to verify." in response.content.decode()


def test_a_decision_with_an_error_keeps_the_way_back_to_the_inbox(client_for, users, open_period):
    completed("1.1.1", users["alice"], open_period)
    data = {"decision": "return", "next": "inbox"}
    page = client_for("bob").post(f"{PLAN}/actions/1.1.1/verify/", data).content.decode()
    assert '<input type="hidden" name="next" value="inbox">' in page
    assert "Back to your verification inbox" in page


def _edit_to_complete(update: ProgressUpdate, user) -> None:
    """Another person saves the lead's update as Complete, as the update form would."""
    progress.progress_update_submit(
        action=update.action,
        user=user,
        period=update.period,
        data=progress.UpdateInput(
            status="complete", commentary="Done", evidence_url="https://example.org/done"
        ),
        expected_version=update.version,
    )


def test_whoever_saved_it_as_complete_may_not_verify_it(client_for, users, open_period):
    """A priority lead may change a lead's update, but a completion they saved is one they
    reported: someone else verifies it (separation of duties, issue 9 item 4)."""
    action = Action.objects.get(plan__slug="putting-children-first-2011", ref="1.1.1")
    update = ProgressUpdate.objects.create(
        action=action, period=open_period, author=users["alice"], status="on_track",
        rating="green", suggested_rating="green", rating_rule="On track",
        submitted_at="2011-11-02T09:00Z",
    )  # fmt: skip
    _edit_to_complete(update, users["bob"])
    update.refresh_from_db()
    assert (update.status, update.verification, update.author) == (
        "complete",
        "pending",
        users["alice"],
    )
    with pytest.raises(PermissionDenied, match="someone else must verify"):
        progress.progress_update_verify(update=update, user=users["bob"], accept=True, comment="")
    update.refresh_from_db()
    assert update.verification == "pending"
    bob = client_for("bob")
    assert "Awaiting your verification (0)" in bob.get("/my-actions/").content.decode()
    page = bob.get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert "someone else must verify it" in page and 'name="decision"' not in page
    response = bob.post(f"{PLAN}/actions/1.1.1/verify/", {"decision": "accept"})
    assert response.status_code == 403
    # The programme office, who did not report it, may.
    progress.progress_update_verify(update=update, user=users["office"], accept=True, comment="")
    update.refresh_from_db()
    assert update.verification == "verified"


def test_a_completion_in_a_superseded_plan_is_not_verified(users, open_period):
    """The 2010 plan is read-only once the 2011 plan replaced it: nothing in it is verified."""
    action = Action.objects.filter(plan__slug="unannounced-inspection-action-plan-2010").first()
    update = ProgressUpdate.objects.create(
        action=action, period=open_period, author=users["alice"], status="complete",
        rating="green", suggested_rating="green", rating_rule="x", verification="pending",
        submitted_at="2011-11-02T09:00Z",
    )  # fmt: skip
    office = users["office"]
    with pytest.raises(PermissionDenied):
        progress.progress_update_verify(update=update, user=office, accept=True, comment="")
    update.refresh_from_db()
    assert update.verification == "pending"


def test_the_whole_inbox_comes_a_page_at_a_time(client_for, users, open_period, monkeypatch):
    monkeypatch.setattr("actions.selectors_progress.SHOWN_PER_PAGE", 5)
    refs = Action.objects.filter(
        plan__slug="putting-children-first-2011", outcome__priority__number=1
    ).values_list("ref", flat=True)[:12]
    for ref in refs:
        completed(ref, users["alice"], open_period)
    bob = client_for("bob")
    pages = [bob.get(f"/my-actions/?show=verify&page={n}").content.decode() for n in (1, 3, 9)]
    inbox = [p.split('id="verify"')[1].split("</table>")[0] for p in pages]
    assert [i.count("?from=inbox") for i in inbox] == [5, 2, 2]  # page 9 is the last, 3
    assert "Showing 11 to 12 of 12, oldest first." in pages[2]
    assert "Awaiting your verification (12)" in pages[0] and 'kp-count">12</strong>' in pages[0]
    assert 'href="?show=verify&amp;page=2#verify"' in pages[0]
    shown = [i.split("?from=inbox")[0].rsplit("/actions/", 1)[1] for i in inbox]
    assert shown[0] != shown[1]
