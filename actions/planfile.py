"""The plan file's format (fixtures/README.md), as a schema that every import checks."""

from typing import Any

from kentplan.datafile import BOOL, DATE, NUMBER, NUMBERS, TEXT, TEXTS, Schema
from targets import referencefile

_KEYS: dict[str, dict[str, Any]] = {
    "file": {
        "plan": "plan",
        "notices": (list, "notice"),
        "inspections": (list, "inspection"),
        "leads": (list, "lead"),
        "core_tasks": (list, "core_task"),
        "priorities": (list, "priority"),
    },
    "plan": {
        "slug": TEXT, "title": TEXT, "short_title": TEXT, "status": TEXT, "issued": TEXT,
        "date": DATE, "predecessor": TEXT, "source": TEXT, "priority_label": TEXT,
        "outcome_label": TEXT, "recommendations_from": TEXT, "sections": (list, "section"),
    },
    "section": {"heading": TEXT, "body": TEXT},
    **referencefile.KEYS,
    "lead": {
        "name": TEXT, "kind": TEXT, "job_title": TEXT, "job_title_by_kentplan": BOOL,
        "organisation": TEXT,
        "in_appendix": BOOL, "notes": TEXT,
    },
    "core_task": {"number": NUMBER, "group": TEXT, "text": TEXT, "bullets": TEXTS},
    "priority": {
        "number": NUMBER, "title": TEXT, "theme": TEXT, "key_objectives": TEXT, "themes": TEXTS,
        "leads": TEXTS, "source_notes": TEXT, "outcomes": (list, "outcome"),
    },
    "outcome": {
        "ref": TEXT, "statement": TEXT, "printed_as": TEXT, "source_notes": TEXT,
        "actions": (list, "action"),
    },
    "action": {
        "ref": TEXT, "text": TEXT, "timescale": TEXT, "leads": TEXTS, "joint_with": TEXTS,
        "notice_targets": NUMBERS, "recommendations": NUMBERS, "core_tasks": NUMBERS,
        "links": (list, "link"), "measures": (list, "measure"), "source_notes": TEXT,
        "start": DATE, "due": DATE, "review": DATE,
    },
    "link": {"ref": TEXT, "wording": TEXT},
    "measure": {"text": TEXT, "timescale": TEXT, "leads": TEXTS},
}  # fmt: skip

_REQUIRED = {
    "file": ["plan"],
    "plan": ["slug", "title", "short_title"],
    "section": ["heading"],
    **referencefile.REQUIRED,
    "lead": ["name"],
    "core_task": ["number", "text"],
    "priority": ["number", "title"],
    "outcome": ["ref", "statement"],
    "action": ["ref", "text"],
    "link": ["ref"],
    "measure": ["text"],
}

_CHOICES = {
    ("lead", "kind"): {"person", "role"},
    **referencefile.CHOICES,
    ("action", "joint_with"): {"Partners", "Health", "Schools"},
}  # fmt: skip


PLAN_FILE = Schema(keys=_KEYS, required=_REQUIRED, choices=_CHOICES)
