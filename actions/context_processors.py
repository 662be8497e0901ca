from functools import cache

from actions import selectors_progress
from kentplan.clock import today


def verification(request) -> dict:
    """How many completions wait for this user's verification, for the header; counted only
    when a page shows it, and only for verifiers."""

    @cache
    def count() -> int:
        user = request.user
        if not selectors_progress.may_verify_anything(user):
            return 0
        return selectors_progress.verification_inbox(user=user, today=today()).count()

    return {"verification_count": count}
