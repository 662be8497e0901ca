"""HTTPS hardening from the environment, the Content-Security-Policy, caching of
signed-in pages, and the real client address behind trusted proxies."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings

from kentplan.security import client_ip
from tests.settingsenv import settings_with

PRODUCTION = {
    "SECRET_KEY": "a-production-like-secret-key-" + "x7Qp2-" * 8,
    "ALLOWED_HOSTS": "plan.example.org",
    "DATABASE_URL": "sqlite:////tmp/kp-security-check.sqlite3",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "BEHIND_PROXY": "1",
}


def manage(*args, **env) -> subprocess.CompletedProcess:
    # Only the variables given: not the test run's own (the browser tests set one that
    # check --deploy rightly refuses).
    inherited = ("PATH", "HOME", "LANG", "SEEDS_DIR")
    clean = {k: v for k, v in os.environ.items() if k in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_hsts_and_the_ssl_redirect_come_from_the_environment():
    env = {"SECRET_KEY": "x" * 50, "SECURE_HSTS_SECONDS": "600"}
    assert settings_with(**env)["SECURE_HSTS_SECONDS"] == 600
    assert settings_with(**env)["SECURE_SSL_REDIRECT"] is True
    assert settings_with(**env, SECURE_SSL_REDIRECT="0")["SECURE_SSL_REDIRECT"] is False
    assert settings_with(**env, BEHIND_PROXY="1")["SECURE_PROXY_SSL_HEADER"] == (
        "HTTP_X_FORWARDED_PROTO",
        "https",
    )


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's made-up entry is skipped
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: not trusted
    ],
)
def test_the_client_address_is_read_behind_trusted_proxies(count, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=count):
        assert client_ip(request) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_lock_out_counts_the_real_client_not_the_proxy(users):
    def attempt(client_address: str, password: str = "wrong"):
        return Client().post(
            "/accounts/login/",
            {"username": "alice", "password": password},
            REMOTE_ADDR="10.0.0.254",
            HTTP_X_FORWARDED_FOR=client_address,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt("203.0.113.1")
    assert attempt("203.0.113.1", "a-long-test-pass").status_code == 429
    assert attempt("203.0.113.2", "a-long-test-pass").status_code == 302


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_pages_need_no_inline_script_or_style(client, plan_2011):
    for url in ("/", f"/plans/{plan_2011.slug}/", "/accounts/login/"):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " style=" not in html and "<style" not in html, url


def test_signed_in_pages_are_not_stored(client):
    cache_control = client.get("/")["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
