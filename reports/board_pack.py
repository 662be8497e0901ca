"""The Improvement Board's monthly pack for one of its meetings: a pure function from
(meeting, as-at date) to what the pack shows. It reuses the dashboard's figures and charts,
adds the exceptions in full with their commentary, a page per Improvement Notice target
with its indicators' charts and figures, the board's action log as at the meeting, and
what changed since the board last met. Charts are the same server-drawn SVG as on the
pages, put inline, so a PDF of the pack fetches nothing."""

import base64
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from actions.models import Action, Plan, ProgressUpdate, ReportingPeriod
from governance.models import (
    AgendaItem,
    Attendance,
    BoardAction,
    BoardActionNote,
    Body,
    Decision,
    Meeting,
)
from governance.selectors import board_action_log
from kentplan.clock import today
from reports import charts
from reports.dashboard import BOARD, Dashboard, Row, dashboard_context
from targets import charts as indicator_charts
from targets.models import ImprovementNotice, Indicator, Measurement, NoticeTarget, TrajectoryPoint
from targets.selectors import Figure, IndicatorProgress, figures

# What the pack is drawn from: a change to any of these is a new version of the pack.
SOURCE_MODELS = [Meeting, AgendaItem, Attendance, Decision, BoardAction, BoardActionNote, Plan,
                 Action, ProgressUpdate, ReportingPeriod, ImprovementNotice, NoticeTarget,
                 Indicator, Measurement, TrajectoryPoint, Body]  # fmt: skip


@dataclass
class IndicatorPage:
    progress: IndicatorProgress
    chart_svg: str
    figures: list[Figure]

    @property
    def chart_data_uri(self) -> str:
        """The chart as a data: URL, for the PDF (each chart its own image, so the ids
        inside one chart never clash with another's)."""
        encoded = base64.b64encode(self.chart_svg.encode()).decode()
        return f"data:image/svg+xml;base64,{encoded}"


@dataclass
class TargetPage:
    target: NoticeTarget
    indicators: list[IndicatorPage]


@dataclass
class NoticePages:
    notice: ImprovementNotice
    targets: list[TargetPage]


@dataclass
class Exceptions:
    """One exception list in full (the dashboard shows the first few)."""

    key: str
    title: str
    rows: list[Row]


@dataclass
class BoardPack:
    meeting: Meeting
    as_at: date
    plan: Plan | None
    agenda: list[AgendaItem]
    attended: list[Attendance]
    apologies: list[Attendance]
    board: Dashboard | None
    trend_chart: str
    exceptions: list[Exceptions]
    notices: list[NoticePages]
    action_log: list[BoardAction]
    sample: bool = False
    previous_meeting: Meeting | None = field(default=None)

    @property
    def open_actions(self) -> int:
        return sum(1 for a in self.action_log if a.closed_at_id != self.meeting.pk)


def board_meetings() -> QuerySet[Meeting]:
    """The meetings a board pack can be drawn for: the Kent Improvement Board's."""
    return Meeting.objects.filter(body__slug=BOARD).select_related("body")


def is_board_meeting(meeting: Meeting) -> bool:
    return meeting.body.slug == BOARD


def title(meeting: Meeting) -> str:
    return f"Improvement Board pack, {meeting.date:%-d %B %Y}"


def default_as_at(meeting: Meeting) -> date:
    """A pack is drawn as at its meeting's date, or today for a meeting still to come."""
    return min(meeting.date, today())


def plan_in_force(as_at: date) -> Plan | None:
    """The plan in force on the date: the latest dated on or before it (else the earliest)."""
    plans = Plan.objects.order_by("-date", "-slug")
    return plans.filter(date__lte=as_at).first() or Plan.objects.order_by("date").first()


def board_pack(*, meeting: Meeting, as_at: date) -> BoardPack:
    """Everything the pack for `meeting` shows, from the data as it stood at `as_at`."""
    plan = plan_in_force(as_at)
    board = dashboard_context(plan=plan, as_at=as_at) if plan else None
    attendance = list(meeting.attendance.select_related("lead").order_by("lead__name"))
    return BoardPack(
        meeting=meeting,
        as_at=as_at,
        plan=plan,
        agenda=list(meeting.agenda_items.order_by("order")),
        attended=[a for a in attendance if a.status == Attendance.Status.ATTENDED],
        apologies=[a for a in attendance if a.status == Attendance.Status.APOLOGIES],
        board=board,
        trend_chart=trend_chart(board) if board else "",
        exceptions=exceptions(board) if board else [],
        notices=notice_pages(board) if board else [],
        action_log=list(board_action_log(meeting=meeting)),
        sample=meeting.is_sample or bool(board and board.sample),
        previous_meeting=board.since.meeting if board else None,
    )


def trend_chart(board: Dashboard) -> str:
    """The dashboard's BRAG trend chart, the same SVG the dashboard page draws."""
    months = [(f"{m.month:%b %Y}", m.counts) for m in board.trend]
    if not months:
        return ""
    return charts.cached_svg(
        chart="brag-trend", as_at=board.as_at, data=months, draw=charts.brag_trend_svg
    )


def exceptions(board: Dashboard) -> list[Exceptions]:
    """The dashboard's exception lists, every row of each, with the latest commentary."""
    rows = board.rows
    found = {
        "overdue": [r for r in rows if r.overdue],
        "due_soon": [r for r in rows if r.due_soon],
        "red_amber": [r for r in rows if r.rating == "red"]
        + [r for r in rows if r.rating == "amber"],
        "missing": [r for r in rows if r.missing],
        "awaiting": [r for r in rows if r.verification == ProgressUpdate.Verification.PENDING],
        "returned": [r for r in rows if r.verification == ProgressUpdate.Verification.RETURNED],
        "moved": [m.row for m in board.since.dates_moved],
    }
    return [Exceptions(e.key, e.title, found[e.key]) for e in board.exceptions if e.key in found]


def notice_pages(board: Dashboard) -> list[NoticePages]:
    """A page per notice target: its indicators with their charts and figures."""
    return [
        NoticePages(
            n.notice,
            [
                TargetPage(tp.target, [_indicator_page(p) for p in tp.indicators])
                for tp in n.targets
            ],
        )
        for n in board.notices
    ]


def _indicator_page(progress: IndicatorProgress) -> IndicatorPage:
    svg = indicator_charts.indicator_chart(progress) if progress.readings else ""
    return IndicatorPage(progress, svg, figures(progress))
