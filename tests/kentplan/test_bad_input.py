"""Inputs that used to give a 500 now give a 400 or a form error; the error pages are
branded and say nothing secret."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import Client

from kentplan.widgets import DateField

UPDATE = "/plans/putting-children-first-2011/actions/1.1.1/update/"


@pytest.mark.parametrize(
    "parts",
    [("9" * 400, "11", "2011"), ("1", "9" * 5000, "2011"), ("99999999999999999999", "1", "2011")],
)
def test_very_long_digit_strings_in_a_date_are_a_form_error(parts):
    field = DateField()
    value = field.widget.value_from_datadict(
        dict(zip(("d_day", "d_month", "d_year"), parts, strict=True)), {}, "d"
    )
    with pytest.raises(Exception) as caught:
        field.clean(value)
    assert caught.type.__name__ == "ValidationError"


def test_long_digits_in_the_update_forms_date_give_a_form_error(client_for, open_period):
    response = client_for("alice").post(
        UPDATE,
        {"status": "on_track", "commentary": "x", "revised_due_date_day": "9" * 5000,
         "revised_due_date_month": "1", "revised_due_date_year": "2012"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Enter a real date" in response.content.decode()


def test_long_digits_in_a_filter_date_do_not_break_the_table(client, plan_2011):
    url = f"/plans/{plan_2011.slug}/actions/?due_after_day={'9' * 5000}&due_after_month=1"
    assert client.get(url + "&due_after_year=2011").status_code < 500


@pytest.mark.parametrize(
    "url",
    [
        "/plans/putting-children-first-2011/actions/1.1%001/",
        "/plans/putting-children-first-2011/actions/?q=a%00b",
        "/plans/putting-children-first-2011/actions/1.1.1/?as_at=2011%00",
        "/leads/?page=%00",
    ],
)
def test_a_nul_byte_in_the_address_is_a_400(client, plan_2011, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "problem with that address" in response.content.decode()


def test_an_upload_with_a_name_over_255_bytes_gives_a_form_error(client_for, open_period):
    upload = SimpleUploadedFile("é" * 200 + ".pdf", b"%PDF-1.4 x", content_type="application/pdf")
    response = client_for("alice").post(
        UPDATE, {"status": "on_track", "commentary": "x", "evidence_file": upload}
    )
    assert response.status_code == 400
    assert "file name" in response.content.decode().lower()


def test_a_csrf_failure_explains_the_form_was_open_too_long(users):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "alice", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "open for too long" in page
    assert "CSRF" not in page and "token" not in page.lower()


def test_the_400_403_and_404_pages_are_branded(client, plan_2011):
    assert "govuk-template" in client.get("/plans/nope/").content.decode()
    forbidden = client.get("/reporting-periods/")
    assert forbidden.status_code == 403 and "govuk-template" in forbidden.content.decode()
    bad = client.get("/leads/?page=%00")
    assert bad.status_code == 400 and "govuk-template" in bad.content.decode()


def test_the_500_page_needs_no_request_or_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "govuk-frontend.min.css" in html


def test_a_server_error_shows_the_branded_500_page(users, settings):
    client = Client(raise_request_exception=False)
    client.force_login(users["board"])
    settings.ROOT_URLCONF = "tests.kentplan.urls_boom"
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
