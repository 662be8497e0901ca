"""Writes to the plan. Each service checks everything first and writes all or nothing."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_update_with_history

from actions import rules
from actions.models import (
    Action,
    Plan,
)
from actions.planfile import PLAN_FILE
from actions.planload import plan_write
from kentplan import clock
from kentplan.datafile import DataFileError, LineDict, Problem, parse, read_text
from targets.models import Recommendation


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
    report = None
    try:
        with transaction.atomic():
            report = _import(data, missing)
            report.dry_run = dry_run
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except (ValidationError, IntegrityError) as error:
        raise DataFileError([Problem(0, "file", f"the database refused it: {error}")]) from error
    assert report is not None  # set inside the transaction, kept through a dry run's rollback
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


def _import(data: LineDict, missing: list[Action]) -> PlanImportReport:
    today = clock.today()
    for action in missing:
        action.retired_on = today
        action.retired_reason = f"Left out of the plan file imported on {today:%-d %B %Y}."
    bulk_update_with_history(missing, Action, ["retired_on", "retired_reason"])
    removed = _removable_refs(data)
    changes = plan_write(data)
    return PlanImportReport(
        plan=changes.plan,
        added=changes.added,
        changed=changes.changed,
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
            need(link["ref"] != action["ref"], link, where, "links to itself")
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
