"""The programme office's returns tracker and its Chase button."""

from datetime import date

import pytest
import time_machine
from django.core import mail

from actions.models import Chase, ProgressUpdate
from tests.actions.test_progress_update_submit import completed

TODAY = date(2011, 11, 15)


@pytest.fixture(autouse=True)
def _demo_day():
    with time_machine.travel(TODAY, tick=False):
        yield


def _on_track(ref, user, period):
    from actions.models import Action

    return ProgressUpdate.objects.create(
        action=Action.objects.get(plan__slug="putting-children-first-2011", ref=ref),
        period=period, author=user, status="on_track", rating="green",
        suggested_rating="green", rating_rule="x", submitted_at="2011-11-10T10:00Z",
    )  # fmt: skip


def test_it_counts_every_live_action_s_return(client_for, users, open_period, plan_2011):
    _on_track("1.1.1", users["alice"], open_period)
    completed("6.3.6", users["charlie"], open_period)
    total = plan_2011.actions.count()
    page = client_for("office").get("/returns/").content.decode()
    assert f"1 submitted, 1 awaiting verification, 0 returned and {total - 2} missing, " \
           f"of {total} actions" in page  # fmt: skip
    assert "By priority" in page and "By lead" in page
    assert "Rob Semens" in page
    assert "Leads with no account" in page


def test_my_actions_shows_the_office_the_summary(client_for, open_period, seeded):
    page = client_for("office").get("/my-actions/").content.decode()
    assert "Returns for November 2011" in page and 'href="/returns/"' in page
    assert "ask the programme office" not in page


def test_the_chase_emails_leads_with_missing_returns_once_a_day(
    client_for, users, open_period, django_capture_on_commit_callbacks
):
    _on_track("1.1.1", users["alice"], open_period)
    office = client_for("office")
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post("/returns/chase/", follow=True)
    sent_to = sorted(address for m in mail.outbox for address in m.to)
    assert "charlie@example.org" in sent_to and "bob@example.org" not in sent_to
    assert "alice@example.org" in sent_to  # Rob Semens has other actions still missing
    assert "Reminder sent to" in response.content.decode()
    chase = Chase.objects.get()
    assert chase.day == TODAY and chase.sent_by == users["office"]
    mail.outbox.clear()
    again = office.post("/returns/chase/", follow=True).content.decode()
    assert "already chased today" in again
    assert mail.outbox == [] and Chase.objects.count() == 1


def test_the_priorities_come_a_page_at_a_time_oldest_plan_first(
    client_for, open_period, plan_2011, monkeypatch
):
    monkeypatch.setattr("actions.selectors_progress.PRIORITIES_PER_PAGE", 4)
    office = client_for("office")
    pages = [office.get(f"/returns/?page={n}").content.decode() for n in (1, 2, 99)]
    tables = [p.split('id="by-priority"')[1].split("</table>")[0] for p in pages]
    rows = [t.count('<th scope="row"') for t in tables]
    priorities = plan_2011.priorities.count()  # the only live plan
    assert priorities == 6 and rows == [4, 2, 2]  # page 99 is the last
    assert "Priorities 5 to 6 of 6, oldest plan first." in pages[1]
    assert "Kent Improvement Plan 2011: 1 " in tables[0] and ": 5 " in tables[1]
    assert 'href="?page=1#by-priority"' in pages[1] and tables[1] == tables[2]
    assert "All actions" not in tables[0]  # the overall count stays in the sentence above


def test_only_the_office_sees_and_chases(client_for, open_period, seeded):
    assert client_for("bob").get("/returns/").status_code == 403
    assert client_for("bob").post("/returns/chase/").status_code == 403


def test_the_page_takes_a_fixed_number_of_queries(
    client_for, open_period, seeded, django_assert_max_num_queries
):
    office = client_for("office")
    with django_assert_max_num_queries(16):
        assert office.get("/returns/").status_code == 200


def test_two_chases_at_the_same_moment_send_once_and_explain(
    users, open_period, seeded, mailoutbox, monkeypatch
):
    """The second click's check ran before the first chase was saved: the database refuses
    it, and the officer is told in words, not shown an error page."""
    from django.core.exceptions import ValidationError

    from actions import progress

    with time_machine.travel(TODAY, tick=False):
        progress.returns_chase(period=open_period, user=users["office"])
        sent = len(mailoutbox)
        empty = Chase.objects.none()
        monkeypatch.setattr(Chase.objects, "filter", lambda **kw: empty)  # the checks miss it
        monkeypatch.setattr(Chase, "validate_constraints", lambda self, exclude=None: None)
        with pytest.raises(ValidationError, match="chased a moment ago"):
            progress.returns_chase(period=open_period, user=users["office"])
    monkeypatch.undo()
    assert Chase.objects.count() == 1 and len(mailoutbox) == sent
