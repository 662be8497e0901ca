"""Settings for kentplan, read from the environment.

Every value has a safe development default except SECRET_KEY, which must be set
whenever DEBUG is off. A value that cannot be read stops start-up with a message
saying which variable is wrong.
"""

from os import environ
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in environ.get(name, default).split(",") if part.strip()]


def env_int(name: str, default: int) -> int:
    raw = environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string in production, "
            "or set DEBUG=1 for local development (which uses a throwaway key)."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "simple_history",
    "django_tables2",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "kentplan",
    "targets",
    "actions",
    "governance",
    "reports",
]

MIDDLEWARE = [
    "kentplan.middleware.SettleAfterFirstRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kentplan.middleware.SessionRenewalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "kentplan.urls"
WSGI_APPLICATION = "kentplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kentplan.context_processors.demo",
                "actions.context_processors.verification",
            ],
        },
    },
]

# Widgets render from templates/ too, so forms can use the GOV.UK patterns.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections (checked before reuse) save a new connection's
        # 10-15 ms on every request; 0 turns them off.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 600),
        conn_health_checks=True,
    )
}

# Django's cache framework: Redis when CACHE_URL names it, so every app server shares
# cached charts and papers; otherwise each process keeps its own in memory.
CACHE_URL = environ.get("CACHE_URL", "")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"CACHE_URL must be a redis:// address; got {CACHE_URL!r}")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# No query may run longer than this on PostgreSQL: the database stops it and the page
# fails rather than holding a connection (and a worker) for ever. 0 turns the limit off.
# JIT is off: PostgreSQL compiles a query whose estimated cost passes jit_above_cost, and
# for a page's short queries the compiling is the slow part (My actions at 100x the plan:
# 640 ms of JIT for 90 ms of work, measured by bench/scale.py --factor 100 after ANALYZE).
DATABASE_STATEMENT_TIMEOUT_SECONDS = env_int("DATABASE_STATEMENT_TIMEOUT_SECONDS", 15)
if DATABASE_STATEMENT_TIMEOUT_SECONDS < 0:
    raise ImproperlyConfigured("DATABASE_STATEMENT_TIMEOUT_SECONDS must be 0 or more")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (
        _options.get("options", "")
        + f" -c statement_timeout={DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000} -c jit=off"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = environ.get("DEFAULT_FROM_EMAIL", "kentplan@localhost")
SITE_URL = environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reports:landing"
LOGOUT_REDIRECT_URL = "login"

# A session ends after this long without a request. Requests renew it, but the session
# is written at most once a minute (kentplan.middleware.SessionRenewalMiddleware), not on
# every request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60) * 60
SESSION_RENEW_SECONDS = 60

# Repeated failed sign-ins lock that username from that address for a while. Not by
# address alone: a council office shares one address.
SIGN_IN_ATTEMPTS = env_int("SIGN_IN_ATTEMPTS", 5)
SIGN_IN_LOCKOUT_MINUTES = env_int("SIGN_IN_LOCKOUT_MINUTES", 30)
AXES_FAILURE_LIMIT = SIGN_IN_ATTEMPTS
AXES_COOLOFF_TIME = SIGN_IN_LOCKOUT_MINUTES / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Evidence files leads may upload with a progress update.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_MB", 10) * 1024 * 1024
# Which kinds of file are accepted, checked by their content: actions/evidence.py.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# The date the product treats as today. Unset in real use; the demo fixes it in 2011
# so that the 2011 plan's dates read as they did then.
KENTPLAN_TODAY = environ.get("KENTPLAN_TODAY", "")

SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

DJANGO_TABLES2_TEMPLATE = "tables/govuk_table.html"
DJANGO_TABLES2_PAGE_RANGE = 8

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

FIXTURES_DIR = BASE_DIR / "fixtures"
SEEDS_DIR = Path(environ.get("SEEDS_DIR", BASE_DIR.parent / "shared" / "seeds"))


# --- Security hardening, logging and throttles (issue 9) -------------------------------


def env_admins(name: str) -> list[tuple[str, str]]:
    """ADMINS=Name:email,Other:email → Django's [(name, email), ...]."""
    admins = []
    for part in env_list(name, ""):
        person, _, email = part.rpartition(":")
        if "@" not in email:
            raise ImproperlyConfigured(f"{name} must be like 'Name:email,Name:email'; got {part!r}")
        admins.append((person.strip() or email.strip(), email.strip()))
    return admins


MIDDLEWARE.insert(0, "kentplan.logs.RequestIdMiddleware")
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "csp.middleware.CSPMiddleware")  # fmt: skip
MIDDLEWARE.insert(MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1,
                  "kentplan.security.RejectNulMiddleware")  # fmt: skip
MIDDLEWARE.append("kentplan.security.SignedInNoStoreMiddleware")
INSTALLED_APPS.append("csp")

# HTTPS. Behind a TLS-terminating proxy set BEHIND_PROXY=1 so Django believes its
# X-Forwarded-Proto header, and TRUSTED_PROXY_COUNT to the number of proxies in front.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy: everything from this site only; no inline scripts or styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The lock-out counts the real client behind the proxies, and a looser limit applies
# to a username from any address.
AXES_CLIENT_IP_CALLABLE = "kentplan.security.client_ip"
AXES_HANDLER = "kentplan.lockout.LockoutHandler"
SIGN_IN_ATTEMPTS_PER_USERNAME = env_int("SIGN_IN_ATTEMPTS_PER_USERNAME", 20)
PASSWORD_RESET_PER_HOUR = env_int("PASSWORD_RESET_PER_HOUR", 5)

CSRF_FAILURE_VIEW = "kentplan.views.csrf_failure"

# Logs: one JSON object a line on standard error; errors also e-mailed to ADMINS.
ADMINS = env_admins("ADMINS")
SERVER_EMAIL = environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
LOG_LEVEL = environ.get("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR; got {LOG_LEVEL!r}"
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "kentplan.logs.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {"json": {"()": "kentplan.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_id"],
            "formatter": "json",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stderr", "mail_admins"], "level": LOG_LEVEL, "propagate": False},
        "kentplan.security": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # WeasyPrint reports each step of every render at INFO: noise in production logs.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "matplotlib": {"level": "WARNING"},
    },
}
# Long work (rendering papers as PDF) runs off the request in Django's task framework,
# through the django-tasks backport: the queue is a table in the same database, and
# `manage.py db_worker` processes run it (see README, "Workers").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
