"""Writes to the plan. Each service checks everything first and writes all or nothing."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from actions import rules
from actions.models import (
    Action,
    ActionLead,
    ActionLink,
    Lead,
    Measure,
    MeasureLead,
    Organisation,
    Outcome,
    Plan,
    PlanLead,
    PriorityLead,
)
from actions.planexport import plan_action_records
from actions.planfile import PLAN_FILE
from actions.timescale import parse_timescale
from kentplan import clock
from kentplan.datafile import DataFileError, LineDict, Problem, parse, read_text
from targets.models import Inspection, NoticeTarget, Recommendation
from targets.services import inspection_write, notice_write, upsert

JOINT_FIELDS = {
    "Partners": "joint_with_partners",
    "Health": "joint_with_health",
    "Schools": "joint_with_schools",
}


@dataclass
class PlanImportReport:
    """What an import did (or, in a dry run, would do), by action ref."""

    plan: Plan
    dry_run: bool = False
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class _DryRun(Exception):
    """Raised inside the import's transaction to roll a dry run back."""


def plan_import_text(*, text: str) -> Plan:
    """Import a plan file's text (YAML or JSON); raises DataFileError saying what is wrong."""
    return plan_import(text=text).plan


def plan_import(
    *, text: str, retire_missing: bool = False, dry_run: bool = False
) -> PlanImportReport:
    """Import a plan file's text. An action left out of the file is deleted only if it has
    no progress; one with progress is refused, or kept as retired if `retire_missing`.
    A dry run does everything, reports it, and rolls it all back."""
    data = parse(text)
    problems = PLAN_FILE.check(data) or _check_references(data)
    if problems:
        raise DataFileError(problems)
    existing = Plan.objects.filter(slug=data["plan"]["slug"]).first()
    missing = _missing_actions_with_progress(existing, data)
    if missing and not retire_missing:
        raise DataFileError([_missing_problem(missing)])
    before = plan_action_records(plan=existing) if existing else {}
    report = None
    try:
        with transaction.atomic():
            report = _import(data, missing, before)
            report.dry_run = dry_run
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except (ValidationError, IntegrityError) as error:
        raise DataFileError([Problem(0, "file", f"the database refused it: {error}")]) from error
    return report


def _missing_actions_with_progress(plan: Plan | None, data: LineDict) -> list[Action]:
    if plan is None:
        return []
    refs = {action["ref"] for _, action in _actions(data)}
    return list(
        plan.actions.filter(retired_on__isnull=True, updates__isnull=False)
        .exclude(ref__in=refs)
        .distinct()
    )


def _missing_problem(actions: list[Action]) -> Problem:
    refs = ", ".join(a.ref for a in actions)
    return Problem(
        0,
        "file",
        f"actions {refs} have progress updates but are not in the file. Nothing was changed. "
        "Check their refs, or import with --retire-missing to keep them as retired actions",
    )


def _import(data: LineDict, missing: list[Action], before: dict) -> PlanImportReport:
    today = clock.today()
    for action in missing:
        action.retired_on = today
        action.retired_reason = f"Left out of the plan file imported on {today:%-d %B %Y}."
        action.full_clean()
        action.save()
    removed = _removable_refs(data)
    plan = _write_plan(data)
    after = plan_action_records(plan=plan)
    return PlanImportReport(
        plan=plan,
        added=[ref for ref in after if ref not in before],
        changed=[ref for ref in after if ref in before and after[ref] != before[ref]],
        retired=[a.ref for a in missing],
        removed=removed,
    )


def _removable_refs(data: LineDict) -> list[str]:
    plan = Plan.objects.filter(slug=data["plan"]["slug"]).first()
    if plan is None:
        return []
    refs = {action["ref"] for _, action in _actions(data)}
    gone = plan.actions.filter(retired_on__isnull=True).exclude(ref__in=refs)
    return list(gone.values_list("ref", flat=True))


