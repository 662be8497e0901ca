"""Signing in: a clear error, lock-out per username and address after repeated failures,
sessions that end when idle, and password reset through Django's email backend."""

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client

LOGIN = "/accounts/login/"


def attempt(client: Client, username: str, password: str = "wrong", ip: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_a_wrong_password_is_explained(users):
    response = attempt(Client(), "alice")
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_an_over_long_username_is_a_form_error_not_a_lock_out_record(users):
    from axes.models import AccessAttempt

    response = attempt(Client(), "9" * 300)
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
    assert not AccessAttempt.objects.filter(username__startswith="999").exists()


def test_a_wrong_password_is_also_shown_at_the_fields(users):
    page = attempt(Client(), "alice").content.decode()
    assert 'id="id_username-error"' in page
    assert page.count('aria-describedby="id_username-error"') == 2
    assert "<title>Error: Sign in" in page


def test_signing_in_goes_to_my_actions(users):
    client = Client()
    response = attempt(client, "alice", "a-long-test-pass")
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == "/my-actions/"


@pytest.mark.parametrize("name", ["board", "democratic"])
def test_signing_in_takes_the_board_and_democratic_services_to_the_dashboard(users, settings, name):
    settings.KENTPLAN_TODAY = "2011-11-15"
    client = Client()
    response = attempt(client, name, "a-long-test-pass")
    landing = client.get(response["Location"])
    assert landing["Location"] == "/plans/putting-children-first-2011/dashboard/"


def test_repeated_failures_lock_that_username_from_that_address(users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice")
    locked = attempt(client, "alice", "a-long-test-pass")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    # Colleagues in the same office (same address) can still sign in.
    assert attempt(Client(), "bob", "a-long-test-pass").status_code == 302
    # And alice can from another address.
    assert attempt(Client(), "alice", "a-long-test-pass", ip="10.0.0.2").status_code == 302


def test_sessions_end_after_an_hour_idle():
    assert settings.SESSION_COOKIE_AGE == 3600


def _session_writes(client, captured) -> int:
    with captured as queries:
        assert client.get("/leads/").status_code == 200
    return sum(
        1
        for q in queries.captured_queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    )


def test_it_writes_the_session_at_most_once_a_minute(client_for, settings):
    settings.SESSION_RENEW_SECONDS = 60
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("alice")
    with time_machine.travel("2011-11-15 10:00", tick=False):
        first = _session_writes(client, CaptureQueriesContext(connection))
        second = _session_writes(client, CaptureQueriesContext(connection))
    with time_machine.travel("2011-11-15 10:01:30", tick=False):
        later = _session_writes(client, CaptureQueriesContext(connection))
    assert (first, second, later) == (1, 0, 1)


def test_a_used_session_stays_signed_in_past_the_idle_limit_from_sign_in(client_for, settings):
    settings.SESSION_RENEW_SECONDS = 60
    client = client_for("alice")
    with time_machine.travel("2011-11-15 10:00", tick=False):
        assert client.get("/leads/").status_code == 200
    with time_machine.travel("2011-11-15 10:50", tick=False):
        assert client.get("/leads/").status_code == 200
    with time_machine.travel("2011-11-15 11:40", tick=False):
        assert client.get("/leads/").status_code == 200
    with time_machine.travel("2011-11-15 12:50", tick=False):
        assert client.get("/leads/").status_code == 302  # idle over an hour: signed out


def test_password_reset_sends_an_email_with_a_link(users):
    response = Client().post("/accounts/password_reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    (email,) = mail.outbox
    assert email.subject == "Reset your kentplan password"
    assert "/accounts/reset/" in email.body


@pytest.mark.parametrize("url", ["/accounts/password_change/"])
def test_a_signed_in_user_can_change_their_password(client_for, url):
    client = client_for("alice")
    response = client.post(url, {"old_password": "a-long-test-pass",
                                 "new_password1": "another-long-pass-42",
                                 "new_password2": "another-long-pass-42"})  # fmt: skip
    assert response.status_code == 302
    assert client.get("/accounts/password_change/done/").status_code == 200


def test_staying_signed_in_renews_the_session(client_for):
    client = client_for("alice")
    assert client.post("/session/keep-alive/").status_code == 204
    page = client.get("/my-actions/").content.decode()
    assert 'data-timeout-seconds="3600"' in page and 'id="timeout-warning"' in page


def test_the_header_marks_the_current_section_and_who_is_signed_in(client_for):
    page = client_for("alice").get("/leads/").content.decode()
    assert 'aria-current="true" href="/leads/">Leads' in page
    assert page.count('aria-current="true"') == 1
    assert "Signed in as alice" in page


def test_guessing_one_username_from_many_addresses_is_stopped(users):
    per_username = settings.SIGN_IN_ATTEMPTS_PER_USERNAME
    assert per_username > settings.AXES_FAILURE_LIMIT
    for n in range(per_username):
        attempt(Client(), "alice", ip=f"10.1.{n // 250}.{n % 250 + 1}")
    locked = attempt(Client(), "alice", "a-long-test-pass", ip="10.9.9.9")
    assert locked.status_code == 429
    # Other usernames are untouched.
    assert attempt(Client(), "bob", "a-long-test-pass", ip="10.9.9.9").status_code == 302


def test_a_few_failures_from_several_addresses_do_not_lock_the_username(users):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(Client(), "alice", ip=f"10.2.0.{n + 1}")
        attempt(Client(), "alice", ip=f"10.3.0.{n + 1}")
    assert attempt(Client(), "alice", "a-long-test-pass", ip="10.4.0.1").status_code == 302


def test_the_lock_out_page_says_how_long_in_words(users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice")
    page = attempt(client, "alice", "a-long-test-pass").content.decode()
    assert "Wait 30 minutes" in page
    assert "PT30M" not in page
