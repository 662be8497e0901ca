"""The Improvement Board's dashboard: a pure function from (plan, as-at date) to what the
page shows. A fixed number of queries, however many actions, updates or history rows."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, MonthSnapshot, Plan, ProgressUpdate, ReportingPeriod
from governance.models import Meeting
from kentplan.clock import today
from targets.models import Measurement, NoticeTarget, Recommendation
from targets.selectors import TargetProgress, notice_target_progress

Status, Verification = ProgressUpdate.Status, ProgressUpdate.Verification
RATINGS = ["blue", "green", "amber", "red"]
RATING_WORDS = {"blue": "Blue", "green": "Green", "amber": "Amber", "red": "Red", "": "Not rated"}
SCORES = {"blue": 3, "green": 2, "amber": 1, "red": 0}
STEADY = 0.05  # a change in the average score smaller than this is "the same"
BOARD = "kent-improvement-board"
DUE_SOON_DAYS = 30
LIST_CAP = 10
TREND_MONTHS = 12


@dataclass
class Row:
    """One action as it stood on the date shown."""

    pk: int
    ref: str
    sort_key: str
    text: str
    priority_id: int
    baseline: date | None
    baseline_precision: str = "day"  # "month" where the plan gives only the month
    rating: str = ""
    status: str = ""
    verification: str = ""
    commentary: str = ""
    forecast: date | None = None
    revised_reason: str = ""
    updated_this_month: bool = False
    is_sample: bool = False
    overdue: bool = False
    due_soon: bool = False
    missing: bool = False

    @property
    def rating_word(self) -> str:
        return RATING_WORDS[self.rating]


@dataclass
class Figure:
    """A count, with the link to the actions table filtered to exactly those actions."""

    n: int
    url: str


@dataclass
class Direction:
    word: str  # Better | Same | Worse | Not yet known
    arrow: str
    detail: str


@dataclass
class Standing:
    """BRAG counts for one priority, or for the whole plan (priority None)."""

    priority: Any
    label: str
    counts: dict[str, Figure]
    not_rated: Figure
    missing: Figure
    total: Figure
    direction: Direction | None = None


@dataclass
class TrendMonth:
    month: date
    counts: dict[str, int]
    total: int
    corrections: list[str] = field(default_factory=list)

    @property
    def not_rated(self) -> int:
        return self.counts.get("", 0)


@dataclass
class ExceptionList:
    key: str
    title: str
    rows: list[Row]
    total: int
    url: str
    link_text: str = ""

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


@dataclass
class Coverage:
    kind: str
    code: str
    title: str
    url: str
    table_url: str
    count: int
    counts: dict[str, int]
    overdue: int
    problem: str = ""

    @property
    def standing(self) -> str:
        """'Blue 1, Green 2; 1 overdue': the ratings that occur, in words."""
        words = ", ".join(
            f"{RATING_WORDS[k]} {n}".capitalize() for k, n in self.counts.items() if n
        )
        return f"{words}; {self.overdue} overdue" if self.overdue else words


@dataclass
class Move:
    row: Row
    before: str
    after: str


@dataclass
class SinceMeeting:
    meeting: Meeting | None
    since: date | None
    ratings_moved: list[Move] = field(default_factory=list)
    verified: list[Row] = field(default_factory=list)
    added: list[Row] = field(default_factory=list)
    reworded: list[Row] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)
    dates_moved: list[Move] = field(default_factory=list)
    readings: list[Measurement] = field(default_factory=list)


@dataclass
class NoticeProgress:
    notice: Any
    targets: list[TargetProgress]


@dataclass
class Dashboard:
    plan: Plan
    as_at: date | None
    day: date
    period: ReportingPeriod | None
    overall: Standing
    priorities: list[Standing]
    trend: list[TrendMonth]
    exceptions: list[ExceptionList]
    coverage: list[Coverage]
    coverage_problems: list[Coverage]
    since: SinceMeeting
    sample: bool = False
    # Each of the plan's Improvement Notices with its targets' indicators as at the date.
    notices: list["NoticeProgress"] = field(default_factory=list)
    # Every action as it stood on the date (the board pack lists its exceptions in full).
    rows: list[Row] = field(default_factory=list)

    @property
    def share_not_rated(self) -> int:
        return _percent(self.overall.not_rated.n, self.overall.total.n)

    @property
    def share_missing(self) -> int:
        return _percent(self.overall.missing.n, self.overall.total.n)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def dashboard_context(*, plan: Plan, as_at: date | None) -> Dashboard:
    """Everything the board's dashboard shows for the plan, as at a date (None: today)."""
    day = as_at or today()
    moment = end_of(day) if as_at else None
    period = _open_period(moment)
    rows = _rows(plan, moment, period, day)
    link = _linker(plan, as_at)
    priorities = list(plan.priorities.all())
    trend, by_priority = _trend(plan, day, moment)
    standings = [
        _standing(p, f"{p.number}. {p.title}", [r for r in rows if r.priority_id == p.pk], link)
        for p in priorities
    ]
    overall = _standing(None, "Whole plan", rows, link)
    _directions(standings, overall, by_priority)
    meeting = _last_meeting(day)
    since = _since(plan, rows, meeting, period, day)
    coverage = _coverage(plan, rows, link)
    return Dashboard(
        plan=plan,
        as_at=as_at,
        day=day,
        period=period,
        overall=overall,
        priorities=standings,
        trend=trend,
        exceptions=_exceptions(rows, link, since),
        coverage=coverage,
        coverage_problems=[c for c in coverage if c.problem],
        since=since,
        sample=any(r.is_sample for r in rows),
        notices=notices_progress(plan=plan, day=day),
        rows=rows,
    )


