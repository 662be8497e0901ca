"""The BRAG rating a progress update suggests, and the rule that produced it.

Blue = complete and verified; Red = off track or past its due date; Amber = at risk,
or late to start, or due within a month and not started; Green = otherwise.
"""

from datetime import date, timedelta

from actions.models import ProgressUpdate

Status, Rating = ProgressUpdate.Status, ProgressUpdate.Rating
DUE_SOON = timedelta(days=30)


def suggest_rating(
    *, status: str, due: date | None, start: date | None, today: date, verified: bool = False
) -> tuple[str, str]:
    """(rating, the rule that gave it, in words)."""
    if status == Status.COMPLETE:
        if verified:
            return Rating.BLUE, "Complete and verified by the accountable lead"
        return Rating.GREEN, "Reported complete; Blue once the accountable lead verifies it"
    if status == Status.OFF_TRACK:
        return Rating.RED, "Reported off track"
    if due and due < today:
        return Rating.RED, f"Past its due date ({due:%-d %B %Y}) and not complete"
    if status == Status.AT_RISK:
        return Rating.AMBER, "Reported at risk"
    if status == Status.NOT_STARTED and start and start < today:
        return Rating.AMBER, f"Not started, though due to start on {start:%-d %B %Y}"
    if status == Status.NOT_STARTED and due and due - today <= DUE_SOON:
        return Rating.AMBER, f"Not started and due within a month ({due:%-d %B %Y})"
    return Rating.GREEN, "On track and within its dates"
