"""Static files as production serves them: collected by the manifest storage with DEBUG
off, which the test settings otherwise swap for the plain storage."""

import os
import re
import subprocess
import sys

from django.conf import settings


def collectstatic(static_root) -> subprocess.CompletedProcess:
    code = "; ".join(
        [
            "import django, os",
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'kentplan.settings'",
            "django.setup()",
            "from django.conf import settings",
            f"settings.STATIC_ROOT = {str(static_root)!r}",
            "from django.core.management import call_command",
            "call_command('collectstatic', interactive=False, verbosity=0)",
        ]
    )
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50}
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_collects_static_files_with_the_production_storage(tmp_path):
    result = collectstatic(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "govuk/govuk-frontend.min.css" in manifest
    assert "kentplan/kentplan.css" in manifest


def test_it_refers_to_no_image_that_is_not_shipped():
    css = (settings.BASE_DIR / "kentplan/static/govuk/govuk-frontend.min.css").read_text()
    static = settings.BASE_DIR / "kentplan/static"
    for url in set(re.findall(r'url\("?/static/([^")]+)"?\)', css)):
        assert (static / url).exists(), f"the stylesheet refers to {url}, which is not shipped"