def notices_progress(*, plan: Plan, day: date) -> list[NoticeProgress]:
    """The plan's Improvement Notices, each with its targets' indicators as at `day` (a few
    queries a notice; a plan has one or two notices, however much data they hold)."""
    return [
        NoticeProgress(notice, notice_target_progress(notice=notice, as_at=day))
        for notice in plan.notices.order_by("issued", "slug")
    ]


def live_plan() -> Plan | None:
    """The plan in force today: the latest dated on or before today (else the earliest)."""
    plans = Plan.objects.order_by("-date", "-slug")
    return plans.filter(date__lte=today()).first() or Plan.objects.order_by("date").first()


def end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone())


def _open_period(moment: datetime | None) -> ReportingPeriod | None:
    """The month open for reporting on the date shown (the latest, if more than one)."""
    periods = ReportingPeriod.objects.filter(opened_at__isnull=False)
    if moment is None:
        periods = periods.filter(closed_at__isnull=True)
    else:
        periods = periods.filter(opened_at__lte=moment).filter(
            Q(closed_at__isnull=True) | Q(closed_at__gt=moment)
        )
    return periods.order_by("-month").first()


ACTION_FIELDS = [
    "id", "ref", "sort_key", "text", "due_date", "due_precision", "outcome_id", "retired_on",
]  # fmt: skip
UPDATE_FIELDS = ["id", "action_id", "period_id", "rating", "status", "verification",
                 "commentary", "revised_due_date", "revised_reason", "is_sample"]  # fmt: skip


def _rows(plan: Plan, moment: datetime | None, period, day: date) -> list[Row]:
    """Each live action of the plan with its latest update, as it stood at `moment` (None:
    now); an action retired by then is left out, as the actions table leaves it out.

    As at a past moment both are read from the history tables, one query each."""
    actions, updates = _records(plan, moment)
    months = dict(ReportingPeriod.objects.values_list("pk", "month"))
    outcomes = dict(plan.outcomes.values_list("pk", "priority_id"))
    by_action: dict[int, list[dict]] = defaultdict(list)
    for update in updates:
        if months.get(update["period_id"]) and months[update["period_id"]] <= day:
            by_action[update["action_id"]].append(update)
    rows = []
    for action in sorted(actions, key=lambda a: a["sort_key"]):
        if action["retired_on"] is not None:
            continue
        own = sorted(by_action[action["id"]], key=lambda u: months[u["period_id"]])
        rows.append(_row(action, own, outcomes.get(action["outcome_id"]), period, day))
    return rows


def _records(plan: Plan, moment: datetime | None) -> tuple[list[dict], list[dict]]:
    if moment is None:
        actions = list(Action.objects.filter(plan=plan).values(*ACTION_FIELDS))
        updates = ProgressUpdate.objects.filter(action__plan=plan)
        return actions, list(updates.order_by().values(*UPDATE_FIELDS))
    actions = list(
        Action.history.as_of(moment).filter(plan_id=plan.pk).order_by().values(*ACTION_FIELDS)
    )
    live = Action.objects.filter(plan=plan).values("pk")
    updates = ProgressUpdate.history.as_of(moment).filter(action_id__in=live)
    return actions, list(updates.order_by().values(*UPDATE_FIELDS))


