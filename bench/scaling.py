"""Ten times the real plan, for the benchmarks: copies of the 2011 plan made by the same
importer users use (new slugs), each with a copy of the sample progress updates."""

import re
from pathlib import Path

PLAN_FILE = (
    Path(__file__).resolve().parent.parent / "fixtures/plans/2011-putting-children-first.yaml"
)
PLAN = "putting-children-first-2011"


def copy_plan(number: int):
    """Imports the 2011 plan again as `putting-children-first-2011-copy-<number>`."""
    from actions.services import plan_import_text

    text = PLAN_FILE.read_text(encoding="utf-8")
    text = re.sub(rf"^  slug: {PLAN}$", f"  slug: {PLAN}-copy-{number}", text, count=1, flags=re.M)
    return plan_import_text(text=text)


def copy_updates(plan) -> int:
    """Gives the copied plan's actions the same updates as the real plan's (sample data)."""
    from simple_history.utils import bulk_create_with_history

    from actions.models import ProgressUpdate

    actions = {a.ref: a for a in plan.actions.all()}
    copies = []
    for update in ProgressUpdate.objects.filter(action__plan__slug=PLAN).select_related("action"):
        update.pk = None
        update.action = actions[update.action.ref]
        copies.append(update)
    bulk_create_with_history(copies, ProgressUpdate, batch_size=500)
    return len(copies)


def scale_to(times: int) -> None:
    """Makes the database hold `times` copies of the 2011 plan (the real one included)."""
    for number in range(1, times):
        copy_updates(copy_plan(number))
