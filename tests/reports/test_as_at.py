"""Papers as at a date read the plan's history: before and after a change they differ
exactly as the history says."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from actions.models import Action, ActionLead, Lead
from reports.plan_document import plan_document

LONDON = ZoneInfo("Europe/London")


def _row(doc, ref):
    return next(a for p in doc.priorities for o in p.outcomes for a in o.actions if a.ref == ref)


def test_it_shows_the_plan_before_and_after_a_re_wording(plan_2011, users, client):
    action = Action.objects.get(plan=plan_2011, ref="2.2.2")
    before_text = action.text
    with time_machine.travel(datetime(2030, 3, 10, 12, tzinfo=LONDON)):
        action.text = "Recruit external experts (re-worded by the programme office)"
        action.timescale = "1 March 2011 – 30 September 2011"
        action._history_user = users["office"]
        action.save()
        ActionLead.objects.create(action=action, lead=Lead.objects.get(name="Eva Learner"),
                                  order=5)  # fmt: skip
    before = plan_document(plan=plan_2011, as_at=date(2030, 3, 9))
    after = plan_document(plan=plan_2011, as_at=date(2030, 3, 10))
    assert _row(before, "2.2.2").text == before_text
    assert _row(after, "2.2.2").text.endswith("(re-worded by the programme office)")
    assert _row(before, "2.2.2").timescale == "1 March 2011 – 31 August 2011"
    assert _row(after, "2.2.2").timescale == "1 March 2011 – 30 September 2011"
    assert "Eva Learner" not in _row(before, "2.2.2").leads
    assert _row(after, "2.2.2").leads[-1] == "Eva Learner"
    changed = [
        (a.ref, b.ref)
        for a, b in zip(before_rows(before), before_rows(after), strict=True)
        if a != b
    ]
    assert changed == [("2.2.2", "2.2.2")]

    page_before = client.get("/papers/plan/putting-children-first-2011/?as_at=2030-03-09")
    page_after = client.get("/papers/plan/putting-children-first-2011/?as_at=2030-03-10")
    assert "re-worded by the programme office" not in page_before.content.decode()
    assert "re-worded by the programme office" in page_after.content.decode()


def before_rows(doc):
    return [a for p in doc.priorities for o in p.outcomes for a in o.actions]


def test_it_shows_an_action_added_later_only_from_that_date(plan_2011, users):
    outcome = plan_2011.outcomes.get(ref="1.1")
    with time_machine.travel(datetime(2030, 5, 1, 9, tzinfo=LONDON)):
        added = Action(plan=plan_2011, outcome=outcome, ref="1.1.99", text="A new action")
        added._history_user = users["office"]
        added.save()
    assert "1.1.99" not in plan_document(plan=plan_2011, as_at=date(2030, 4, 30)).action_refs
    assert "1.1.99" in plan_document(plan=plan_2011, as_at=date(2030, 5, 1)).action_refs


def test_it_shows_progress_reported_by_the_date_only(plan_2011, users, open_period):
    from actions.models import ProgressUpdate

    action = Action.objects.get(plan=plan_2011, ref="1.1.1")
    ProgressUpdate.objects.create(
        action=action, period=open_period, author=users["alice"], status="at_risk",
        rating="amber", suggested_rating="amber", rating_rule="Reported at risk",
        commentary="Venue not yet booked",
        submitted_at=datetime(2011, 11, 10, 10, tzinfo=LONDON),
    )  # fmt: skip
    early = plan_document(plan=plan_2011, as_at=date(2011, 11, 9), progress=True)
    later = plan_document(plan=plan_2011, as_at=date(2011, 11, 10), progress=True)
    assert _row(early, "1.1.1").rating == ""
    assert (_row(later, "1.1.1").rating, _row(later, "1.1.1").commentary) == (
        "amber", "Venue not yet booked"
    )  # fmt: skip


def test_it_shows_a_date_before_the_import_as_the_plan_was_imported(plan_2011):
    doc = plan_document(plan=plan_2011, as_at=date(2011, 3, 31))
    assert len(doc.action_refs) == 129
