import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from tests.settingsenv import settings_with

CHECK = "; ".join(
    [
        "import django, os",
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'kentplan.settings'",
        "django.setup()",
    ]
)


def run_settings(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", CHECK],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_starts_with_a_secret_key():
    assert run_settings(SECRET_KEY="x" * 50).returncode == 0


def test_it_says_which_variable_is_wrong():
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        settings_with(DEBUG="maybe")


def test_it_says_what_a_cache_url_must_look_like():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be a redis:// address"):
        settings_with(DEBUG="1", CACHE_URL="memcached://127.0.0.1")


def _redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def test_it_shares_the_cache_through_redis_when_told_to():
    if not _redis_reachable():
        if os.environ.get("CI"):
            pytest.fail("CI needs Redis at 127.0.0.1:6379")
        pytest.skip("no Redis at 127.0.0.1:6379: apt-get install redis-server")
    code = CHECK + "; from django.core.cache import cache; cache.set('k', 'v')"
    code += "; print(cache.get('k'))"
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env = {**clean, "DEBUG": "1", "CACHE_URL": "redis://127.0.0.1:6379/15"}
    result = subprocess.run(
        [sys.executable, "-c", code + "; print(type(cache._cache).__module__)"],
        env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-1000:]
    assert result.stdout.split() == ["v", "django.core.cache.backends.redis"]


def test_it_keeps_database_connections_open_in_production():
    assert settings_with(SECRET_KEY="x" * 50)["DATABASES"]["default"]["CONN_MAX_AGE"] == 600
