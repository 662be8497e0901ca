"""The format of the records this app owns, as they appear in data files: inspections
and notices (also inside plan files) and indicators (in fixtures/reference/)."""

from typing import Any

from kentplan.datafile import BOOL, DATE, DECIMAL, NUMBER, NUMBERS, TEXT, Schema

KEYS: dict[str, dict[str, Any]] = {
    "notice": {
        "slug": TEXT, "title": TEXT, "issued_by": TEXT, "issued": DATE, "issued_precision": TEXT,
        "issued_text": TEXT,
        "targets": (list, "notice_target"),
    },
    "notice_target": {
        "number": NUMBER, "title": TEXT, "title_by_kentplan": BOOL, "text": TEXT,
    },
    "inspection": {
        "slug": TEXT, "title": TEXT, "inspectorate": TEXT, "kind": TEXT, "started": DATE,
        "started_precision": TEXT,
        "ended": DATE, "published": DATE, "published_precision": TEXT, "source": TEXT,
        "judgements": (list, "judgement"),
        "recommendations": (list, "recommendation"),
    },
    "judgement": {"aspect": TEXT, "grade": TEXT},
    "recommendation": {
        "number": NUMBER, "area": TEXT, "printed_number": NUMBER, "timeframe": TEXT, "text": TEXT,
    },
    "indicator": {
        "slug": TEXT, "name": TEXT, "unit": TEXT, "polarity": TEXT, "description": TEXT,
        "baseline": "reading", "target": "reading", "notice": TEXT, "notice_targets": NUMBERS,
        "measurements": (list, "reading"), "trajectory": (list, "reading"), "is_sample": BOOL,
    },
    "reading": {
        "value": DECIMAL, "date": DATE, "date_precision": TEXT, "note": TEXT, "source": TEXT,
    },
}  # fmt: skip

REQUIRED = {
    "notice": ["slug", "title"],
    "notice_target": ["number", "title", "text"],
    "inspection": ["slug", "title"],
    "judgement": ["aspect", "grade"],
    "recommendation": ["number", "text"],
    "indicator": ["slug", "name", "unit", "polarity"],
    "reading": [],
}

PRECISIONS = {"day", "month"}

CHOICES = {
    ("inspection", "kind"): {"", "announced", "unannounced", "thematic"},
    ("inspection", "started_precision"): PRECISIONS,
    ("inspection", "published_precision"): PRECISIONS,
    ("notice", "issued_precision"): PRECISIONS,
    ("reading", "date_precision"): PRECISIONS,
    ("recommendation", "timeframe"): {
        "", "immediately", "within three months", "within six months",
    },
    ("indicator", "unit"): {"count", "percent", "points", "days"},
    ("indicator", "polarity"): {"lower", "higher"},
}  # fmt: skip

REFERENCE_FILE = Schema(
    keys={
        "file": {"inspections": (list, "inspection"), "indicators": (list, "indicator")},
        **KEYS,
    },
    required={"file": [], **REQUIRED},
    choices=CHOICES,
)
