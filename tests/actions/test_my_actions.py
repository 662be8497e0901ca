from datetime import date

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.models import Action, ProgressUpdate, ReportingPeriod
from actions.selectors_progress import my_actions


def groups(lead, period, today, **kwargs):
    found = my_actions(lead=lead, period=period, today=today, limit=500, **kwargs)
    return {g.key: [row.action.ref for row in g.rows] for g in found}


def _update(action, period, author, **fields):
    values = {"status": "on_track", "rating": "green", "suggested_rating": "green",
              "rating_rule": "x", "submitted_at": "2011-11-10T10:00Z", **fields}  # fmt: skip
    return ProgressUpdate.objects.create(action=action, period=period, author=author, **values)


def test_my_actions_groups_by_what_needs_doing(users, open_period):
    lead = users["alice"].lead
    grouped = groups(lead, open_period, date(2011, 11, 15))
    assert "1.1.1" in grouped["update_due"]
    _update(lead.actions.get(ref="1.1.1"), open_period, users["alice"], status="at_risk",
            rating="amber", suggested_rating="amber", commentary="x")  # fmt: skip
    grouped = groups(lead, open_period, date(2011, 11, 15))
    assert "1.1.1" in grouped["at_risk"]
    assert "1.1.1" in groups(lead, open_period, date(2012, 4, 2))["overdue"]


def test_an_overdue_or_red_action_without_this_month_s_update_shows_as_overdue(
    users, open_period, plan_2011
):
    """Its group follows its state: not hidden under 'Update due' (issue 10)."""
    october = ReportingPeriod.objects.create(month=date(2011, 10, 1), opened_at=timezone.now(),
                                             closed_at=timezone.now())  # fmt: skip
    lead = users["alice"].lead
    action = lead.actions.get(ref="1.1.1")
    _update(action, october, users["alice"], status="off_track", rating="red",
            suggested_rating="red", commentary="x")  # fmt: skip
    found = my_actions(lead=lead, period=open_period, today=date(2011, 11, 15), limit=500)
    overdue = next(g for g in found if g.key == "overdue")
    row = next(r for r in overdue.rows if r.action.ref == "1.1.1")
    assert row.update_due
    assert "1.1.1" not in groups(lead, open_period, date(2011, 11, 15))["update_due"]
    assert sum(g.count for g in found) == len({r.action.pk for g in found for r in g.rows})


def test_a_revised_due_date_moves_the_action_and_shows_the_baseline(client_for, users, open_period):
    lead = users["alice"].lead
    action = lead.actions.get(ref="1.1.1")
    _update(action, open_period, users["alice"], revised_due_date=date(2012, 6, 30),
            revised_reason="Staffing")  # fmt: skip
    assert "1.1.1" in groups(lead, open_period, date(2012, 4, 2))["on_track"]
    with time_machine.travel("2011-11-15", tick=False):
        page = client_for("alice").get("/my-actions/?show=on_track").content.decode()
    row = page.split("/actions/1.1.1/")[1].split("</tr>")[0]
    assert "30 Jun 2012" in row and f"revised; originally {action.due_date:%-d %b %Y}" in row


def test_a_superseded_plan_asks_for_no_updates(client_for, users, open_period):
    """Malcolm Newsam leads actions in the 2010 plan too; it was replaced in March 2011."""
    bob = users["bob"]
    refs = {a.plan.slug for g in my_actions(lead=bob.lead, period=open_period,
                                            today=date(2011, 11, 15)) for a in
            (r.action for r in g.rows)}  # fmt: skip
    assert refs == {"putting-children-first-2011"}
    old = Action.objects.filter(plan__slug="unannounced-inspection-action-plan-2010").first()
    assert not bob.has_perm("actions.update_action", old)


def test_each_group_is_limited_with_a_link_to_show_all(client_for, open_period):
    client = client_for("bob")
    with time_machine.travel("2011-11-15", tick=False):
        page = client.get("/my-actions/").content.decode()
        full = client.get("/my-actions/?show=update_due").content.decode()
    due = page.split('id="update_due"')[1].split("</table>")[0]
    assert due.count('class="govuk-table__row"') == 1 + 10  # the header and ten rows
    assert "?show=update_due" in page
    count = int(page.split("Update due this month (")[1].split(")")[0])
    assert count > 10
    rows = full.split('id="update_due"')[1].split("</table>")[0]
    assert rows.count('class="govuk-table__row"') == 1 + count


def test_the_page_lists_them_in_a_fixed_number_of_queries(client_for, users, open_period):
    counts = {}
    for who in ("charlie", "bob"):  # a handful of actions; then 50-odd
        client = client_for(who)
        with time_machine.travel("2011-11-15", tick=False), CaptureQueriesContext(connection) as q:
            page = client.get("/my-actions/?show=update_due").content.decode()
        counts[who] = len(q.captured_queries)
    assert 'href="/plans/putting-children-first-2011/actions/6.3.6/update/"' in page
    # at most one query per group (six), however many actions and updates; bob also verifies;
    # one more for the job titles the plans give the lead
    assert counts["charlie"] <= 17 and counts["bob"] <= 19
    # twice the updates: the same number of queries
    for action in users["bob"].lead.priorities.first().outcomes.first().actions.all():
        _update(action, open_period, users["bob"])
    bob = client_for("bob")
    with time_machine.travel("2011-11-15", tick=False), CaptureQueriesContext(connection) as q:
        bob.get("/my-actions/?show=on_track")
    assert len(q.captured_queries) <= 19


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


def test_a_group_shown_in_full_comes_a_page_at_a_time(users, open_period):
    lead, today = users["bob"].lead, date(2011, 11, 15)
    every = groups(lead, open_period, today)["update_due"]
    assert len(every) > 12

    def page(number):
        found = my_actions(lead=lead, period=open_period, today=today, show="update_due",
                           page=number, per_page=5)  # fmt: skip
        return {g.key: g for g in found}

    first, second = page(1), page(2)
    assert [r.action.ref for r in first["update_due"].rows] == every[:5]
    assert [r.action.ref for r in second["update_due"].rows] == every[5:10]
    assert first["update_due"].count == second["update_due"].count == len(every)
    assert second["update_due"].page.start_index() == 6
    # the other groups keep their first ten
    assert [r.action.ref for r in second["on_track"].rows] == groups(
        lead, open_period, today)["on_track"][:10]  # fmt: skip
    # a page past the last (the group shrank since the link was drawn) shows the last
    last = -(-len(every) // 5)
    past = page(last + 7)["update_due"]
    assert past.page.number == last
    assert [r.action.ref for r in past.rows] == every[(last - 1) * 5 :]


def test_the_page_of_a_group_shown_in_full_is_bounded_and_links_to_the_others(
    client_for, open_period, monkeypatch
):
    monkeypatch.setattr("actions.selectors_progress.SHOWN_PER_PAGE", 5)
    client = client_for("bob")
    with time_machine.travel("2011-11-15", tick=False):
        full = client.get("/my-actions/?show=update_due&page=2").content.decode()
    rows = full.split('id="update_due"')[1].split("</table>")[0]
    assert rows.count('class="govuk-table__row"') == 1 + 5
    count = int(full.split("Update due this month (")[1].split(")")[0])
    assert f"Showing 6 to 10 of {count}, soonest due first." in full
    nav = full.split('aria-label="Pages of Update due this month"')[1].split("</nav>")[0]
    assert 'href="?show=update_due&amp;page=1#update_due"' in nav
    assert 'href="?show=update_due&amp;page=3#update_due"' in nav
    assert 'aria-current="page">2</a>' in nav
