from datetime import date

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import ProgressUpdate
from actions.selectors import my_actions


def groups(lead, period, today):
    return {key: [s.action.ref for s in states]
            for key, _, states in my_actions(lead=lead, period=period, today=today)}  # fmt: skip


def test_my_actions_groups_by_what_needs_doing(users, open_period):
    lead = users["alice"].lead
    grouped = groups(lead, open_period, date(2011, 11, 15))
    assert "1.1.1" in grouped["update_due"]
    ProgressUpdate.objects.create(
        action=lead.actions.get(ref="1.1.1"), period=open_period, author=users["alice"],
        status="at_risk", rating="amber", suggested_rating="amber", rating_rule="x",
        commentary="x", submitted_at="2011-11-10T10:00Z",
    )  # fmt: skip
    grouped = groups(lead, open_period, date(2011, 11, 15))
    assert "1.1.1" in grouped["at_risk"]
    assert "1.1.1" in groups(lead, open_period, date(2012, 4, 2))["overdue"]


def test_a_priority_lead_sees_the_actions_of_their_priorities(users, open_period):
    refs = {r for refs in groups(users["bob"].lead, open_period, date(2011, 11, 15)).values()
            for r in refs}  # fmt: skip
    assert {"1.1.1", "6.3.6"} <= refs
    assert "2.1.4" not in refs


def test_the_page_lists_them_in_a_fixed_number_of_queries(client_for, open_period):
    counts = {}
    for who in ("charlie", "bob"):  # a handful of actions; then 50-odd
        client = client_for(who)
        with time_machine.travel("2011-11-15", tick=False), CaptureQueriesContext(connection) as q:
            page = client.get("/my-actions/").content.decode()
        counts[who] = len(q.captured_queries)
    assert 'href="/plans/putting-children-first-2011/actions/6.3.6/update/"' in page
    assert counts["bob"] == counts["charlie"] <= 14


def test_an_account_without_a_lead_is_told_so(client):
    page = client.get("/my-actions/").content.decode()
    assert "Your account is not linked to a lead in the plan" in page


def test_the_programme_office_opens_and_closes_a_month(client_for):
    office = client_for("office")
    data = {"month_day": "1", "month_month": "12", "month_year": "2011"}
    assert office.post("/reporting-periods/", data).status_code == 302
    again = office.post("/reporting-periods/", data)
    assert again.status_code == 400
    assert "December 2011 has already been opened." in again.content.decode()
    from actions.models import ReportingPeriod

    period = ReportingPeriod.objects.get(month="2011-12-01")
    office.post(f"/reporting-periods/{period.pk}/close/")
    period.refresh_from_db()
    assert not period.is_open


def test_the_action_page_can_be_shown_as_at_a_past_date(client, plan_2011, settings):
    action = plan_2011.actions.get(ref="1.1.1")
    old_text = action.text
    with time_machine.travel("2030-01-01"):
        action.text = "Reworded in 2030"
        action.save()
    settings.KENTPLAN_TODAY = "2030-01-02"
    page = client.get("/plans/putting-children-first-2011/actions/1.1.1/?as_at=2029-12-31")
    text = page.content.decode()
    assert "as it stood at the end of 31 December 2029" in text
    assert old_text in text and "Reworded in 2030" not in text.split("Change history")[0]
    assert (
        client.get("/plans/putting-children-first-2011/actions/1.1.1/?as_at=2005-01-01").status_code
        == 404
    )
    for bad in ("1999-01-01", "soon", "2011-02-30", "9" * 40):
        response = client.get(f"/plans/putting-children-first-2011/actions/1.1.1/?as_at={bad}")
        assert response.status_code == 400, bad
        assert "The date could not be read" in response.content.decode()