def _check_references(data: LineDict) -> list[Problem]:
    """Names and numbers the file uses must be defined in the file (or the database)."""
    problems: list[Problem] = []
    plan = data["plan"]
    leads = {lead["name"] for lead in data.get("leads") or []}
    refs = Counter(a["ref"] for _, a in _actions(data))
    targets = {t["number"] for n in (data.get("notices") or [])[:1] for t in n.get("targets") or []}
    core_tasks = {c["number"] for c in data.get("core_tasks") or []}
    recommendations = _recommendation_numbers(data)

    def need(found: bool, record: LineDict, where: str, message: str) -> None:
        if not found:
            problems.append(Problem(record.line, where, message))

    predecessor = plan.get("predecessor")
    if predecessor:
        need(
            Plan.objects.filter(slug=predecessor).exists(),
            plan,
            "plan.predecessor",
            f"the plan it follows, '{predecessor}', is not loaded; import that plan first",
        )
    for priority in data.get("priorities") or []:
        for name in priority.get("leads") or []:
            where = f"priority {priority['number']}"
            need(name in leads, priority, where, f"names lead '{name}', who is not under 'leads'")
    for outcome, action in _actions(data):
        where = f"action {action['ref']}"
        need(
            action["ref"].startswith(str(outcome["ref"]) + "."),
            action,
            where,
            f"its ref does not start with its outcome's ref {outcome['ref']}",
        )
        need(refs[action["ref"]] == 1, action, where, "this ref is used more than once")
        for name in _all_lead_names(action):
            need(name in leads, action, where, f"names lead '{name}', who is not under 'leads'")
        for number in action.get("notice_targets") or []:
            need(number in targets, action, where, f"IN {number} is not a target of the notice")
        for number in action.get("core_tasks") or []:
            need(number in core_tasks, action, where, f"CT {number} is not under 'core_tasks'")
        for number in action.get("recommendations") or []:
            need(
                number in recommendations,
                action,
                where,
                f"O {number} is not a recommendation of '{plan.get('recommendations_from')}'",
            )
        for link in action.get("links") or []:
            need(
                link["ref"] in refs,
                link,
                where,
                f"links to {link['ref']}, which is not in the plan",
            )
    return problems


def _recommendation_numbers(data: LineDict) -> set[int]:
    slug = data["plan"].get("recommendations_from")
    for inspection in data.get("inspections") or []:
        if inspection["slug"] == slug:
            return {r["number"] for r in inspection.get("recommendations") or []}
    return set(
        Recommendation.objects.filter(inspection__slug=slug).values_list("number", flat=True)
    )


def _actions(data: LineDict):
    for priority in data.get("priorities") or []:
        for outcome in priority.get("outcomes") or []:
            for action in outcome.get("actions") or []:
                yield outcome, action


def _all_lead_names(action: LineDict) -> list[str]:
    names = list(action.get("leads") or [])
    for measure in action.get("measures") or []:
        names.extend(measure.get("leads") or [])
    return names


def _write_plan(data: LineDict) -> Plan:
    notices = [notice_write(record=n) for n in data.get("notices") or []]
    inspections = [inspection_write(record=i) for i in data.get("inspections") or []]
    plan = _write_plan_record(data["plan"])
    _set_m2m(plan.notices, notices)
    _set_m2m(plan.inspections, inspections)
    leads = _write_leads(plan, data.get("leads") or [])
    core_tasks = _write_children(
        plan.core_tasks, "number", data.get("core_tasks") or [], _core_task_values
    )
    _write_children(
        plan.sections, "order", _numbered(data["plan"].get("sections")), _section_values
    )
    _write_priorities(plan, data.get("priorities") or [], leads, core_tasks)
    return plan


