"""Property-based fuzzing (Hypothesis): no input to any page's query parameters, path
parts or forms gives a server error. The parameters and form fields are read from each
page itself, so new filters and fields are fuzzed without changing this file; a new page
must be added to PAGES (a test below says which are missing)."""

import os
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.models import ProgressUpdate

PLAN = "putting-children-first-2011"
# Examples per page and test (the forms get more: FORM_EXAMPLES). The same examples every
# run (derandomized), few enough to keep the suite quick; for a deeper search set e.g.
# KENTPLAN_FUZZ_EXAMPLES=200, which scales every count here.
DEPTH = int(os.environ.get("KENTPLAN_FUZZ_EXAMPLES", "12"))
EXAMPLES = DEPTH

# Each page by URL name, with arguments naming a real object (found when first used).
PAGES: dict[str, dict[str, Any]] = {
    "actions:home": {},
    "actions:plan-detail": {"slug": PLAN},
    "actions:action-list": {"slug": PLAN},
    "actions:action-detail": {"slug": PLAN, "ref": "1.1.1"},
    "actions:data-quality": {"slug": PLAN},
    "actions:action-update": {"slug": PLAN, "ref": "1.1.1"},
    "actions:action-verify": {"slug": PLAN, "ref": "1.1.1"},
    "actions:my-actions": {},
    "actions:period-list": {},
    "actions:period-close": {"pk": 1},
    "actions:evidence-file": {"pk": 1},
    "actions:core-task-detail": {"slug": PLAN, "number": 1},
    "actions:notice-detail": {"slug": lambda: _first("targets", "ImprovementNotice").slug},
    "actions:notice-target-detail": {
        "slug": lambda: _first("targets", "ImprovementNotice").slug,
        "number": 1,
    },
    "actions:inspection-list": {},
    "actions:inspection-detail": {"slug": lambda: _first("targets", "Inspection").slug},
    "actions:recommendation-detail": {
        "slug": lambda: _first("targets", "Recommendation").inspection.slug,
        "number": lambda: _first("targets", "Recommendation").number,
    },
    "actions:lead-list": {},
    "actions:lead-detail": {"slug": lambda: _first("actions", "Lead").slug},
    "targets:indicator-list": {},
    "targets:indicator-detail": {"slug": lambda: _first("targets", "Indicator").slug},
    "targets:indicator-chart": {"slug": lambda: _first("targets", "Indicator").slug},
    "targets:reading-create": {"slug": lambda: _first("targets", "Indicator").slug},
    "targets:readings-upload": {},
    "governance:body-list": {},
    "governance:body-detail": {"slug": lambda: _first("governance", "Body").slug},
    "login": {},
    "password_reset": {},
    "password_reset_done": {},
    "password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
    "password_reset_complete": {},
    "password_change": {},
    "password_change_done": {},
    "actions:action-download-csv": {"slug": PLAN},
    "actions:action-download-xlsx": {"slug": PLAN},
    "actions:action-reopen": {"slug": PLAN, "ref": "1.1.1"},
    "actions:period-reopen": {"pk": 1},
    "actions:returns": {},
    "actions:returns-chase": {},
    "committee:paper-list": {},
    "committee:paper-preview": {"pk": lambda: _pk("governance", "CommitteePaper")},
    "governance:meeting-list": {"slug": lambda: _first("governance", "Body").slug},
    "governance:meeting-new": {"slug": lambda: _first("governance", "Body").slug},
    "governance:meeting-detail": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:meeting-edit": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:agenda-item-new": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:agenda-item-edit": {"pk": lambda: _pk("governance", "Meeting"), "item_pk": 1},
    "governance:attendance-edit": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:decision-new": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:decision-edit": {"pk": lambda: _pk("governance", "Meeting"), "decision_pk": 1},
    "governance:board-action-new": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:board-action-edit": {"pk": 1},
    "governance:sign-off": {"slug": PLAN},
    "governance:sign": {"slug": PLAN, "pk": 1},
    "governance:paper-new": {"pk": lambda: _pk("governance", "Meeting")},
    "governance:paper-edit": {"pk": lambda: _pk("governance", "CommitteePaper")},
    "reports:landing": {},
    "reports:live-dashboard": {},
    "reports:dashboard": {"slug": PLAN},
    "reports:paper-list": {},
    "reports:paper-issue": {},
    "reports:paper-detail": {"pk": 1},
    "reports:paper-file": {"pk": 1},
    "reports:matrix-xlsx": {"slug": PLAN},
    "reports:paper-preview": {"kind": "plan-progress", "subject": PLAN},
    "reports:paper-pdf": {"kind": "plan-progress", "subject": PLAN},
    "actions:accessibility": {},
    "actions:help": {},
    "actions:session-keep-alive": {},
}
# Pages that build a PDF or a spreadsheet, or a whole paper: fuzzed with fewer examples.
SLOW = {
    "actions:action-download-csv", "actions:action-download-xlsx", "reports:matrix-xlsx",
    "reports:paper-preview", "reports:paper-pdf", "reports:dashboard", "reports:live-dashboard",
    "committee:paper-preview",
}  # fmt: skip
# A page again, in a state that shows another form.
PAGES["actions:action-detail (1.1.2, waiting for verification)"] = {"slug": PLAN, "ref": "1.1.2"}
PAGES["actions:period-close (the open month)"] = {
    "pk": lambda: apps.get_model("actions", "ReportingPeriod").objects.get(closed_at=None).pk
}


