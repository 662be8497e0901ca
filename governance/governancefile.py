"""The format of fixtures/reference/governance.yaml."""

from kentplan.datafile import DATE, TEXT, TEXTS, Schema

GOVERNANCE_FILE = Schema(
    keys={
        "file": {
            "bodies": (list, "body"),
            "meetings": (list, "meeting"),
            "signoffs": (list, "signoff"),
        },
        "body": {
            "slug": TEXT,
            "name": TEXT,
            "kind": TEXT,
            "established": DATE,
            "meets": TEXT,
            "description": TEXT,
            "source": TEXT,
            "reports_to": TEXTS,
            "members": (list, "member"),
        },
        "member": {"name": TEXT, "role": TEXT, "capacity": TEXT, "organisation": TEXT},
        "meeting": {"body": TEXT, "date": DATE, "title": TEXT, "note": TEXT, "source": TEXT},
        "signoff": {"plan": TEXT, "signatories": (list, "signatory")},
        "signatory": {"name": TEXT, "capacity": TEXT},
    },  # fmt: skip
    required={
        "file": [],
        "body": ["slug", "name", "kind"],
        "member": ["name"],
        "meeting": ["body", "date", "title"],
        "signoff": ["plan", "signatories"],
        "signatory": ["name"],
    },
    choices={
        ("body", "kind"): {"board", "panel", "committee", "council", "partnership", "group"},
        ("member", "role"): {"chair", "co-chair", "member", "observer"},
    },
)
