import os
import subprocess
import sys

from django.conf import settings

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
    result = run_settings(DEBUG="maybe")
    assert "DEBUG must be one of" in result.stderr
