"""Sample progress reporting for the 2011 plan: demo accounts for every role (linked to
real leads), monthly reporting periods from April 2011, and updates on each action.

Made up, deterministic (the same every run), and marked `is_sample` so that every page
that shows it says so. The real data never depends on it."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actions import rules
from actions.brag import suggest_rating
from actions.models import Action, Evidence, Lead, ProgressUpdate, ReportingPeriod
from actions.services import roles_ensure

PLAN = "putting-children-first-2011"
DEMO_PASSWORD = "kentplan-demo"  # noqa: S105 - a published demo login, never used in production
DEMO_TODAY = date(2011, 11, 15)
FIRST_MONTH, OPEN_MONTH = date(2011, 4, 1), date(2011, 11, 1)

# username, lead it is linked to (or None), roles, what the README says of it
DEMO_ACCOUNTS = [
    ("rob.semens", "Rob Semens", [rules.DELIVERY_LEAD], "delivery lead (Priority 1 actions)"),
    ("donna.marriott", "Donna Marriott", [rules.DELIVERY_LEAD], "delivery lead"),
    ("alastair.pettigrew", "Alastair Pettigrew", [rules.PRIORITY_LEAD, rules.DELIVERY_LEAD],
     "priority lead for Priorities 2 to 5; verifies completions"),
    ("malcolm.newsam", "Malcolm Newsam", [rules.PRIORITY_LEAD],
     "priority lead for Priorities 1, 4 and 6"),
    ("plan.manager", None, [rules.PROGRAMME_OFFICE],
     "programme office: opens and closes months, updates anything"),
    ("liz.railton", "Liz Railton", [rules.BOARD_MEMBER],
     "Improvement Board chair: the dashboard, signs the plan"),
    ("democratic.services", None, [rules.DEMOCRATIC_SERVICES],
     "democratic services: meetings and committee papers"),
    ("admin", None, [rules.ADMINISTRATOR], "administrator, with the admin at /admin/"),
]  # fmt: skip


def demo_accounts_load() -> int:
    roles_ensure()
    groups = {group.name: group for group in Group.objects.filter(name__in=rules.ROLES)}
    users = get_user_model()
    for username, lead_name, roles, _ in DEMO_ACCOUNTS:
        user, created = users.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": (lead_name or username.replace(".", " ").title()).split(" ")[0],
                "last_name": " ".join(
                    (lead_name or username.replace(".", " ").title()).split(" ")[1:]
                ),
                "is_staff": username in ("admin", "plan.manager"),
                "is_superuser": username == "admin",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(*(groups[r] for r in roles))
        if lead_name:
            Lead.objects.filter(name=lead_name, user__isnull=True).update(user=user)
    return len(DEMO_ACCOUNTS)


def sample_progress_load() -> int:
    """Periods April–November 2011 (November open) and updates on the 2011 plan's actions."""
    if ProgressUpdate.objects.filter(is_sample=True).exists():
        return 0
    with transaction.atomic():
        periods = [_period(month) for month in _months()]
        updates = _updates(periods)
        bulk_create_with_history(updates, ProgressUpdate, batch_size=500)
        _evidence(updates)
        returned = _returned_example(periods[-1])
    return len(updates) + returned


def _returned_example(period: ReportingPeriod) -> int:
    """One completion of Rob Semens's sent back by Malcolm Newsam, so the demo shows the
    returned-update loop: it heads Rob's My actions as "Returned: update needed"."""
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["rob.semens", "malcolm.newsam"])}  # fmt: skip
    if len(users) < 2:
        return 0
    action = (
        Action.objects.filter(plan__slug=PLAN, leads__user=users["rob.semens"])
        .exclude(updates__period=period)
        .exclude(updates__status=ProgressUpdate.Status.COMPLETE)
        .order_by("sort_key")
        .first()
    )
    if action is None:
        return 0
    rating, rule = suggest_rating(status=ProgressUpdate.Status.COMPLETE, due=action.due_date,
                                  start=action.start_date, today=DEMO_TODAY)  # fmt: skip
    update = ProgressUpdate(
        action=action, period=period, author=users["rob.semens"], status="complete",
        rating=rating, suggested_rating=rating, rating_rule=rule,
        commentary="Sample update. Completed; the final report is linked.",
        verification=ProgressUpdate.Verification.RETURNED,
        return_comment="Sample comment. The link is to the draft report; please attach the "
        "version the Improvement Board signed off.",
        verified_by=users["malcolm.newsam"], verified_at=_moment(date(2011, 11, 14)),
        submitted_at=_moment(date(2011, 11, 9)), is_sample=True,
    )  # fmt: skip
    bulk_create_with_history([update], ProgressUpdate)
    saved = ProgressUpdate.objects.get(action=action, period=period)
    bulk_create_with_history(
        [Evidence(update=saved, url=f"https://example.org/sample-evidence/{action.ref}-draft",
                  description="Sample evidence (not a real document)", added_by=saved.author)],
        Evidence,
    )  # fmt: skip
    return 1


