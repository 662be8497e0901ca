"""A plan written out in the nested form that `import_plan` reads (fixtures/README.md).

Empty optional values are left out, so the same plan always gives the same file and
importing the export changes nothing."""

import json
from typing import Any

import yaml
from django.db.models import Prefetch

from actions.models import (
    Action,
    ActionLead,
    Measure,
    MeasureLead,
    Plan,
    PlanLead,
    PriorityLead,
)
from actions.timescale import parse_timescale


def plan_export_data(*, plan: Plan) -> dict[str, Any]:
    """The whole plan as plain data, in file order."""
    data: dict[str, Any] = {"plan": _plan(plan)}
    data["notices"] = [_notice(n) for n in plan.notices.prefetch_related("targets")]
    data["inspections"] = [
        _inspection(i) for i in plan.inspections.prefetch_related("judgements", "recommendations")
    ]
    data["leads"] = [
        _lead(pl) for pl in PlanLead.objects.filter(plan=plan).select_related("lead__organisation")
    ]
    data["core_tasks"] = [_core_task(c) for c in plan.core_tasks.all()]
    data["priorities"] = [_priority(p) for p in _priorities(plan)]
    return {key: value for key, value in data.items() if value or key == "plan"}


def plan_export_text(*, plan: Plan, fmt: str = "yaml") -> str:
    data = plan_export_data(plan=plan)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def _compact(record: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k in keep or v not in (None, "", [], False)}


def _plan(plan: Plan) -> dict[str, Any]:
    return _compact(
        {
            "slug": plan.slug,
            "title": plan.title,
            "short_title": plan.short_title,
            "status": plan.status,
            "issued": plan.issued,
            "date": plan.date,
            "predecessor": plan.predecessor.slug if plan.predecessor else None,
            "source": plan.source,
            "priority_label": plan.priority_label,
            "outcome_label": plan.outcome_label,
            "recommendations_from": (
                plan.recommendations_from.slug if plan.recommendations_from else None
            ),
            "sections": [
                _compact({"heading": s.heading, "body": s.body}) for s in plan.sections.all()
            ],
        }
    )


def _notice(notice) -> dict[str, Any]:
    return _compact(
        {
            "slug": notice.slug,
            "title": notice.title,
            "issued_by": notice.issued_by,
            "issued": notice.issued,
            "issued_precision": _month_only(notice.issued_precision),
            "issued_text": notice.issued_text,
            "targets": [
                _compact(
                    {
                        "number": t.number,
                        "title": t.title,
                        "title_by_kentplan": t.title_by_kentplan,
                        "text": t.text,
                    }
                )
                for t in notice.targets.all()
            ],
        }
    )


def _month_only(precision: str) -> str | None:
    """A precision is written only where it is a month: a day is what a date means."""
    return precision if precision == "month" else None


def _inspection(inspection) -> dict[str, Any]:
    return _compact(
        {
            "slug": inspection.slug,
            "title": inspection.title,
            "inspectorate": inspection.inspectorate,
            "kind": inspection.kind,
            "started": inspection.started,
            "started_precision": _month_only(inspection.started_precision),
            "ended": inspection.ended,
            "published": inspection.published,
            "published_precision": _month_only(inspection.published_precision),
            "source": inspection.source,
            "judgements": [
                {"aspect": j.aspect, "grade": j.grade} for j in inspection.judgements.all()
            ],
            "recommendations": [
                _compact(
                    {
                        "number": r.number,
                        "area": r.area,
                        "printed_number": r.printed_number,
                        "timeframe": r.timeframe,
                        "text": r.text,
                    }
                )
                for r in inspection.recommendations.all()
            ],
        }
    )


def _lead(plan_lead: PlanLead) -> dict[str, Any]:
    lead = plan_lead.lead
    return _compact(
        {
            "name": lead.name,
            "kind": lead.kind,
            "job_title": plan_lead.job_title,
            "job_title_by_kentplan": plan_lead.job_title_by_kentplan,
            "organisation": lead.organisation.name if lead.organisation else None,
            "in_appendix": plan_lead.in_appendix,
            "notes": plan_lead.notes,
        }
    )


def _core_task(task) -> dict[str, Any]:
    return _compact(
        {"number": task.number, "group": task.group, "text": task.text, "bullets": task.bullets}
    )


def plan_action_records(*, plan: Plan) -> dict[str, dict[str, Any]]:
    """Each action in the plan (retired ones aside) as export writes it, by ref."""
    return {
        action["ref"]: action
        for priority in _priorities(plan)
        for outcome in priority.outcomes.all()
        for action in map(_action, outcome.actions.all())
    }


def _priorities(plan: Plan):
    measures = Measure.objects.prefetch_related(
        Prefetch("measurelead_set", queryset=MeasureLead.objects.select_related("lead"))
    )
    actions = Action.objects.filter(retired_on__isnull=True).prefetch_related(
        Prefetch("actionlead_set", queryset=ActionLead.objects.select_related("lead")),
        "notice_targets",
        "recommendations",
        "core_tasks",
        "outgoing_links__to_action",
        Prefetch("measures", queryset=measures),
    )
    return plan.priorities.prefetch_related(
        Prefetch("prioritylead_set", queryset=PriorityLead.objects.select_related("lead")),
        "outcomes",
        Prefetch("outcomes__actions", queryset=actions),
    )


def _priority(priority) -> dict[str, Any]:
    return _compact(
        {
            "number": priority.number,
            "title": priority.title,
            "theme": priority.theme,
            "key_objectives": priority.key_objectives,
            "themes": priority.themes,
            "leads": [pl.lead.name for pl in priority.prioritylead_set.all()],
            "source_notes": priority.source_notes,
            "outcomes": [_outcome(o) for o in priority.outcomes.all()],
        }
    )


def _outcome(outcome) -> dict[str, Any]:
    return _compact(
        {
            "ref": outcome.ref,
            "statement": outcome.statement,
            "printed_as": outcome.printed_as,
            "source_notes": outcome.source_notes,
            "actions": [_action(a) for a in outcome.actions.all()],
        }
    )


def _action(action: Action) -> dict[str, Any]:
    parsed = parse_timescale(action.timescale)
    record = {
        "ref": action.ref,
        "text": action.text,
        "timescale": action.timescale,
        "leads": [al.lead.name for al in action.actionlead_set.all()],
        "joint_with": action.joint_with,
        "notice_targets": sorted(t.number for t in action.notice_targets.all()),
        "recommendations": sorted(r.number for r in action.recommendations.all()),
        "core_tasks": sorted(c.number for c in action.core_tasks.all()),
        "links": [
            _compact({"ref": link.to_action.ref, "wording": link.wording})
            for link in action.outgoing_links.all()
        ],
        "measures": [_measure(m) for m in action.measures.all()],
        "source_notes": action.source_notes,
        # Dates are only written where they differ from what the timescale says.
        "start": action.start_date if action.start_date != parsed.start else None,
        "due": action.due_date if action.due_date != parsed.due else None,
        "review": action.review_date if action.review_date != parsed.review else None,
    }
    return _compact(record, keep=("leads",))


def _measure(measure: Measure) -> dict[str, Any]:
    return _compact(
        {
            "text": measure.text,
            "timescale": measure.timescale,
            "leads": [ml.lead.name for ml in measure.measurelead_set.all()],
        }
    )
