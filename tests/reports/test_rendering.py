"""The PDF renderer uses only the site's own static files."""

import pytest

from reports.rendering import PAPER_BASE_URL, LocalStaticFetcher


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
