"""Writing a checked plan file to the database in bulk.

Each kind of record (priorities, outcomes, actions, measures, their leads, links and
cross-references) is read in one query, compared with the file in memory and written in a
few, so an import runs about the same number of queries however many actions the plan has.
Rows the file no longer lists are deleted last, once every row it does list has its parent,
so an action moved to another outcome keeps its identity and its history."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.text import slugify

from actions.models import (
    Action,
    ActionLead,
    ActionLink,
    CoreTask,
    Lead,
    Measure,
    MeasureLead,
    Organisation,
    Outcome,
    Plan,
    PlanLead,
    PlanSection,
    Priority,
    PriorityLead,
    ref_sort_key,
)
from actions.timescale import parse_timescale
from kentplan.bulk import Row, keyed, m2m_sync, sync
from kentplan.datafile import LineDict
from targets.models import Inspection, NoticeTarget, Recommendation
from targets.services import inspection_write, notice_write

JOINT_FIELDS = {
    "Partners": "joint_with_partners",
    "Health": "joint_with_health",
    "Schools": "joint_with_schools",
}


@dataclass
class PlanChanges:
    """Which actions an import added, and which it changed in anything export writes."""

    plan: Plan
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def plan_write(data: LineDict) -> PlanChanges:
    """Make the database hold the plan as the (checked) file gives it."""
    notices = [notice_write(record=n) for n in data.get("notices") or []]
    inspections = [inspection_write(record=i) for i in data.get("inspections") or []]
    synced = _plan_row(data["plan"])
    plan = synced.objects[data["plan"]["slug"]]
    wanted = {plan.pk: {"notices": notices, "inspections": inspections}}
    m2m_sync(Plan, {plan.pk: plan}, wanted, created=synced.created, changed=synced.changed)
    leads = _plan_leads(plan, data.get("leads") or [])
    core_tasks = _children(plan, CoreTask, "number", data.get("core_tasks") or [], _core_task)
    sections = [{"order": n, **s} for n, s in enumerate(data["plan"].get("sections") or [], 1)]
    _children(plan, PlanSection, "order", sections, _section)
    priorities = data.get("priorities") or []
    by_number = _priorities(plan, priorities)
    _ordered_leads(
        PriorityLead, "priority", PriorityLead.objects.filter(priority__plan=plan),
        [(by_number[p["number"]], p.line, f"priority {p['number']}",
          [leads[n] for n in p.get("leads") or []]) for p in priorities],
    )  # fmt: skip
    outcomes = _outcomes(plan, priorities, by_number)
    touched: set[int] = set()
    actions, added = _actions(plan, priorities, outcomes, leads, core_tasks, touched)
    _measures(plan, priorities, actions, leads, touched)
    _links(plan, priorities, actions, touched)
    _remove_unlisted(plan, priorities, outcomes, actions)
    return PlanChanges(
        plan=plan,
        added=[ref for ref in actions if ref in added],
        changed=[ref for ref, a in actions.items() if a.pk in touched and ref not in added],
    )


def _plan_row(record: LineDict):
    predecessor, source = record.get("predecessor"), record.get("recommendations_from")
    values = {
        "slug": record["slug"],
        "title": record["title"],
        "short_title": record["short_title"],
        "status": record.get("status", ""),
        "issued": str(record.get("issued", "")),
        "date": record.get("date"),
        "predecessor": Plan.objects.get(slug=predecessor) if predecessor else None,
        "source": record.get("source", ""),
        "priority_label": record.get("priority_label", "Priority"),
        "outcome_label": record.get("outcome_label", "Outcome"),
        "recommendations_from": Inspection.objects.get(slug=source) if source else None,
    }
    existing = keyed(Plan.objects.filter(slug=record["slug"]), lambda p: p.slug)
    wanted = {record["slug"]: Row(values, record.line, "plan")}
    return sync(Plan, existing, wanted, history=False)  # history once its links are set


def _plan_leads(plan: Plan, records: list) -> dict[str, Lead]:
    leads = leads_get_or_create(records)
    wanted = {
        leads[r["name"]].pk: Row(
            {
                "plan": plan,
                "lead": leads[r["name"]],
                "order": order,
                "job_title": r.get("job_title", ""),
                "job_title_by_kentplan": r.get("job_title_by_kentplan", False),
                "in_appendix": r.get("in_appendix", False),
                "notes": r.get("notes", ""),
            },
            r.line,
            f"lead {r['name']}",
        )
        for order, r in enumerate(records, start=1)
    }
    synced = sync(PlanLead, keyed(PlanLead.objects.filter(plan=plan), lambda x: x.lead_id), wanted)
    _delete(PlanLead, synced.unlisted)
    return leads


def leads_get_or_create(records: list) -> dict[str, Lead]:
    """The leads these records name, by name. New ones take the records' details; existing
    ones keep their own, so one plan never rewrites what another or an officer recorded."""
    names = [r["name"] for r in records]
    found = {lead.name: lead for lead in Lead.objects.filter(name__in=names)}
    new = [r for r in records if r["name"] not in found]
    if not new:
        return found
    organisations = _organisations({r["organisation"] for r in new if r.get("organisation")})
    taken = set(Lead.objects.values_list("slug", flat=True))
    wanted = {}
    for record in new:
        wanted[record["name"]] = Row(
            {
                "name": record["name"],
                "slug": _free_slug(record["name"], taken),
                "kind": record.get("kind", Lead.Kind.PERSON),
                "job_title": record.get("job_title", ""),
                "organisation": organisations.get(record.get("organisation")),
            },
            getattr(record, "line", 0),
            f"lead {record['name']}",
        )
    return found | sync(Lead, {}, wanted).objects


def _organisations(names: set[str]) -> dict[str, Organisation]:
    found = keyed(Organisation.objects.filter(name__in=names), lambda o: o.name)
    wanted = {name: Row({"name": name}, 0, f"organisation {name}") for name in names}
    return sync(Organisation, found, wanted).objects


def _free_slug(name: str, taken: set[str]) -> str:
    base = slugify(name) or "lead"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _children(plan: Plan, model, key: str, records: list, values_of) -> dict:
    """The plan's rows of `model` made exactly those listed, by `key`."""
    existing = keyed(model.objects.filter(plan=plan), lambda x: getattr(x, key))
    label = model._meta.verbose_name
    wanted = {
        r[key]: Row({"plan": plan, key: r[key], **values_of(r)}, getattr(r, "line", 0),
                    f"{label} {r[key]}")
        for r in records
    }  # fmt: skip
    synced = sync(model, existing, wanted)
    _delete(model, synced.unlisted)
    return synced.objects


