from functools import cache

from django.conf import settings

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

    return {
        "verification_count": count,
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        "section": section(request.path),
    }


SECTIONS = [("/my-actions/", "my-actions"), ("/plans/", "plans"), ("/inspections/", "inspections"),
            ("/notices/", "plans"), ("/indicators/", "indicators"), ("/leads/", "leads"),
            ("/governance/", "governance"), ("/reporting-periods/", "reporting"),
            ("/returns/", "reporting"), ("/dashboard/", "dashboard"),
            ("/papers/", "papers")]  # fmt: skip


def section(path: str) -> str:
    """The header's section this page belongs to, so the header can mark it."""
    if path == "/":
        return "plans"
    if path.startswith("/plans/") and "/dashboard/" in path:
        return "dashboard"  # a plan's dashboard is the Dashboard section, not Plans
    return next((name for prefix, name in SECTIONS if path.startswith(prefix)), "")