def _row(action: dict, updates: list[dict], priority_id, period, day: date) -> Row:
    row = Row(
        pk=action["id"],
        ref=action["ref"],
        sort_key=action["sort_key"],
        text=action["text"],
        priority_id=priority_id,
        baseline=action["due_date"],
        baseline_precision=action["due_precision"],
    )
    row.is_sample = any(u["is_sample"] for u in updates)
    revised = [u for u in updates if u["revised_due_date"]]
    row.forecast = revised[-1]["revised_due_date"] if revised else row.baseline
    row.revised_reason = revised[-1]["revised_reason"] if revised else ""
    if updates:
        latest = updates[-1]
        row.rating, row.status = latest["rating"], latest["status"]
        row.verification, row.commentary = latest["verification"], latest["commentary"]
        row.updated_this_month = bool(period and latest["period_id"] == period.pk)
    # As My actions, the reminders and the actions table read them: reported complete
    # (verified or awaiting verification) is finished; a completion sent back, or anything
    # else, owes this month's update.
    finished = row.status == Status.COMPLETE and row.verification != "returned"
    if not finished and row.forecast:
        row.overdue = row.forecast < day
        row.due_soon = day <= row.forecast <= day + timedelta(days=DUE_SOON_DAYS)
    row.missing = bool(period and not finished and not row.updated_this_month)
    return row


def _linker(plan: Plan, as_at: date | None):
    base = reverse("actions:action-list", args=[plan.slug])

    def link(**params) -> str:
        if as_at:
            params["as_at"] = as_at.isoformat()
        return f"{base}?{urlencode(params)}"

    return link


def _standing(priority, label: str, rows: list[Row], link) -> Standing:
    scope = {"priority": priority.pk} if priority else {}
    ratings = Counter(r.rating for r in rows)
    return Standing(
        priority=priority,
        label=label,
        counts={k: Figure(ratings[k], link(**scope, rating=k)) for k in RATINGS},
        not_rated=Figure(ratings[""], link(**scope, rating="none")),
        missing=Figure(sum(r.missing for r in rows), link(**scope, missing_update=1)),
        total=Figure(len(rows), link(**scope)),
    )


