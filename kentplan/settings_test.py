"""Test settings: the real settings, with a fast password hasher, email kept in memory
and static files served from the source folders."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from kentplan.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The test client speaks plain HTTP.
SECURE_SSL_REDIRECT = False

# Pages renew the signed-in session at most once a minute in production; tests renew it
# on every request, so a page's query count does not depend on when it was last renewed.
# (tests/test_sign_in.py sets the production interval to test the renewal itself.)
SESSION_RENEW_SECONDS = 0

# On SQLite the test database is a file beside the code, not one in memory: the browser
# tests' live server then answers on connections of its own, as the demo's server does.
# In memory, Django hands the server the test's one connection, shared by its threads
# and the test's; two uses at once failed with "database table is locked". pytest-xdist
# gives each worker its own file (…_gw0, …_gw1).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
