"""The browser-test harness: a real headless Chromium (Debian's), driven by Playwright,
against the live test server; axe-core checks each page for WCAG 2.2 A/AA problems.

Without Chromium the browser tests skip with one line saying so, except where
KENTPLAN_REQUIRE_BROWSER is set (as in CI), where a missing browser fails them."""

import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.core.wsgi import get_wsgi_application

from actions.models import Plan
from tests.seedsnapshot import snapshot_restore

# Debian's headless shell (scripts/test installs it), or else the whole browser; or the
# one KENTPLAN_CHROMIUM names. The shell is Chromium's own engine without the windowed
# browser around it, and drives the suite in about two thirds of the time.
CHROMIUM = (
    os.environ.get("KENTPLAN_CHROMIUM")
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or "/usr/bin/chromium-headless-shell"
)
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
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium-headless-shell"
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


class InFlight:
    """Wraps the live server's WSGI application to count the requests it is still serving.

    A page the browser left mid-request (a click, then the test ends) can still be using
    the database when the test's tables are emptied; on SQLite the flush then waits on
    the server's lock, or fails. The site waits for the count to reach nought before the
    test lets go. (The test database is a file, not one in memory, so the server has
    connections of its own, as in production: settings_test.py says why.)"""

    def __init__(self, application):
        self.application = application
        self.serving = 0
        self.quiet = threading.Condition()

    def __call__(self, environ, start_response):
        with self.quiet:
            self.serving += 1
        try:
            return ClosingResponse(self.application(environ, start_response), self.done)
        except BaseException:
            self.done()
            raise

    def done(self) -> None:
        with self.quiet:
            self.serving -= 1
            self.quiet.notify_all()

    def wait(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        with self.quiet:
            while self.serving > 0:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"the live server is still serving {self.serving} request(s)"
                    )
                self.quiet.wait(left)


class ClosingResponse:
    """A response whose closing (after its last byte, or a broken pipe) says it is done."""

    def __init__(self, response, done):
        self.response = response
        self.done = done

    def __iter__(self):
        return iter(self.response)

    def close(self) -> None:
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.done()


@pytest.fixture
def site(transactional_db, live_server, chromium):
    """The live server with the real plans loaded (browser tests share no transaction).

    When the test ends, every page is closed before the site waits for its last request:
    a page left open can still ask for something (a chart, the keep-alive) after the
    wait, while the database is being emptied."""
    server = live_server.thread.httpd
    if not isinstance(server.application, InFlight):
        # The site's own WSGI application, as gunicorn serves it in production: WhiteNoise
        # answers for the static files, with its cache headers, so a page's stylesheets
        # and scripts are fetched once a test, not asked after again on every page
        # (~0.1 s a page), and nothing is served from /media/, which production never
        # serves. pytest-django would put Django's static and media handlers in front.
        server.application = InFlight(get_wsgi_application())
    if not Plan.objects.exists():
        snapshot_restore()
    yield live_server.url
    for context in chromium.contexts:
        context.close()
    server.application.wait()


@pytest.fixture
def new_page(chromium, site):
    """Pages in browser contexts of their own (another person, or JavaScript off), closed
    before the site stops, so no page of theirs is still talking to the server."""
    contexts = []

    def make(**options):
        context = chromium.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def signed_in(site):
    """Signs a page in without the form, for tests about what comes after it: a session
    made in the database as signing in makes one, its cookie given to the page's browser.
    Half a second less a test than the form (its page, then the landing page, drawn for
    nothing); the form and the landing pages are the `sign_in` tests' subject."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    def sign(page, username: str) -> None:
        client = Client()
        client.force_login(User.objects.get(username=username))
        name = settings.SESSION_COOKIE_NAME
        cookie = {"name": name, "value": client.cookies[name].value, "url": site}
        page.context.add_cookies([cookie])

    return sign


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


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


# axe-core, vendored by axe/update.sh (the version is at the top of axe.min.js). 4.14.1
# checks the same pages 2.3 times as fast as 4.12.1, which came with axe-playwright-python:
# its colour-contrast check built colours through private class fields, 3.0 s against
# 1.1 s on the plan's progress paper.
AXE = Path(__file__).parent / "axe" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text()


@pytest.fixture
def axe_check(axe_source):
    def check(page) -> list[str]:
        """The page's accessibility violations, one line each (empty when there are none).

        axe-core is put into the page only if it is not there yet, and only the violations
        come back: the passes axe also reports were most of what crossed to Python."""
        from playwright.sync_api import Error as PlaywrightError

        for attempt in range(3):
            # A click may have started a navigation that has not replaced the page yet:
            # a check begun on the old page fails when the new one arrives, and is run
            # again on the page the click led to, which is the one the test means.
            page.wait_for_load_state()
            try:
                if not page.evaluate("typeof window.axe === 'object'"):
                    page.evaluate(axe_source)
                violations = page.evaluate(
                    "options => axe.run(document, options).then(results => results.violations)",
                    AXE_OPTIONS,
                )
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
        ]

    return check
