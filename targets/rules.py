"""Who may change indicators: the programme office records readings. Everyone signed in
reads them (the sign-in requirement is the project's middleware)."""

import rules

PROGRAMME_OFFICE = "Programme office"

is_programme_office = rules.is_group_member(PROGRAMME_OFFICE) | rules.is_superuser

rules.add_perm("targets.record_reading", is_programme_office)