def _set_m2m(manager, objects) -> None:
    wanted = {obj.pk for obj in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(objects)


def _write_children(manager, key: str, records: list, values_of, keep=None) -> dict:
    """Make the children of one parent exactly those listed, keyed by `key`, but never
    delete those matching `keep`."""
    kept = {}
    for record in records:
        lookup = {manager.field.name: manager.instance, key: record[key]}
        kept[record[key]] = upsert(manager.model, lookup, values_of(record))
    unlisted = manager.exclude(**{f"{key}__in": list(kept)})
    if keep is not None:
        unlisted = unlisted.exclude(keep)
    unlisted.delete()
    return kept


def _numbered(records: list | None) -> list[dict]:
    return [{"order": index, **record} for index, record in enumerate(records or [], start=1)]


def _write_plan_record(record: LineDict) -> Plan:
    predecessor = record.get("predecessor")
    source_inspection = record.get("recommendations_from")
    return upsert(
        Plan,
        {"slug": record["slug"]},
        {
            "title": record["title"],
            "short_title": record["short_title"],
            "status": record.get("status", ""),
            "issued": str(record.get("issued", "")),
            "date": record.get("date"),
            "predecessor": Plan.objects.get(slug=predecessor) if predecessor else None,
            "source": record.get("source", ""),
            "priority_label": record.get("priority_label", "Priority"),
            "outcome_label": record.get("outcome_label", "Outcome"),
            "recommendations_from": (
                Inspection.objects.get(slug=source_inspection) if source_inspection else None
            ),
        },
    )


def _write_leads(plan: Plan, records: list) -> dict[str, Lead]:
    leads = {}
    for order, record in enumerate(records, start=1):
        lead = _lead_for(record)
        upsert(
            PlanLead,
            {"plan": plan, "lead": lead},
            {
                "order": order,
                "job_title": record.get("job_title", ""),
                "job_title_by_kentplan": record.get("job_title_by_kentplan", False),
                "in_appendix": record.get("in_appendix", False),
                "notes": record.get("notes", ""),
            },
        )
        leads[lead.name] = lead
    PlanLead.objects.filter(plan=plan).exclude(lead__in=leads.values()).delete()
    return leads


def _lead_for(record: LineDict) -> Lead:
    return lead_get_or_create(
        name=record["name"],
        kind=record.get("kind", Lead.Kind.PERSON),
        job_title=record.get("job_title", ""),
        organisation=record.get("organisation"),
    )


def lead_get_or_create(
    *,
    name: str,
    kind: str = Lead.Kind.PERSON,
    job_title: str = "",
    organisation: str | None = None,
) -> Lead:
    """The lead of that name. A new one takes these details; an existing one keeps its own,
    so that loading one plan never rewrites what another plan or an officer recorded."""
    lead = Lead.objects.filter(name=name).first()
    if lead is not None:
        return lead
    org = Organisation.objects.get_or_create(name=organisation)[0] if organisation else None
    lead = Lead(
        name=name,
        slug=_free_slug(name),
        kind=kind,
        job_title=job_title,
        organisation=org,
    )
    lead.full_clean()
    lead.save()
    return lead


def _free_slug(name: str) -> str:
    base = slugify(name) or "lead"
    slug, n = base, 1
    while Lead.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _core_task_values(record: LineDict) -> dict:
    return {
        "group": record.get("group", ""),
        "text": record["text"],
        "bullets": record.get("bullets") or [],
    }


def _section_values(record: dict) -> dict:
    return {"heading": record["heading"], "body": record.get("body") or ""}


def _write_priorities(plan: Plan, records: list, leads: dict, core_tasks: dict) -> None:
    holds_retired = Q(outcomes__actions__retired_on__isnull=False)
    priorities = _write_children(
        plan.priorities, "number", records, _priority_values, keep=holds_retired
    )
    outcome_refs, action_refs = [], []
    for record in records:
        priority = priorities[record["number"]]
        names = record.get("leads") or []
        _write_ordered_leads(PriorityLead, "priority", priority, [leads[n] for n in names])
        for outcome_record in record.get("outcomes") or []:
            outcome = upsert(
                Outcome,
                {"plan": plan, "ref": str(outcome_record["ref"])},
                {
                    "priority": priority,
                    "statement": outcome_record["statement"],
                    "source_notes": outcome_record.get("source_notes", ""),
                },
            )
            outcome_refs.append(outcome.ref)
            for action_record in outcome_record.get("actions") or []:
                _write_action(plan, outcome, action_record, leads, core_tasks)
                action_refs.append(action_record["ref"])
    plan.actions.exclude(ref__in=action_refs).filter(retired_on__isnull=True).delete()
    plan.outcomes.exclude(ref__in=outcome_refs).exclude(actions__retired_on__isnull=False).delete()
    _write_links(plan, records)


def _priority_values(record: LineDict) -> dict:
    return {
        "title": record["title"],
        "theme": record.get("theme", ""),
        "key_objectives": record.get("key_objectives", ""),
        "themes": record.get("themes") or [],
        "source_notes": record.get("source_notes", ""),
    }


def _write_action(plan, outcome, record: LineDict, leads: dict, core_tasks: dict) -> Action:
    timescale = record.get("timescale", "")
    dates = parse_timescale(timescale)
    joint = set(record.get("joint_with") or [])
    action = upsert(
        Action,
        {"plan": plan, "ref": record["ref"]},
        {
            "outcome": outcome,
            "text": record["text"],
            "timescale": timescale,
            "start_date": record.get("start", dates.start),
            "due_date": record.get("due", dates.due),
            "review_date": record.get("review", dates.review),
            "source_notes": record.get("source_notes", ""),
            "retired_on": None,  # an action back in the file is back in the plan
            **{flag: name in joint for name, flag in JOINT_FIELDS.items()},
        },
    )
    _write_ordered_leads(ActionLead, "action", action, [leads[n] for n in record["leads"]])
    _set_m2m(action.notice_targets, _notice_targets(plan, record.get("notice_targets")))
    _set_m2m(action.recommendations, _recommendations(plan, record.get("recommendations")))
    _set_m2m(action.core_tasks, [core_tasks[n] for n in record.get("core_tasks") or []])
    _write_measures(action, record.get("measures") or [], leads)
    return action


def _write_ordered_leads(through, owner_field: str, owner, leads: list[Lead]) -> None:
    for order, lead in enumerate(leads, start=1):
        upsert(through, {owner_field: owner, "lead": lead}, {"order": order})
    through.objects.filter(**{owner_field: owner}).exclude(lead__in=leads).delete()


def _notice_targets(plan: Plan, numbers: list | None) -> list[NoticeTarget]:
    if not numbers:
        return []
    return list(NoticeTarget.objects.filter(notice__in=plan.notices.all()[:1], number__in=numbers))


def _recommendations(plan: Plan, numbers: list | None) -> list[Recommendation]:
    if not numbers:
        return []
    return list(
        Recommendation.objects.filter(inspection=plan.recommendations_from, number__in=numbers)
    )


def _write_measures(action: Action, records: list, leads: dict) -> None:
    for order, record in enumerate(records, start=1):
        timescale = record.get("timescale", "")
        dates = parse_timescale(timescale)
        measure = upsert(
            Measure,
            {"action": action, "order": order},
            {
                "text": record["text"],
                "timescale": timescale,
                "start_date": dates.start,
                "due_date": dates.due,
            },
        )
        names = record.get("leads") or []
        _write_ordered_leads(MeasureLead, "measure", measure, [leads[n] for n in names])
    action.measures.filter(order__gt=len(records)).delete()


def _write_links(plan: Plan, records: list) -> None:
    by_ref = {action.ref: action for action in plan.actions.all()}
    wanted: dict[tuple[str, str], str] = {}
    for priority in records:
        for outcome in priority.get("outcomes") or []:
            for action in outcome.get("actions") or []:
                for link in action.get("links") or []:
                    wanted.setdefault((action["ref"], link["ref"]), link.get("wording", ""))
    for (source, target), wording in wanted.items():
        upsert(
            ActionLink,
            {"from_action": by_ref[source], "to_action": by_ref[target]},
            {"wording": wording},
        )
    for link in ActionLink.objects.filter(from_action__plan=plan).select_related(
        "from_action", "to_action"
    ):
        if (link.from_action.ref, link.to_action.ref) not in wanted:
            link.delete()


def plan_import_file(
    *, path: str, retire_missing: bool = False, dry_run: bool = False
) -> PlanImportReport:
    """Import a plan file from disk; see plan_import."""
    return plan_import(text=read_text(path), retire_missing=retire_missing, dry_run=dry_run)


# Apps whose records the Administrator group manages in the admin, with users and groups.
ADMINISTERED_APPS = ["actions", "targets", "governance", "reports", "auth"]


def roles_ensure() -> dict[str, int]:
    """The role groups exist, and the Administrator group holds every admin permission of
    the plan's records and of users and groups (what its name promises). Safe to repeat."""
    with transaction.atomic():
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in rules.ROLES}
        admin_perms = Permission.objects.filter(content_type__app_label__in=ADMINISTERED_APPS)
        groups[rules.ADMINISTRATOR].permissions.set(admin_perms)
    return {"roles": len(groups), "administrator permissions": admin_perms.count()}