def _core_task(record: LineDict) -> dict:
    return {
        "group": record.get("group", ""),
        "text": record["text"],
        "bullets": record.get("bullets") or [],
    }


def _section(record: dict) -> dict:
    return {"heading": record["heading"], "body": record.get("body") or ""}


def _priorities(plan: Plan, records: list) -> dict:
    existing = keyed(Priority.objects.filter(plan=plan), lambda p: p.number)
    wanted = {
        r["number"]: Row(
            {
                "plan": plan,
                "number": r["number"],
                "title": r["title"],
                "theme": r.get("theme", ""),
                "key_objectives": r.get("key_objectives", ""),
                "themes": r.get("themes") or [],
                "source_notes": r.get("source_notes", ""),
            },
            r.line,
            f"priority {r['number']}",
        )
        for r in records
    }
    return sync(Priority, existing, wanted).objects


def _ordered_leads(through, owner: str, existing_rows, wanted_leads: list) -> set:
    """Each owner's leads, in order: [(owner, line, where, [Lead, ...]), ...]."""
    existing = keyed(existing_rows, lambda x: (getattr(x, f"{owner}_id"), x.lead_id))
    wanted = {}
    for owner_row, line, where, leads in wanted_leads:
        for order, lead in enumerate(leads, start=1):
            values = {owner: owner_row, "lead": lead, "order": order}
            wanted[(owner_row.pk, lead.pk)] = Row(values, line, where)
    synced = sync(through, existing, wanted)
    _delete(through, synced.unlisted)
    return _owners(owner, synced)