def _first(app: str, model: str):
    return apps.get_model(app, model).objects.order_by("pk").first()


def _pk(app: str, model: str) -> int:
    found = _first(app, model)
    return found.pk if found else 1


def page_url(name: str) -> tuple[str, dict]:
    kwargs = {k: v() if callable(v) else v for k, v in PAGES[name].items()}
    return reverse(name.split(" ")[0], kwargs=kwargs), kwargs


FORM_EXAMPLES = max(40, DEPTH * 3)
NOT_FUZZED = {"logout"}  # posting to it only signs the fuzzer out

NASTY = st.sampled_from(
    ["", "\x00", "9" * 5000, "-1", "0", "1e999", "2011-11-15", "31", "13", "%", "%00",
     "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "٣", "²", " ",
     "a" * 10_000, "1.1.1", "True", "null", "[]", "-9223372036854775809"]
)  # fmt: skip
DIGITS = st.from_regex(r"\A[0-9]{1,40}\Z")
VALUES = st.one_of(NASTY, DIGITS, NASTY, st.text(max_size=40))
COMMON_PARAMS = ["page", "sort", "q", "as_at", "per_page", "next"]


def url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace != "admin":
                names |= url_names(entry, entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}:{entry.name}" if namespace else entry.name)
    return names


def test_every_page_is_fuzzed():
    missing = url_names() - {name.split(" ")[0] for name in PAGES} - NOT_FUZZED
    assert not missing, f"add these pages to PAGES in {__file__}: {sorted(missing)}"


class _Forms(HTMLParser):
    """The query keys of a page's links and the fields of its forms."""

    def __init__(self):
        super().__init__()
        self.query_keys: set[str] = set()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "?" in (attrs.get("href") or ""):
            self.query_keys |= {k for k, _ in parse_qsl(urlsplit(attrs["href"]).query)}
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action"), "fields": {}})
        elif tag in ("input", "select", "textarea") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("type", tag)


def _page(client, url) -> _Forms:
    parser = _Forms()
    parser.feed(client.get(url).content.decode(errors="replace"))
    return parser


@pytest.fixture
def fuzz_client(users, open_period, plan_2011):
    ProgressUpdate.objects.create(
        action=plan_2011.actions.get(ref="1.1.2"), period=open_period, author=users["alice"],
        status="complete", rating="green", suggested_rating="green", rating_rule="x",
        commentary="Done", verification="pending", submitted_at="2011-11-10T10:00Z",
    )  # fmt: skip
    client = Client()
    client.force_login(users["office"])
    return client


def _fuzz_settings(test, examples: int = EXAMPLES):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )(test)


@pytest.mark.parametrize("name", sorted(set(PAGES) - SLOW))
@_fuzz_settings
@given(data=st.data())
def test_no_query_parameter_gives_a_server_error(fuzz_client, name, data):
    _fuzz_query(fuzz_client, name, data)


