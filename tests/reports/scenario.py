"""A small plan whose dashboard figures are counted by hand, built along a 2011 timeline
so that its history (and so every 'as at' date) is what the tests expect.

On 15 November 2011 (November open, September and October closed; the board met on
27 October):

    ref  priority  due          latest update                         figures
    A1   1         31 Mar 2012  Nov: at risk, Amber, date → 30 Apr 12  Amber, date moved
    A2   1         31 Oct 2011  Oct: off track, Red                    Red, overdue, missing
    A3   1         1 Dec 2011   none                                   not rated, due soon, missing
    B1   2         30 Sep 2011  Oct: complete, Blue (verified 30 Oct)  Blue
    B2   2         30 Jun 2012  Nov: complete, awaiting verification  Green, awaiting
    B3   2         31 Jan 2012  none (starts 1 Jan 2012)               not rated, missing
    B4   2         1 Feb 2012   Nov: complete, returned                Green, returned
"""

from datetime import UTC, date, datetime

import time_machine
from django.contrib.auth.models import User

from actions.models import ProgressUpdate, ReportingPeriod
from actions.snapshots import snapshot_take
from governance.models import Body, Meeting
from reports.dashboard import BOARD
from tests.factories import ActionFactory, OutcomeFactory, PlanFactory, PriorityFactory

TODAY = "2011-11-15"
MEETING = date(2011, 10, 27)


def at(day: str):
    return time_machine.travel(datetime.fromisoformat(day).replace(hour=10, tzinfo=UTC),
                               tick=False)  # fmt: skip


def period(month: date) -> ReportingPeriod:
    return ReportingPeriod.objects.get_or_create(
        month=month, defaults={"opened_at": datetime.now(UTC)}
    )[0]


def close(month: date) -> None:
    p = ReportingPeriod.objects.get(month=month)
    p.closed_at = datetime.now(UTC)
    p.save()
    snapshot_take(period=p)


def update(action, month, status, rating, **extra) -> ProgressUpdate:
    author = User.objects.get_or_create(username="scenario-author")[0]
    return ProgressUpdate.objects.create(
        action=action, period=period(month), author=author, status=status, rating=rating,
        suggested_rating=rating, rating_rule="test", submitted_at=datetime.now(UTC),
        **extra,
    )  # fmt: skip


def build(plan=None, tag: str = "") -> dict:
    """The scenario above; called again with another tag, it doubles the plan's data."""
    S, R = ProgressUpdate.Status, ProgressUpdate.Rating
    sep, oct_, nov = date(2011, 9, 1), date(2011, 10, 1), date(2011, 11, 1)
    with at("2011-09-01"):
        plan = plan or PlanFactory(slug="board-test", date=date(2011, 3, 31))
        p1 = plan.priorities.filter(number=1).first() or PriorityFactory(plan=plan, number=1)
        p2 = plan.priorities.filter(number=2).first() or PriorityFactory(plan=plan, number=2)
        o1 = OutcomeFactory(priority=p1, ref=f"1.{tag}1")
        o2 = OutcomeFactory(priority=p2, ref=f"2.{tag}1")
        a = {
            "A1": ActionFactory(outcome=o1, ref=f"A{tag}1", due_date=date(2012, 3, 31)),
            "A2": ActionFactory(outcome=o1, ref=f"A{tag}2", due_date=date(2011, 10, 31)),
            "A3": ActionFactory(outcome=o1, ref=f"A{tag}3", due_date=date(2011, 12, 1)),
            "B1": ActionFactory(outcome=o2, ref=f"B{tag}1", due_date=date(2011, 9, 30)),
            "B2": ActionFactory(outcome=o2, ref=f"B{tag}2", due_date=date(2012, 6, 30)),
            "B3": ActionFactory(outcome=o2, ref=f"B{tag}3", due_date=date(2012, 1, 31),
                                start_date=date(2012, 1, 1)),
            "B4": ActionFactory(outcome=o2, ref=f"B{tag}4", due_date=date(2012, 2, 1)),
        }  # fmt: skip
    with at("2011-09-20"):
        update(a["A1"], sep, S.AT_RISK, R.AMBER, commentary="Slow start")
        update(a["A2"], sep, S.AT_RISK, R.AMBER, commentary="Waiting on partners")
        update(a["B1"], sep, S.ON_TRACK, R.GREEN)
    with at("2011-10-10"):
        close(sep)
        update(a["A1"], oct_, S.ON_TRACK, R.GREEN)
        a2_october = update(a["A2"], oct_, S.OFF_TRACK, R.RED, commentary="Capacity diverted")
        b1 = update(a["B1"], oct_, S.COMPLETE, R.GREEN, verification="pending")
    with at("2011-10-30"):
        b1.verification, b1.rating, b1.suggested_rating = "verified", R.BLUE, R.BLUE
        b1.save()
    with at("2011-11-10"):
        close(oct_)
        update(
            a["A1"],
            nov,
            S.AT_RISK,
            R.AMBER,
            commentary="Recruitment delayed",
            revised_due_date=date(2012, 4, 30),
            revised_reason="Recruitment delayed",
        )
        update(a["B2"], nov, S.COMPLETE, R.GREEN, verification="pending")
        update(a["B4"], nov, S.COMPLETE, R.GREEN, verification="returned",
               return_comment="No evidence")  # fmt: skip
        body = Body.objects.get(slug=BOARD)
        Meeting.objects.get_or_create(body=body, date=MEETING, defaults={"title": "Board"})
    return {"plan": plan, "p1": p1, "p2": p2, "a2_october": a2_october, **a}
