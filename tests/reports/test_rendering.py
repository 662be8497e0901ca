"""The PDF renderer uses only the site's own static files, and only the worker loads it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reports.pdf import LocalStaticFetcher
from reports.rendering import PAPER_BASE_URL


def test_it_serves_the_print_stylesheet_from_the_project():
    response = LocalStaticFetcher().fetch(f"{PAPER_BASE_URL}static/kentplan/paper.css")
    assert b"@page landscape" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://fonts.example.org/font.woff2",
        "file:///etc/passwd",
        f"{PAPER_BASE_URL}media/evidence/secret.pdf",
        f"{PAPER_BASE_URL}static/../../settings.py",
    ],
)
def test_it_refuses_anything_else(url):
    with pytest.raises(ValueError):
        LocalStaticFetcher().fetch(url)


def test_a_web_worker_does_not_load_weasyprint():
    """Only the render worker draws PDFs; loading WeasyPrint costs each web worker ~26 MB."""
    code = (
        "import sys; from kentplan.wsgi import application; from django.urls import get_resolver;"
        " get_resolver().url_patterns; import reports.services, reports.views_papers;"
        " print('weasyprint' in sys.modules)"
    )
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "localhost",
           "DJANGO_SETTINGS_MODULE": "kentplan.settings"}  # fmt: skip
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True,
                         text=True, check=True)  # fmt: skip
    assert out.stdout.strip() == "False"
