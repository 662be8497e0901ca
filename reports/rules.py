"""Who may issue papers: democratic services and the programme office. Everyone signed
in reads the archive and previews reports."""

import rules

from actions.rules import DEMOCRATIC_SERVICES, PROGRAMME_OFFICE

can_issue = (
    rules.is_superuser
    | rules.is_group_member(DEMOCRATIC_SERVICES)
    | rules.is_group_member(PROGRAMME_OFFICE)
)

rules.add_perm("reports.issue_paper", can_issue)
rules.add_perm("reports.read_papers", rules.is_authenticated)
