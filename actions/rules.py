"""Who may do what, decided here and nowhere else.

Roles are groups. What a delivery or priority lead may do depends on the action: a
delivery lead updates the actions they lead; a priority lead updates and verifies any
action in the priorities they are accountable for; the programme office does
everything on plan content. Board members and democratic services read.
"""

from collections.abc import Callable

import rules

from actions.selectors_progress import live_plans
from kentplan.clock import today

DELIVERY_LEAD = "Delivery lead"
PRIORITY_LEAD = "Priority lead"
PROGRAMME_OFFICE = "Programme office"
BOARD_MEMBER = "Board member"
DEMOCRATIC_SERVICES = "Democratic services"
ADMINISTRATOR = "Administrator"
ROLES = [DELIVERY_LEAD, PRIORITY_LEAD, PROGRAMME_OFFICE, BOARD_MEMBER, DEMOCRATIC_SERVICES,
         ADMINISTRATOR]  # fmt: skip


def _lead_id(user) -> int | None:
    lead = getattr(user, "lead", None) if user.is_authenticated else None
    return lead.pk if lead else None


@rules.predicate
def leads_the_action(user, action) -> bool:
    lead_id = _lead_id(user)
    return bool(
        lead_id and action and lead_id in {al.lead_id for al in action.actionlead_set.all()}
    )


def _once(action, key: tuple, work: Callable[[], bool]) -> bool:
    """Worked out once for this action object (which lives for one request): a page asks
    several rights of one action (may update, may verify), and each would ask the database
    the same question. The key holds what the answer depends on (its plan, its outcome)."""
    found = action.__dict__.setdefault("_rules_found", {})
    if key not in found:
        found[key] = work()
    return found[key]


@rules.predicate
def accountable_for_the_action(user, action) -> bool:
    lead_id = _lead_id(user)
    if not (lead_id and action):
        return False
    return _once(
        action,
        ("accountable", lead_id, action.outcome_id),
        lambda: action.outcome.priority.prioritylead_set.filter(lead_id=lead_id).exists(),
    )


@rules.predicate
def in_a_live_plan(user, action) -> bool:
    """Only plans in force ask for updates: a superseded plan is read-only."""
    if not action:
        return False
    day = today()
    return _once(
        action,
        ("live", day, action.plan_id),
        lambda: live_plans(today=day).filter(pk=action.plan_id).exists(),
    )


@rules.predicate
def still_live(user, action) -> bool:
    """A retired action keeps its history and updates, and takes no more."""
    return bool(action) and action.retired_on is None


is_programme_office = rules.is_group_member(PROGRAMME_OFFICE) | rules.is_superuser
is_administrator = rules.is_group_member(ADMINISTRATOR) | rules.is_superuser
# Rights follow the role as well as the lead link: a board member linked to a lead reads.
# rules annotates is_group_member as returning a plain callable; it returns a Predicate.
in_a_lead_role = rules.is_group_member(DELIVERY_LEAD) | rules.is_group_member(PRIORITY_LEAD)  # type: ignore[operator]
in_a_verifier_role = rules.is_group_member(PRIORITY_LEAD)

rules.add_perm(
    "actions.update_action",
    in_a_live_plan
    & still_live
    & ((in_a_lead_role & (leads_the_action | accountable_for_the_action)) | is_programme_office),
)
rules.add_perm(
    "actions.verify_action",
    # The role first: a reader's check then costs no query about the plan.
    ((in_a_verifier_role & accountable_for_the_action) | is_programme_office) & in_a_live_plan,
)
rules.add_perm("actions.verify_some_action", in_a_verifier_role | is_programme_office)
rules.add_perm("actions.edit_plan", is_programme_office | is_administrator)
rules.add_perm("actions.manage_periods", is_programme_office)
rules.add_perm("actions.view_plan", rules.is_authenticated)
# Evidence may hold personal data: the action's own leads, its priority's leads, the
# programme office and the board may read it (each download is logged).
rules.add_perm(
    "actions.view_evidence",
    leads_the_action
    | accountable_for_the_action
    | is_programme_office
    | is_administrator
    | rules.is_group_member(BOARD_MEMBER),
)
