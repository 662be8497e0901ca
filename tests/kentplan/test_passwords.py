"""Passwords: at least 12 characters and not a common one; reset requests and wrong
current passwords on the change page are throttled."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client

CHANGE = "/accounts/password_change/"
RESET = "/accounts/password_reset/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_it_refuses_passwords_under_12_characters():
    with pytest.raises(ValidationError, match="at least 12"):
        validate_password("kent-plan-1")  # 11 characters


def test_it_refuses_common_passwords():
    with pytest.raises(ValidationError, match="too common"):
        validate_password("password1234")


def test_the_demo_and_test_passwords_pass():
    validate_password("kentplan-demo")
    validate_password("a-long-test-pass")


def test_reset_requests_for_one_address_are_throttled(users, settings):
    for _ in range(settings.PASSWORD_RESET_PER_HOUR):
        assert Client().post(RESET, {"email": "alice@example.org"}).status_code == 302
    refused = Client().post(RESET, {"email": "alice@example.org"})
    assert refused.status_code == 429
    assert "too many requests to reset a password" in refused.content.decode()
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_HOUR


def test_reset_requests_from_one_address_are_throttled(users, settings):
    for n in range(settings.PASSWORD_RESET_PER_HOUR * 4):
        Client().post(RESET, {"email": f"nobody{n}@example.org"}, REMOTE_ADDR="10.5.5.5")
    refused = Client().post(RESET, {"email": "alice@example.org"}, REMOTE_ADDR="10.5.5.5")
    assert refused.status_code == 429
    assert Client().post(RESET, {"email": "alice@example.org"}).status_code == 302


def change(client, old: str):
    new = "another-long-pass-42"
    return client.post(CHANGE, {"old_password": old, "new_password1": new, "new_password2": new})


def test_wrong_current_passwords_on_the_change_page_are_throttled(client_for, settings):
    client = client_for("alice")
    for _ in range(settings.SIGN_IN_ATTEMPTS):
        assert change(client, "wrong").status_code == 200
    refused = change(client, "a-long-test-pass")
    assert refused.status_code == 429
    assert "entered wrongly too many times" in refused.content.decode()
    assert change(client_for("bob"), "a-long-test-pass").status_code == 302


def test_a_short_new_password_is_refused_on_the_change_page(client_for):
    client = client_for("alice")
    response = client.post(
        CHANGE,
        {"old_password": "a-long-test-pass", "new_password1": "kent-plan-1",
         "new_password2": "kent-plan-1"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
