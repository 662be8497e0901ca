"""Production settings for the load test, with static files served from the source
folders, so the test needs no collectstatic run (it measures pages, not assets)."""

from kentplan.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
