"""Sign-in lock-outs: django-axes locks a username from one address after a few wrong
passwords; this handler adds a looser limit on the username from any address, so that
guessing from many addresses is stopped too."""

from datetime import timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from kentplan.logs import security_event


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if username and self._failures_for_username(request, username) >= (
            settings.SIGN_IN_ATTEMPTS_PER_USERNAME
        ):
            return max(failures, get_failure_limit(request, credentials))
        return failures

    @staticmethod
    def _failures_for_username(request, username: str) -> int:
        attempts = AccessAttempt.objects.filter(
            username=username, attempt_time__gte=get_cool_off_threshold(request)
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None:
            return
        username = get_client_username(request, credentials)
        event = "sign_in_locked_out" if request.axes_locked_out else "sign_in_failed"
        security_event(event, request, username=str(username or "")[:150])


def duration_in_words(value: timedelta | None) -> str:
    """timedelta(minutes=30) → '30 minutes'; 90 minutes → '1 hour 30 minutes'."""
    if not value:
        return ""
    minutes = max(1, round(value.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
