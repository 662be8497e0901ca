"""Who may do what in governance: recording meetings, writing committee papers, signing a plan.

Roles are groups (see actions/rules.py). Everyone signed in reads."""

import rules

from actions.rules import DEMOCRATIC_SERVICES, PROGRAMME_OFFICE

is_secretariat = (
    rules.is_superuser
    | rules.is_group_member(PROGRAMME_OFFICE)
    | rules.is_group_member(DEMOCRATIC_SERVICES)
)


@rules.predicate
def is_the_signatory(user, signatory) -> bool:
    """Only the member named on the line signs it, from their own account."""
    lead = getattr(user, "lead", None) if user.is_authenticated else None
    return bool(lead and signatory and signatory.lead_id == lead.pk)


rules.add_perm("governance.record_meetings", is_secretariat)
rules.add_perm("governance.edit_papers", is_secretariat)
rules.add_perm("governance.sign_plan", is_the_signatory)


def may_sign(user, signatory) -> bool:
    """The rule itself, not has_perm: Django grants a superuser every permission, but
    nobody, a superuser included, signs for somebody else."""
    return rules.has_perm("governance.sign_plan", user, signatory)