def _owners(owner: str, synced) -> set:
    """The pks of the owners of the rows `sync` created, changed or found unlisted."""
    rows = synced.created + synced.changed + synced.unlisted
    return {getattr(row, f"{owner}_id") for row in rows}


def _outcomes(plan: Plan, priorities: list, by_number: dict) -> dict:
    existing = keyed(Outcome.objects.filter(plan=plan), lambda o: o.ref)
    wanted = {}
    for p in priorities:
        for r in p.get("outcomes") or []:
            ref = str(r["ref"])
            values = {
                "plan": plan,
                "ref": ref,
                "sort_key": ref_sort_key(ref),
                "priority": by_number[p["number"]],
                "statement": r["statement"],
                "printed_as": r.get("printed_as", ""),
                "source_notes": r.get("source_notes", ""),
            }
            wanted[ref] = Row(values, r.line, f"outcome {ref}")
    return sync(Outcome, existing, wanted).objects


def _action_records(priorities: list):
    for p in priorities:
        for outcome in p.get("outcomes") or []:
            for record in outcome.get("actions") or []:
                yield str(outcome["ref"]), record


def _action_values(plan: Plan, outcome: Outcome, record: LineDict) -> dict:
    timescale = record.get("timescale", "")
    dates = parse_timescale(timescale)
    joint = set(record.get("joint_with") or [])
    return {
        "plan": plan,
        "ref": record["ref"],
        "sort_key": ref_sort_key(record["ref"]),
        "outcome": outcome,
        "text": record["text"],
        "timescale": timescale,
        "start_date": record.get("start", dates.start),
        "due_date": record.get("due", dates.due),
        "review_date": record.get("review", dates.review),
        # A date the file states outright is a day; one read from "December 2011" a month.
        **{
            f"{role}_precision": "day" if role in record else dates.precision(role)
            for role in ("start", "due", "review")
        },
        "source_notes": record.get("source_notes", ""),
        "retired_on": None,  # an action back in the file is back in the plan
        **{flag: name in joint for name, flag in JOINT_FIELDS.items()},
    }


def _dates_in_order(action: Action) -> list[str]:
    """The database's rule action_start_not_after_due_unless_noted, checked in memory."""
    start, due = action.start_date, action.due_date
    if start and due and start > due and not action.source_notes:
        return [
            "the start date is after the due date. If the source plan says so, "
            "record that in the source notes"
        ]
    return []


def _actions(plan, priorities: list, outcomes: dict, leads: dict, core_tasks: dict, touched: set):
    records = {r["ref"]: r for _, r in _action_records(priorities)}
    wanted = {
        ref: Row(_action_values(plan, outcomes[outcome], r), r.line, f"action {ref}")
        for outcome, r in _action_records(priorities)
        for ref in [r["ref"]]
    }
    existing = keyed(Action.objects.filter(plan=plan), lambda a: a.ref)
    added = {ref for ref, a in existing.items() if a.retired_on is not None} | {
        ref for ref in wanted if ref not in existing
    }
    synced = sync(Action, existing, wanted, check=_dates_in_order, history=False)
    actions = synced.objects
    targets = _by_number(
        NoticeTarget.objects.filter(notice__in=plan.notices.all()[:1]) if plan.pk else []
    )
    recommendations = _by_number(
        Recommendation.objects.filter(inspection=plan.recommendations_from_id)
        if plan.recommendations_from_id
        else []
    )
    links = {
        actions[ref].pk: {
            "notice_targets": [targets[n] for n in set(r.get("notice_targets") or [])],
            "recommendations": [recommendations[n] for n in set(r.get("recommendations") or [])],
            "core_tasks": [core_tasks[n] for n in set(r.get("core_tasks") or [])],
        }
        for ref, r in records.items()
    }
    owners = {a.pk: a for a in actions.values()}
    touched |= m2m_sync(Action, owners, links, created=synced.created, changed=synced.changed)
    touched |= _ordered_leads(
        ActionLead, "action", ActionLead.objects.filter(action__plan=plan),
        [(actions[ref], r.line, f"action {ref}", [leads[n] for n in r["leads"]])
         for ref, r in records.items()],
    )  # fmt: skip
    return actions, added


