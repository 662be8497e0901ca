from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from actions.models import ProgressUpdate, ReminderSent
from actions.reminders import reminders_send


@pytest.fixture
def alice_only(users):
    """Only alice (Rob Semens) has an email address, so only she is reminded."""
    for name in ("bob", "charlie"):
        users[name].email = ""
        users[name].save()
    return users["alice"]


def test_it_sends_one_email_per_lead_listing_what_needs_attention(alice_only, open_period):
    sent = reminders_send(today=date(2011, 11, 15))
    assert sent["emails"] == 1
    (email,) = mail.outbox
    assert email.to == ["alice@example.org"]
    assert "No update yet this month" in email.body
    assert "1.1.1 (Kent Improvement Plan 2011) Across the council" in email.body
    html, mime = email.alternatives[0]
    assert mime == "text/html"
    assert 'href="http://127.0.0.1:8000/plans/putting-children-first-2011/actions/1.1.1/"' in html


def test_it_never_sends_the_same_reminder_twice(alice_only, open_period):
    reminders_send(today=date(2011, 11, 15))
    reminders_send(today=date(2011, 11, 15))
    with time_machine.travel("2011-11-15 12:00", tick=False):
        call_command("send_reminders")
    assert len(mail.outbox) == 1
    sent = ReminderSent.objects.filter(lead=alice_only.lead)
    assert sent.count() == len({(r.action_id, r.kind, r.key) for r in sent})


def test_a_new_reason_to_remind_sends_a_new_email(alice_only, open_period):
    reminders_send(today=date(2011, 11, 15))
    reminders_send(today=date(2012, 3, 25))  # 1.1.1 is now due within 14 days
    assert len(mail.outbox) == 2
    assert "Due within 14 days" in mail.outbox[1].body
    assert "No update yet this month" not in mail.outbox[1].body


def test_overdue_and_completed_actions(alice_only, open_period):
    action = alice_only.lead.actions.get(ref="1.1.1")
    reminders_send(today=date(2012, 4, 2))
    assert "Overdue" in mail.outbox[0].body
    ProgressUpdate.objects.create(
        action=action, period=open_period, author=alice_only, status="complete",
        rating="green", suggested_rating="green", rating_rule="x", verification="pending",
        submitted_at="2011-11-15T10:00Z",
    )  # fmt: skip
    mail.outbox.clear()
    ReminderSent.objects.all().delete()
    reminders_send(today=date(2012, 4, 2))
    assert "1.1.1 Across" not in "".join(m.body for m in mail.outbox)


def test_a_revised_due_date_is_reminded_with_the_original_beside_it(alice_only, open_period):
    action = alice_only.lead.actions.get(ref="1.1.1")
    ProgressUpdate.objects.create(
        action=action, period=open_period, author=alice_only, status="at_risk",
        rating="amber", suggested_rating="amber", rating_rule="x", commentary="Brought forward",
        revised_due_date=date(2011, 11, 25), revised_reason="Board asked for it sooner",
        submitted_at="2011-11-15T10:00Z",
    )  # fmt: skip
    reminders_send(today=date(2011, 11, 15))
    (email,) = mail.outbox
    assert "(due 25 November 2011, revised; originally 31 March 2012)" in email.body
    assert "(due 25 November 2011, revised; originally 31 March 2012)" in email.alternatives[0][0]


def test_it_names_the_plan_and_gives_a_month_only_date_as_the_month(alice_only, open_period):
    """Two plans can both have a 1.1.1; a due date the source gives as a month is that
    month, not an invented last day."""
    action = alice_only.lead.actions.get(plan__slug="putting-children-first-2011", ref="1.1.1")
    type(action).objects.filter(pk=action.pk).update(due_precision="month")
    reminders_send(today=date(2012, 3, 25))  # due within 14 days
    (email,) = mail.outbox
    line = next(line for line in email.body.splitlines() if line.strip().startswith("1.1.1"))
    assert f"({action.plan.short_title})" in line
    assert f"(due {action.due_date:%B %Y})" in line
    assert f"{action.due_date.day} {action.due_date:%B %Y}" not in line
    assert f"due {action.due_date:%B %Y})" in email.alternatives[0][0]
