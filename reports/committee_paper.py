"""A committee paper in the council's format (seeds 002, 003, 004): the narrative as
democratic services wrote it, with the progress and performance paragraphs drawn from
the data as at the paper's date. Every figure in a generated sentence comes from a
reading or an update; none is typed by hand."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from actions.models import Action, Plan, ProgressUpdate
from governance.models import CommitteePaper, Meeting, PaperSection
from targets.models import Indicator, Measurement

# What the paper is drawn from: a change to any of these is a new version of the paper.
SOURCE_MODELS = [CommitteePaper, PaperSection, Meeting, Action, ProgressUpdate, Indicator,
                 Measurement]  # fmt: skip
PROGRESS, PERFORMANCE = "[progress]", "[performance]"
BULLET = re.compile(r"^\s*[-•*]\s+")


@dataclass
class Paragraph:
    text: str
    bullets: list[str] = field(default_factory=list)
    number: int | None = None  # (1), (2) … when the section has more than one paragraph
    from_data: bool = False


@dataclass
class Section:
    number: int
    heading: str
    paragraphs: list[Paragraph]


@dataclass
class CommitteePaperContext:
    paper: CommitteePaper
    as_at: date
    by_lines: list[str]
    to: str
    subject: str
    classification: str
    summary: str
    sections: list[Section]
    contact: list[str]
    contact_email: str
    background_documents: str
    uses_sample_data: bool


def committee_paper(paper: CommitteePaper, as_at: date | None = None) -> CommitteePaperContext:
    """The paper as it reads as at `as_at` (by default the paper's own date)."""
    as_at = as_at or paper.as_at
    generated = {
        PROGRESS: progress_paragraph(plan=paper.plan, since=paper.previous_paper_date, as_at=as_at),
        PERFORMANCE: performance_paragraph(
            indicators=list(paper.indicators.all()), since=paper.readings_from, as_at=as_at
        ),
    }
    sections = [(s.heading, s.body) for s in paper.sections.all()]
    sections.append(("Recommendations", paper.recommendations))
    numbered = [
        Section(n, heading, _paragraphs(body, generated))
        for n, (heading, body) in enumerate(sections, start=1)
    ]
    return CommitteePaperContext(
        paper=paper,
        as_at=as_at,
        by_lines=[line.strip() for line in paper.by.splitlines() if line.strip()],
        to=paper.to_line,
        subject=paper.subject,
        classification=paper.classification,
        summary=paper.summary,
        sections=numbered,
        contact=[v for v in (paper.contact_name, paper.contact_title, paper.contact_phone) if v],
        contact_email=paper.contact_email,
        background_documents=paper.background_documents,
        uses_sample_data=any(SAMPLE in b for p in generated.values() for b in p.bullets),
    )


def _paragraphs(body: str, generated: dict[str, Paragraph]) -> list[Paragraph]:
    """Blank lines part paragraphs; '- ' lines are bullets of the paragraph above."""
    paragraphs: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", body.strip()):
        if block.strip() in generated:
            paragraphs.append(generated[block.strip()])
            continue
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        text = " ".join(line for line in lines if not BULLET.match(line))
        bullets = [BULLET.sub("", line) for line in lines if BULLET.match(line)]
        if not text and paragraphs and not paragraphs[-1].from_data:
            paragraphs[-1].bullets += bullets
        elif text or bullets:
            paragraphs.append(Paragraph(text, bullets))
    if len(paragraphs) > 1:
        for number, paragraph in enumerate(paragraphs, start=1):
            paragraph.number = number
    return paragraphs


# Progress since the previous paper, from the leads' updates ------------------------------

SAMPLE = "(sample data)"


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=timezone.get_current_timezone())