def _by_number(rows) -> dict:
    return {row.number: row for row in rows}


def _measures(plan: Plan, priorities: list, actions: dict, leads: dict, touched: set) -> None:
    existing = keyed(Measure.objects.filter(action__plan=plan), lambda m: (m.action_id, m.order))
    wanted, named = {}, {}
    for _, action in _action_records(priorities):
        owner = actions[action["ref"]]
        for order, r in enumerate(action.get("measures") or [], start=1):
            timescale = r.get("timescale", "")
            dates = parse_timescale(timescale)
            values = {
                "action": owner,
                "order": order,
                "text": r["text"],
                "timescale": timescale,
                "start_date": dates.start,
                "due_date": dates.due,
            }
            where = f"action {action['ref']}, measure {order}"
            wanted[(owner.pk, order)] = Row(values, getattr(r, "line", action.line), where)
            named[(owner.pk, order)] = (wanted[(owner.pk, order)], r.get("leads") or [])
    synced = sync(Measure, existing, wanted)
    touched |= _owners("action", synced)
    action_of = {m.pk: m.action_id for m in list(existing.values()) + synced.created}
    measures = _ordered_leads(
        MeasureLead, "measure", MeasureLead.objects.filter(measure__action__plan=plan),
        [(synced.objects[key], row.line, row.where, [leads[n] for n in names])
         for key, (row, names) in named.items()],
    )  # fmt: skip
    touched |= {action_of[pk] for pk in measures}
    _delete(Measure, synced.unlisted)


def _links(plan: Plan, priorities: list, actions: dict, touched: set) -> None:
    wanted: dict = {}
    for _, action in _action_records(priorities):
        for link in action.get("links") or []:
            key = (actions[action["ref"]].pk, actions[link["ref"]].pk)
            if key not in wanted:  # the first wording given wins
                values = {
                    "from_action": actions[action["ref"]],
                    "to_action": actions[link["ref"]],
                    "wording": link.get("wording", ""),
                }
                wanted[key] = Row(values, link.line, f"action {action['ref']}")
    existing = keyed(
        ActionLink.objects.filter(from_action__plan=plan),
        lambda x: (x.from_action_id, x.to_action_id),
    )
    synced = sync(ActionLink, existing, wanted)
    touched |= _owners("from_action", synced)
    _delete(ActionLink, synced.unlisted)


def _remove_unlisted(plan: Plan, priorities: list, outcomes: dict, actions: dict) -> None:
    """Actions, outcomes and priorities the file leaves out, unless they hold a retired
    action (kept with its progress). Deleted one by one, each with its history."""
    plan.actions.exclude(ref__in=list(actions)).filter(retired_on__isnull=True).delete()
    plan.outcomes.exclude(ref__in=list(outcomes)).exclude(
        actions__retired_on__isnull=False
    ).delete()
    holds_retired = Q(outcomes__actions__retired_on__isnull=False)
    numbers = [p["number"] for p in priorities]
    plan.priorities.exclude(number__in=numbers).exclude(holds_retired).delete()


def _delete(model, rows: list) -> None:
    if rows:
        model.objects.filter(pk__in=[row.pk for row in rows]).delete()