def _months() -> list[date]:
    months, month = [], FIRST_MONTH
    while month <= OPEN_MONTH:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _period(month: date) -> ReportingPeriod:
    closed = None if month == OPEN_MONTH else (month + timedelta(days=40)).replace(day=10)
    period, _ = ReportingPeriod.objects.get_or_create(
        month=month,
        defaults={"opened_at": _moment(month), "closed_at": closed and _moment(closed),
                  "is_sample": True},
    )  # fmt: skip
    return period


def _updates(periods: list[ReportingPeriod]) -> list[ProgressUpdate]:
    users = {u.username: u for u in get_user_model().objects.all()}
    office = users["plan.manager"]
    actions = Action.objects.filter(plan__slug=PLAN).prefetch_related(
        "actionlead_set__lead__user", "outcome__priority__prioritylead_set__lead__user"
    )
    updates = []
    for action in actions:
        author = next((al.lead.user for al in action.actionlead_set.all() if al.lead.user), office)
        verifier = next(
            (pl.lead.user for pl in action.outcome.priority.prioritylead_set.all() if pl.lead.user),
            office,
        )
        updates += _updates_for(action, periods, author, verifier)
    return updates


def _updates_for(action: Action, periods, author, verifier) -> list[ProgressUpdate]:
    updates, done = [], False
    for period in periods:
        month_end = (period.month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        rng = random.Random(f"{action.ref}:{period.month}")
        if done or (action.start_date and action.start_date > month_end):
            continue
        if period.month == OPEN_MONTH and rng.random() < 0.5:
            continue  # not yet reported this month
        status = _status(action, month_end, rng)
        verified = status == ProgressUpdate.Status.COMPLETE and period.month != OPEN_MONTH
        rating, rule = suggest_rating(status=status, due=action.due_date, start=action.start_date,
                                      today=month_end, verified=verified)  # fmt: skip
        updates.append(ProgressUpdate(
            action=action, period=period, author=author, status=status, rating=rating,
            suggested_rating=rating, rating_rule=rule, commentary=_commentary(status, rng),
            verification=("verified" if verified else "pending")
            if status == ProgressUpdate.Status.COMPLETE else "",
            verified_by=verifier if verified else None,
            verified_at=_moment(month_end) if verified else None,
            submitted_at=_moment(min(month_end - timedelta(days=3), _reported_by(rng))),
            is_sample=True,
        ))  # fmt: skip
        done = status == ProgressUpdate.Status.COMPLETE
    return updates


def _reported_by(rng: random.Random) -> date:
    """A day in the open month before the demo's date, so nothing is dated after it."""
    return OPEN_MONTH + timedelta(days=rng.randrange((DEMO_TODAY - OPEN_MONTH).days))


def _status(action: Action, month_end: date, rng: random.Random) -> str:
    Status = ProgressUpdate.Status
    if action.due_date and action.due_date <= month_end and rng.random() < 0.7:
        return Status.COMPLETE
    roll = rng.random()
    if roll < 0.1:
        return Status.OFF_TRACK
    if roll < 0.3:
        return Status.AT_RISK
    return Status.ON_TRACK


COMMENTS = {
    "on_track": ["Work is progressing as planned.", "Milestones for the month were met."],
    "at_risk": ["Staffing gaps are slowing progress; mitigation agreed with the Head of Service.",
                "Dependent on partner agencies’ sign-off, which has been delayed."],
    "off_track": ["Behind schedule: capacity has been diverted to the duty teams.",
                  "Not achieved this month; a recovery plan goes to the next Board."],
    "complete": ["Completed; evidence attached.", "Completed and reported to the Board."],
}  # fmt: skip


def _commentary(status: str, rng: random.Random) -> str:
    return f"Sample update. {rng.choice(COMMENTS[status])}"


def _evidence(updates: list[ProgressUpdate]) -> None:
    saved = ProgressUpdate.objects.filter(is_sample=True, status="complete").select_related(
        "action", "author"
    )
    bulk_create_with_history(
        [
            Evidence(update=u, url=f"https://example.org/sample-evidence/{u.action.ref}",
                     description="Sample evidence (not a real document)", added_by=u.author)
            for u in saved
        ],
        Evidence,
    )  # fmt: skip