def _trend(plan: Plan, day: date, moment) -> tuple[list[TrendMonth], dict]:
    """The BRAG mix of each closed month up to the date shown, from its snapshot."""
    since = (day.replace(day=1) - timedelta(days=31 * TREND_MONTHS)).replace(day=1)
    closed_by = moment or timezone.now()
    snapshots = MonthSnapshot.objects.filter(
        action__plan=plan, period__month__gte=since, period__closed_at__lte=closed_by
    )
    counts = snapshots.values("period__month", "action__outcome__priority_id", "rating")
    by_month: dict[date, Counter] = defaultdict(Counter)
    by_priority: dict[date, dict[int, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for row in counts.annotate(n=Count("id")).order_by():
        by_month[row["period__month"]][row["rating"]] += row["n"]
        by_priority[row["period__month"]][row["action__outcome__priority_id"]][row["rating"]] += (
            row["n"]
        )
    corrections = _corrections(snapshots)
    trend = [
        TrendMonth(month, dict(c), sum(c.values()), corrections.get(month, []))
        for month, c in sorted(by_month.items())
    ]
    return trend, by_priority


def _corrections(snapshots) -> dict[date, list[str]]:
    """Closed months whose records now say something other than what the month showed."""
    changed = snapshots.filter(update__isnull=False).filter(
        ~Q(update__rating=F("rating")) | ~Q(update__status=F("status"))
    )
    found: dict[date, list[str]] = defaultdict(list)
    for month, ref, was, now in changed.values_list(
        "period__month", "action__ref", "rating", "update__rating"
    ).order_by("period__month", "action__sort_key"):
        found[month].append(f"{ref} was {RATING_WORDS[was]}, now {RATING_WORDS[now]}")
    return found


def _score(counts: Counter) -> tuple[float | None, int]:
    rated = sum(counts[k] for k in RATINGS)
    if not rated:
        return None, 0
    return sum(SCORES[k] * counts[k] for k in RATINGS) / rated, rated


def _direction(before: Counter | None, after: Counter | None) -> Direction:
    if before is None or after is None:
        return Direction("Not yet known", "–", "Needs two closed months")
    (was, _), (now, now_n) = _score(before), _score(after)
    detail = (
        ", ".join(
            f"{RATING_WORDS[k]} {after[k]} (was {before[k]})" for k in ["red", "amber", "blue"]
        )
        + f", of {now_n} rated"
    )
    if was is None or now is None:
        return Direction("Not yet known", "–", detail)
    if now > was + STEADY:
        return Direction("Better", "↑", detail)
    if now < was - STEADY:
        return Direction("Worse", "↓", detail)
    return Direction("Same", "→", detail)


def _directions(standings: list[Standing], overall: Standing, by_priority: dict) -> None:
    """Per priority, the last closed month against the one before (from the snapshots)."""
    months = sorted(by_priority)
    if len(months) < 2:
        for standing in [*standings, overall]:
            standing.direction = _direction(None, None)
        return
    before, after = by_priority[months[-2]], by_priority[months[-1]]
    for standing in standings:
        pk = standing.priority.pk
        standing.direction = _direction(before.get(pk, Counter()), after.get(pk, Counter()))
    overall.direction = _direction(sum(before.values(), Counter()), sum(after.values(), Counter()))


def _last_meeting(day: date) -> Meeting | None:
    return Meeting.objects.filter(body__slug=BOARD, date__lt=day).order_by("-date").first()


def _since(plan: Plan, rows: list[Row], meeting, period, day: date) -> SinceMeeting:
    """What changed between the last board meeting and the date shown, from the history."""
    if meeting is None:
        return SinceMeeting(None, None)
    before = {r.pk: r for r in _rows(plan, end_of(meeting.date), period, meeting.date)}
    now = {r.pk: r for r in rows}
    since = SinceMeeting(meeting, meeting.date)
    for row in rows:
        old = before.get(row.pk)
        if old is None:
            since.added.append(row)
            continue
        if old.rating != row.rating:
            since.ratings_moved.append(Move(row, old.rating_word, row.rating_word))
        if row.verification == Verification.VERIFIED and old.verification != row.verification:
            since.verified.append(row)
        if old.text != row.text:
            since.reworded.append(row)
        if old.forecast != row.forecast:
            since.dates_moved.append(Move(row, _date(old.forecast), _date(row.forecast)))
    since.removed = [r for pk, r in before.items() if pk not in now]
    since.readings = list(
        Measurement.objects.filter(
            indicator__notice_targets__notice__plans=plan, date__gt=meeting.date, date__lte=day
        )
        .select_related("indicator")
        .distinct()
        .order_by("date", "indicator__name")
    )
    return since


def _date(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "no date"


def _exceptions(rows: list[Row], link, since: SinceMeeting) -> list[ExceptionList]:
    def make(key, title, chosen, url, link_text=""):
        return ExceptionList(key, title, chosen[:LIST_CAP], len(chosen), url, link_text)

    red_amber = [r for r in rows if r.rating == "red"] + [r for r in rows if r.rating == "amber"]
    moved = [m.row for m in since.dates_moved]
    lists = [
        make("overdue", "Overdue", [r for r in rows if r.overdue], link(overdue=1)),
        make(
            "due_soon",
            f"Due in the next {DUE_SOON_DAYS} days",
            [r for r in rows if r.due_soon],
            link(due_within=DUE_SOON_DAYS),
        ),
        make("red_amber", "Red and Amber, with the latest commentary", red_amber, ""),
        make("missing", "No update yet this month", [r for r in rows if r.missing],
             link(missing_update=1)),
        make("awaiting", "Completions awaiting verification",
             [r for r in rows if r.verification == Verification.PENDING],
             link(awaiting_verification=1)),
        make("returned", "Returned to their lead",
             [r for r in rows if r.verification == Verification.RETURNED], link(returned=1)),
    ]  # fmt: skip
    if since.since:
        lists.append(
            make(
                "moved",
                f"Due dates moved since the board met on {since.since:%-d %B %Y}",
                moved,
                link(changed_since=since.since.isoformat()),
                "every action changed since that meeting",
            )
        )
    return lists


def _coverage(plan: Plan, rows: list[Row], link) -> list[Coverage]:
    """Every notice target, recommendation and core task of the plan, with the live actions
    serving it; problems (none serving, or all Red or overdue) first."""
    by_pk = {r.pk: r for r in rows}
    kinds = [
        ("Improvement Notice target", "notice_target", Action.notice_targets.through,
         "noticetarget_id",
         NoticeTarget.objects.filter(notice__plans=plan).select_related("notice")),
        ("Ofsted recommendation", "recommendation", Action.recommendations.through,
         "recommendation_id",
         Recommendation.objects.filter(inspection__plans=plan).select_related("inspection")),
        ("Core task", "core_task", Action.core_tasks.through, "coretask_id",
         plan.core_tasks.select_related("plan")),
    ]  # fmt: skip
    found = []
    for kind, param, through, column, records in kinds:
        serving: dict[int, list[Row]] = defaultdict(list)
        links = through._default_manager.filter(action__plan=plan).values_list(column, "action_id")
        for record_id, action_id in links:
            if action_id in by_pk:
                serving[record_id].append(by_pk[action_id])
        for record in records.distinct():
            found.append(_covered(kind, record, serving[record.pk], link(**{param: record.pk})))
    return sorted(found, key=lambda c: not c.problem)


def _covered(kind: str, record, rows: list[Row], table_url: str) -> Coverage:
    ratings = Counter(r.rating for r in rows)
    overdue = sum(r.overdue for r in rows)
    problem = ""
    if not rows:
        problem = "No live action serves this"
    elif all(r.rating == "red" or r.overdue for r in rows):
        problem = "Every action serving this is Red or overdue"
    title = getattr(record, "title", "") or record.text
    return Coverage(kind, record.code, title, record.get_absolute_url(), table_url, len(rows),
                    {k: ratings[k] for k in [*RATINGS, ""]}, overdue, problem)  # fmt: skip
