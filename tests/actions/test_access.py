"""The permission matrix: every role × every kind of action (view, update, verify, edit
the plan) on actions they do and do not own, through pages and through raw POSTs."""

import pytest
from django.test import Client

from actions.models import ProgressUpdate, ReportingPeriod

PLAN = "/plans/putting-children-first-2011"
OWN = "1.1.1"  # led by Rob Semens (alice), in Priority 1 (Malcolm Newsam, bob)
OTHER = "6.3.6"  # led by Heads of Service and Donna Shkalla (charlie), in Priority 6 (bob)
UNRELATED = "2.1.4"  # Priority 2: Alastair Pettigrew; none of our users lead it

UPDATE = {"status": "on_track", "commentary": "Going well"}

# who → (may update 1.1.1, may update 6.3.6, may update 2.1.4)
MAY_UPDATE = {
    "alice": (True, False, False),
    "bob": (True, True, False),
    "charlie": (False, True, False),
    "office": (True, True, True),
    "board": (False, False, False),
    "democratic": (False, False, False),
    "admin": (True, True, True),
}
MAY_VERIFY = {
    "alice": (False, False, False),
    "bob": (True, True, False),
    "charlie": (False, False, False),
    "office": (True, True, True),
    "board": (False, False, False),
    "democratic": (False, False, False),
    "admin": (True, True, True),
}


@pytest.mark.parametrize("who", sorted(MAY_UPDATE))
def test_every_role_may_read_the_plan(client_for, who):
    client = client_for(who)
    for url in ("/", f"{PLAN}/", f"{PLAN}/actions/", f"{PLAN}/actions/{OWN}/", "/my-actions/"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", sorted(MAY_UPDATE))
def test_only_the_responsible_may_open_or_post_an_update(client_for, open_period, who):
    client = client_for(who)
    for ref, allowed in zip((OWN, OTHER, UNRELATED), MAY_UPDATE[who], strict=True):
        url = f"{PLAN}/actions/{ref}/update/"
        assert client.get(url).status_code == (200 if allowed else 403), (who, ref)
        response = client.post(url, UPDATE)
        assert response.status_code == (302 if allowed else 403), (who, ref)
        saved = ProgressUpdate.objects.filter(action__ref=ref, period=open_period).exists()
        assert saved == allowed, (who, ref)


@pytest.mark.parametrize("who", sorted(MAY_VERIFY))
def test_only_the_accountable_lead_or_office_may_verify(client_for, users, open_period, who):
    from tests.actions.test_progress_update_submit import completed

    for ref, allowed in zip((OWN, OTHER, UNRELATED), MAY_VERIFY[who], strict=True):
        update = completed(ref, users["alice"], open_period)
        response = client_for(who).post(f"{PLAN}/actions/{ref}/verify/", {"decision": "accept"})
        assert response.status_code == (302 if allowed else 403), (who, ref)
        update.refresh_from_db()
        assert (update.rating == "blue") == allowed, (who, ref)


@pytest.mark.parametrize("who", sorted(MAY_UPDATE))
def test_only_the_programme_office_may_open_and_close_months(client_for, who):
    allowed = who in ("office", "admin")
    client = client_for(who)
    assert client.get("/reporting-periods/").status_code == (200 if allowed else 403)
    response = client.post(
        "/reporting-periods/", {"month_day": "1", "month_month": "12", "month_year": "2011"}
    )
    assert response.status_code == (302 if allowed else 403)
    assert ReportingPeriod.objects.filter(month="2011-12-01").exists() == allowed


@pytest.mark.parametrize("who", sorted(MAY_UPDATE))
def test_only_the_programme_office_and_administrators_may_edit_the_plan(users, who):
    action = users["alice"].lead.actions.get(ref=OWN)
    assert users[who].has_perm("actions.edit_plan", action) == (who in ("office", "admin"))


def test_signed_out_visitors_are_sent_to_sign_in_and_cannot_post(seeded, open_period):
    client = Client()
    for url in ("/", f"{PLAN}/actions/{OWN}/", "/my-actions/", "/reporting-periods/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    response = client.post(f"{PLAN}/actions/{OWN}/update/", UPDATE)
    assert response.status_code == 302
    assert not ProgressUpdate.objects.exists()


def test_an_update_by_another_lead_is_not_theirs_to_change(client_for, users, open_period):
    """A co-lead may not rewrite a colleague's update; the accountable lead may."""
    from actions.models import ActionLead

    action = users["alice"].lead.actions.get(ref=OWN)
    ActionLead.objects.create(action=action, lead=users["charlie"].lead, order=9)
    assert client_for("alice").post(f"{PLAN}/actions/{OWN}/update/", UPDATE).status_code == 302
    update = ProgressUpdate.objects.get(action=action)
    changed = {**UPDATE, "commentary": "Rewritten", "version": update.version}
    assert client_for("charlie").post(f"{PLAN}/actions/{OWN}/update/", changed).status_code == 403
    update.refresh_from_db()
    assert update.commentary == "Going well"
    assert client_for("bob").post(f"{PLAN}/actions/{OWN}/update/", changed).status_code == 302
    update.refresh_from_db()
    assert update.commentary == "Rewritten"
