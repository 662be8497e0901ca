"""What a reader of a plan should know about its data: dates that cannot be read, dates
the wrong way round, duplicated text, actions that serve nothing or have no lead,
recommendations and targets that no action serves, and oddities of the source."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from actions.models import Action, ActionLead, Plan
from actions.timescale import parse_timescale
from targets.models import NoticeTarget, Recommendation


@dataclass
class Finding:
    label: str
    detail: str
    url: str = ""


@dataclass
class Check:
    title: str
    explanation: str
    findings: list[Finding] = field(default_factory=list)


def data_quality_report(*, plan: Plan) -> list[Check]:
    """Every check, in the order a reader would want them, with what each found."""
    actions = list(
        plan.actions.prefetch_related(
            Prefetch("actionlead_set", queryset=ActionLead.objects.all()),
            "notice_targets",
            "recommendations",
            "core_tasks",
        )
    )
    return [
        _undated(actions),
        _backwards(actions),
        _duplicates(actions),
        _no_cross_reference(actions),
        _no_lead(actions),
        _unserved_recommendations(plan),
        _unserved_targets(plan),
        _source_notes(actions),
    ]


def _finding(action: Action, detail: str) -> Finding:
    return Finding(action.ref, detail, action.get_absolute_url())


def _undated(actions: list[Action]) -> Check:
    check = Check(
        "Timescales with no due date that can be read",
        "The timescale is kept as written; no due date is guessed. Reminders and overdue "
        "lists cannot include these actions until a due date is recorded.",
    )
    for action in actions:
        if action.due_date is None:
            problems = parse_timescale(action.timescale).problems
            why = f" ({'; '.join(problems)})" if problems else ""
            check.findings.append(_finding(action, f"“{action.timescale or 'no timescale'}”{why}"))
    return check


def _backwards(actions: list[Action]) -> Check:
    check = Check(
        "Due before it starts",
        "The due date is earlier than the start date, or a part of the timescale ends "
        "before it begins.",
    )
    for action in actions:
        backwards = action.start_date and action.due_date and action.due_date < action.start_date
        problems = [p for p in parse_timescale(action.timescale).problems if "starts after" in p]
        if backwards or problems:
            check.findings.append(_finding(action, f"“{action.timescale}”"))
    return check


def _duplicates(actions: list[Action]) -> Check:
    check = Check(
        "Actions with the same text",
        "The plan gives two or more actions word for word the same text.",
    )
    by_text = defaultdict(list)
    for action in actions:
        by_text[" ".join(action.text.lower().split())].append(action)
    for same in by_text.values():
        if len(same) > 1:
            refs = ", ".join(a.ref for a in same)
            for action in same:
                check.findings.append(_finding(action, f"same text as {refs}"))
    return check


def _no_cross_reference(actions: list[Action]) -> Check:
    check = Check(
        "Actions that serve no target, recommendation or core task",
        "No Improvement Notice target, Ofsted recommendation or core task is marked "
        "against these actions.",
    )
    for action in actions:
        if not (
            action.notice_targets.all() or action.recommendations.all() or action.core_tasks.all()
        ):
            check.findings.append(_finding(action, action.text[:100]))
    return check


def _no_lead(actions: list[Action]) -> Check:
    check = Check("Actions with no lead", "The source names no delivery lead for these actions.")
    for action in actions:
        if not action.actionlead_set.all():
            check.findings.append(_finding(action, action.text[:100]))
    return check


def _unserved(records, title: str, explanation: str, detail) -> Check:
    check = Check(title, explanation)
    unserved = records.annotate(served=Count("actions")).filter(served=0)
    for record in unserved:
        check.findings.append(Finding(record.code, detail(record), record.get_absolute_url()))
    return check


def _unserved_recommendations(plan: Plan) -> Check:
    return _unserved(
        Recommendation.objects.filter(inspection__plans=plan).select_related("inspection"),
        "Recommendations no action serves",
        "Recommendations of the inspections this plan answers that no action in any plan is "
        "marked against.",
        lambda r: r.text[:100],
    )


def _unserved_targets(plan: Plan) -> Check:
    return _unserved(
        NoticeTarget.objects.filter(notice__plans=plan).select_related("notice"),
        "Improvement Notice targets no action serves",
        "Targets of the notices this plan answers that no action in any plan is marked against.",
        lambda t: t.title,
    )


def _source_notes(actions: list[Action]) -> Check:
    check = Check(
        "Oddities of the source document",
        "What the transcription recorded about the printed plan itself.",
    )
    for action in actions:
        if action.source_notes:
            check.findings.append(_finding(action, action.source_notes))
    return check