def progress_paragraph(*, plan: Plan, since: date | None, as_at: date) -> Paragraph:
    """Actions completed and verified, re-dated since the previous paper; at risk as at now."""
    start, end = (_end_of(since) if since else None), _end_of(as_at)
    # The updates as the history holds them at the end of the as-at day: a later
    # correction does not change what an earlier paper says.
    updates = list(
        ProgressUpdate.history.as_of(end)
        .filter(action__plan=plan, submitted_at__lte=end)
        .select_related("action", "period")
        .order_by("action__sort_key", "period__month")
    )

    def in_window(moment: datetime | None) -> bool:
        return bool(moment and moment <= end and (start is None or moment > start))

    done = [u for u in updates if u.verification == "verified" and in_window(u.verified_at)]
    redated = [u for u in updates if u.revised_due_date and in_window(u.submitted_at)]
    latest = {u.action_id: u for u in updates}.values()  # ordered by month: the last wins
    at_risk = [u for u in latest if u.status == ProgressUpdate.Status.AT_RISK]
    off_track = [u for u in latest if u.status == ProgressUpdate.Status.OFF_TRACK]
    lead_in = (
        f"Since the previous paper on {since:%-d %B %Y}, the leads’ updates show:"
        if since
        else f"As at {as_at:%-d %B %Y}, the leads’ updates show:"
    )
    bullets = [
        _count_line(done, "completed and verified"),
        _count_line(_one_per_action(redated), "re-dated", dates=True),
        _count_line(at_risk, f"at risk as at {as_at:%-d %B %Y}", is_state=True),
        _count_line(off_track, f"off track as at {as_at:%-d %B %Y}", is_state=True),
    ]
    return Paragraph(lead_in, bullets, from_data=True)


def _one_per_action(updates: list[ProgressUpdate]) -> list[ProgressUpdate]:
    return list({u.action_id: u for u in updates}.values())


def _count_line(updates: list[ProgressUpdate], what: str, *, is_state: bool = False,
                dates: bool = False) -> str:  # fmt: skip
    """'3 actions have been re-dated: …' / 'No action is at risk …', counted from the updates."""
    n = len(updates)
    if is_state:
        verb = "action is" if n <= 1 else "actions are"
    else:
        verb = "action has been" if n <= 1 else "actions have been"
    refs = ", ".join(
        f"{u.action.ref} (to {u.revised_due_date:%-d %B %Y})" if dates else u.action.ref
        for u in updates
    )
    line = f"{n:,} {verb} {what}" if n else f"No {verb} {what}"
    line = f"{line}: {refs}" if refs else line
    return f"{line} {SAMPLE}" if any(u.is_sample for u in updates) else line


# Impact on performance, from the indicators' readings ------------------------------------


def performance_paragraph(
    *, indicators: list[Indicator], since: date | None, as_at: date
) -> Paragraph:
    """One sentence per indicator: its reading at `since` against its latest as at `as_at`."""
    readings = Measurement.objects.filter(indicator__in=indicators, date__lte=as_at).order_by(
        "date"
    )
    by_indicator: dict[int, list[Measurement]] = {}
    for reading in readings:
        by_indicator.setdefault(reading.indicator_id, []).append(reading)
    pairs = [(i, _pair(by_indicator.get(i.pk, []), since)) for i in sorted(indicators, key=_pk)]
    bullets = [_reading_line(i, first, last, as_at) for i, (first, last) in pairs]
    dated = [(first or last) for _, (first, last) in pairs if last]
    if dated:
        begin, finish = min(r.date for r in dated), max(last.date for _, (_, last) in pairs if last)
        lead_in = f"Between {begin:%B %Y} and {finish:%B %Y} we have:"
    else:
        lead_in = f"As at {as_at:%-d %B %Y}:"
    return Paragraph(lead_in, bullets, from_data=True)


def _pk(indicator: Indicator) -> int:
    return indicator.pk


def _pair(readings: list[Measurement], since: date | None):
    """The reading to compare from (the last on or before `since`, else the first), the latest."""
    if not readings:
        return None, None
    before = [r for r in readings if since and r.date <= since]
    first = before[-1] if before else readings[0]
    return first, readings[-1]


def _reading_line(indicator: Indicator, first, last, as_at: date) -> str:
    name = _lower_first(indicator.name)
    if last is None:
        return f"No reading of {name} is recorded by {as_at:%-d %B %Y}"
    if first.date == last.date:
        line = f"Recorded {name} at {_figure(indicator, last.value)} ({last.date:%B %Y})"
    elif last.value == first.value:
        line = f"Held {name} at {_figure(indicator, last.value)}"
    else:
        verb = "Reduced" if last.value < first.value else "Increased"
        before, after = _figure(indicator, first.value), _figure(indicator, last.value)
        line = f"{verb} {name} from {before} to {after}"
    return f"{line} {SAMPLE}" if first.is_sample or last.is_sample else line


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _figure(indicator: Indicator, value: Decimal) -> str:
    number = value.normalize()
    text = f"{int(number):,}" if number == number.to_integral() else f"{number:,f}"
    suffixed: dict[str, str] = {
        Indicator.Unit.PERCENT: f"{text}%",
        Indicator.Unit.POINTS: f"{text} points",
        Indicator.Unit.DAYS: f"{text} days",
    }
    return suffixed.get(indicator.unit, text)
