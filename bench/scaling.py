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


def enlarged_plan_data(data: dict, times: int) -> dict:
    """One plan `times` the size of `data` (a plan export): its priorities repeated under
    new numbers (priority 1 of the second copy is 7, its action 1.1.1 is 7.1.1), with the
    leads, core tasks and cross-references shared. Its slug says how big it is."""
    import copy

    plan = copy.deepcopy(data)
    plan["plan"]["slug"] = f"{data['plan']['slug']}-x{times}"
    plan["plan"]["title"] += f" ({times} times)"
    plan["plan"].pop("predecessor", None)
    step = max(p["number"] for p in data["priorities"])
    plan["priorities"] = []
    for n in range(times):
        for priority in copy.deepcopy(data["priorities"]):
            old = str(priority["number"])
            priority["number"] += n * step

            def renumber(ref: str, old=old, new=str(priority["number"])) -> str:
                return new + ref[len(old) :] if ref.startswith(old + ".") else ref

            for outcome in priority.get("outcomes", []):
                outcome["ref"] = renumber(outcome["ref"])
                for action in outcome.get("actions", []):
                    action["ref"] = renumber(action["ref"])
            plan["priorities"].append(priority)
    refs = {
        a["ref"] for p in plan["priorities"] for o in p["outcomes"] for a in o.get("actions", [])
    }
    for n, priority in enumerate(plan["priorities"]):
        offset = n // len(data["priorities"]) * step
        for outcome in priority.get("outcomes", []):
            for action in outcome.get("actions", []):
                for link in action.get("links", []):
                    first, _, rest = link["ref"].partition(".")
                    moved = f"{int(first) + offset}.{rest}"
                    link["ref"] = moved if moved in refs else link["ref"]
    return plan
