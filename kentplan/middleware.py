"""Request-wide behaviour that is not any one app's."""

import time

from django.conf import settings


class SessionRenewalMiddleware:
    """Keeps a signed-in session alive while it is used, writing it at most once a minute.

    The idle timeout (SESSION_COOKIE_AGE) counts from the last write, so a session ends
    between SESSION_IDLE_MINUTES and a minute more after the last request; writing it on
    every request would cost a database write per page.
    """

    KEY = "_kp_renewed"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= settings.SESSION_RENEW_SECONDS:
                session[self.KEY] = now
        return self.get_response(request)
