"""Request-wide behaviour that is not any one app's."""

import gc
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


class SettleAfterFirstRequestMiddleware:
    """Once a worker has served its first request, what it loaded to do so (modules, URL
    patterns, compiled templates, the chart library) lives as long as the worker: it is
    moved out of the garbage collector's reach (gc.freeze), after one full collection so
    that nothing dead is kept.

    Without this every full collection walks those objects again: at 100 times the real
    plan these passes paused a request for 110-130 ms every third or fourth page (the p95
    of most pages); frozen, the pauses are ~30 ms and rarer. Done once per process.
    """

    settled = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not SettleAfterFirstRequestMiddleware.settled:
            SettleAfterFirstRequestMiddleware.settled = True
            gc.collect()
            gc.freeze()
        return response