@pytest.mark.parametrize("name", sorted(SLOW))
@lambda test: _fuzz_settings(test, examples=max(8, DEPTH // 2))
@given(data=st.data())
def test_no_query_parameter_of_a_slow_page_gives_a_server_error(fuzz_client, name, data):
    _fuzz_query(fuzz_client, name, data)


def _fuzz_query(client, name, data) -> None:
    url, _ = page_url(name)
    keys = _query_keys(client, url)
    params = data.draw(
        st.dictionaries(
            st.one_of(st.sampled_from(keys), st.sampled_from(keys), st.text(max_size=10)),
            VALUES,
            max_size=8,
        )
    )
    response = client.get(url, _complete_dates(params))
    assert response.status_code < 500, (url, params)


DATE_PARTS = {"_day": "15", "_month": "11", "_year": "2011"}


def _complete_dates(fields: dict) -> dict:
    """Where one box of a day/month/year date is fuzzed, fill the others with real values
    so that the fuzzed box reaches the date's own checks."""
    for key in list(fields):
        for part in DATE_PARTS:
            if isinstance(key, str) and key.endswith(part):
                stem = key[: -len(part)]
                for other, value in DATE_PARTS.items():
                    fields.setdefault(stem + other, value)
    return fields


_KEYS: dict[str, list[str]] = {}


def _query_keys(client, url) -> list[str]:
    if url not in _KEYS:
        page = _page(client, url)
        keys = set(page.query_keys) | set(COMMON_PARAMS)
        for form in page.forms:
            if form["method"] == "get":
                keys |= set(form["fields"])
        _KEYS[url] = sorted(keys)
    return _KEYS[url]


PATH_PAGES = sorted(name for name, kwargs in PAGES.items() if kwargs and name not in SLOW)


@pytest.mark.parametrize("name", PATH_PAGES)
@lambda test: _fuzz_settings(test, examples=max(10, DEPTH))
@given(data=st.data())
def test_no_path_part_gives_a_server_error(fuzz_client, name, data):
    url, kwargs = page_url(name)
    for value in kwargs.values():
        fuzzed = quote(data.draw(VALUES).replace("/", "") or "x", safe="")
        url = url.replace(f"/{value}/", f"/{fuzzed}/", 1)
    response = fuzz_client.get(url)
    assert response.status_code < 500, url


FORM_PAGES = [
    "login",
    "password_reset",
    "password_change",
    "actions:action-update",
    "actions:action-detail (1.1.2, waiting for verification)",
    "actions:period-close (the open month)",
]


@pytest.mark.parametrize("name", FORM_PAGES)
@lambda test: _fuzz_settings(test, examples=FORM_EXAMPLES)
@given(data=st.data())
def test_no_form_input_gives_a_server_error(fuzz_client, name, data):
    # Each example starts from the same data: a form that succeeds (closing the open month,
    # say) must not change the page the next example fuzzes.
    with transaction.atomic():
        _post_fuzzed_form(fuzz_client, name, data)
        transaction.set_rollback(True)


def _post_fuzzed_form(fuzz_client, name, data) -> None:
    url, _ = page_url(name)
    forms = [f for f in _post_forms(fuzz_client, url) if f["fields"]]
    assert forms, f"no form on {url}"
    form = data.draw(st.sampled_from(forms))
    payload = {}
    for field, kind in form["fields"].items():
        if field == "csrfmiddlewaretoken" or not data.draw(st.booleans()):
            continue
        if kind == "file":
            name_ = data.draw(st.one_of(NASTY, st.text(min_size=1, max_size=300)))
            payload[field] = SimpleUploadedFile(
                name_.replace("\x00", "") or "f.pdf", data.draw(st.binary(max_size=64))
            )
        else:
            payload[field] = data.draw(VALUES)
    response = fuzz_client.post(form["action"] or url, _complete_dates(payload))
    assert response.status_code < 500, (form["action"], payload.keys())


_FORMS: dict[str, list[dict]] = {}


def _post_forms(client, url) -> list[dict]:
    if url not in _FORMS:
        forms = [f for f in _page(client, url).forms if f["method"] == "post"]
        _FORMS[url] = [f for f in forms if not (f["action"] or "").endswith("/logout/")]
    return _FORMS[url]
