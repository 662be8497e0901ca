"""Today's date for the product: the real one, or the one the demo fixes."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


def today() -> date:
    if settings.KENTPLAN_TODAY:
        try:
            return date.fromisoformat(settings.KENTPLAN_TODAY)
        except ValueError:
            raise ImproperlyConfigured(
                f"KENTPLAN_TODAY must be a date like 2011-11-15; got {settings.KENTPLAN_TODAY!r}"
            ) from None
    return timezone.localdate()


def is_fixed() -> bool:
    return bool(settings.KENTPLAN_TODAY)
