"""Signs in to a running kentplan over HTTP and fetches the main pages, as a person would.

Used by .ci/production-smoke against gunicorn with DEBUG off. Exits non-zero, naming the
page, if any page does not answer as it should. Standard library only; loopback only.
"""

import re
import sys
import time
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

BASE, USERNAME, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
if not BASE.startswith(("http://127.0.0.1:", "http://localhost:")):
    sys.exit("the smoke client only talks to this machine")

jar = CookieJar()
opener = build_opener(HTTPCookieProcessor(jar))
failures: list[str] = []


def fetch(path: str, data: dict | None = None, referer: str | None = None) -> tuple[int, str]:
    body = urlencode(data).encode() if data is not None else None
    request = Request(BASE + path, data=body, headers={"Referer": referer or BASE + path})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def expect(path: str, status: int, text: str) -> str:
    got, body = fetch(path)
    if got != status or text not in body:
        failures.append(f"{path}: wanted {status} with {text!r}, got {got}")
    print(f"  {got} {path}")
    return body


login = expect("/accounts/login/", 200, "Sign in")
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login)
if not token:
    sys.exit("the sign-in page has no CSRF token")
status, body = fetch(
    "/accounts/login/",
    {"csrfmiddlewaretoken": token.group(1), "username": USERNAME, "password": PASSWORD},
    referer=BASE + "/accounts/login/",
)
if status != 200 or "Sign out" not in body:
    sys.exit(f"signing in as {USERNAME} failed ({status})")
print(f"  signed in as {USERNAME}")

home = expect("/", 200, "Putting Children First")
stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', home)
if not stylesheets or not all(re.search(r"\.[0-9a-f]{12}\.css$", s) for s in stylesheets):
    failures.append(f"stylesheets are not served from the manifest: {stylesheets}")
for sheet in stylesheets:
    expect(sheet, 200, "govuk" if "govuk" in sheet else "")
plan = "/plans/putting-children-first-2011/"
expect(plan, 200, "Leadership and management")
expect(plan + "actions/", 200, "1.1.1")
expect(plan + "actions/2.1.1/", 200, "2.1.1")
expect("/my-actions/", 200, "My actions")
expect("/leads/", 200, "Leads")
expect("/inspections/", 200, "Inspections")
expect("/indicators/", 200, "Indicators")
expect("/governance/", 200, "Governance")
expect(plan + "dashboard/", 200, "Improvement Board dashboard")
expect("/papers/", 200, "Papers")
expect("/no-such-page/", 404, "Page not found")

# A PDF is queued, rendered by the db_worker running beside gunicorn, then served.
pdf_url = "/papers/inspection/ofsted-unannounced-2010/pdf/"
deadline = time.monotonic() + 180
while True:
    request = Request(BASE + pdf_url, headers={"Referer": BASE + pdf_url})
    try:
        with opener.open(request, timeout=60) as response:
            kind, body = response.headers.get("Content-Type", ""), response.read()
    except HTTPError as error:
        failures.append(f"{pdf_url}: {error.code}")
        break
    if kind.startswith("application/pdf"):
        if not body.startswith(b"%PDF"):
            failures.append(f"{pdf_url}: not a PDF")
        print(f"  200 {pdf_url} ({len(body)} bytes of PDF, rendered by the worker)")
        break
    if b"being prepared" not in body or time.monotonic() > deadline:
        failures.append(f"{pdf_url}: no PDF after {180} s ({kind})")
        break
    time.sleep(2)

if failures:
    print("\n".join(["FAILED:", *failures]))
    sys.exit(1)
print("all pages answered as expected")
