"""The shared test accounts (tests/conftest.py `users`), made in bulk with a kept hash."""

from django.contrib.auth.hashers import identify_hasher

from tests.conftest import _test_password_hash


def test_a_test_that_sets_other_hashers_gets_accounts_hashed_with_them(settings, request):
    kept = _test_password_hash(tuple(settings.PASSWORD_HASHERS))  # as an earlier test kept it
    assert identify_hasher(kept).algorithm == "md5"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    users = request.getfixturevalue("users")
    assert identify_hasher(users["alice"].password).algorithm == "pbkdf2_sha256"
    assert users["alice"].check_password("a-long-test-pass")


def test_they_hold_their_roles_and_leads(users):
    assert [g.name for g in users["bob"].groups.all()] == ["Priority lead"]
    assert users["bob"].lead.name == "Malcolm Newsam"
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not users["office"].is_superuser
    assert users["alice"].check_password("a-long-test-pass")
