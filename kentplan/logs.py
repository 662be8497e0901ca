"""Structured logs: one JSON object a line on standard error, each with the request id
of the request that wrote it, and security events (sign-in failures, lock-outs, 403s)
under one logger so they can be picked out."""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
security_log = logging.getLogger("kentplan.security")

_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class RequestIdMiddleware:
    """Uses the front proxy's X-Request-ID if it is a plain token, else makes one; sends
    it back on the response and stamps every log line written during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Left set after the response: Django logs the response's status (4xx, 5xx) once
        # the middleware has returned, and that line needs the id too.
        request_id_var.set(request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id, any extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry and key != "request":
                entry[key] = value if isinstance(value, int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def security_event(event: str, request=None, **details) -> None:
    """Log a security event with who, from where and on which path."""
    if request is not None:
        from kentplan.security import client_ip

        user = getattr(request, "user", None)
        details.setdefault("user", user.get_username() if user and user.is_authenticated else "")
        details.setdefault("ip", client_ip(request))
        details.setdefault("path", request.path[:200])
    security_log.warning(event, extra={"event": event, **details})
