"""The browser-test harness: a real headless Chromium (Debian's), driven by Playwright,
against the live test server; axe-core checks each page for WCAG 2.2 A/AA problems.

Without Chromium the browser tests skip with one line saying so, except where
KENTPLAN_REQUIRE_BROWSER is set (as in CI), where a missing browser fails them."""

import os
import re
import shutil

import pytest

from actions.models import Plan
from tests.seedsnapshot import snapshot_restore

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("KENTPLAN_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own database
    # calls are still synchronous, so Django may make them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site(transactional_db, live_server):
    """The live server with the real plans loaded (browser tests share no transaction)."""
    if not Plan.objects.exists():
        snapshot_restore()
    return live_server.url


@pytest.fixture
def sign_in(site):
    """Signs a page in through the sign-in form, as a person would."""

    def sign(page, username: str, password: str = "a-long-test-pass") -> None:
        page.goto(f"{site}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        # Leads land on My actions; the board and democratic services on a dashboard.
        page.wait_for_url(re.compile(rf"{re.escape(site)}/(my-actions|plans/[^/]+/dashboard)/$"))

    return sign


@pytest.fixture
def axe_check():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> list[str]:
        """The page's accessibility violations, one line each (empty when there are none)."""
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        results = axe.run(page, options=options)
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        ]

    return check
