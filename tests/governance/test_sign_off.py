"""Signing off the plan: each board member signs their own line, from their own account."""

import pytest
from django.utils import timezone

from governance.models import Signatory
from tests.conftest import make_user

SIGN_OFF = "/plans/putting-children-first-2011/sign-off/"


@pytest.fixture
def railton(seeded):
    return make_user("railton", role="Board member", lead="Liz Railton")


@pytest.fixture
def line(seeded) -> Signatory:
    return Signatory.objects.get(plan__slug="putting-children-first-2011", lead__name="Liz Railton")


def _signed():
    return list(
        Signatory.objects.filter(signed_on__isnull=False).values_list("lead__name", flat=True)
    )


def test_it_lists_every_member_of_the_commitment_page_and_who_has_signed(client, seeded):
    page = client.get(SIGN_OFF).content.decode()
    for name in ["Liz Railton", "Katherine Kerswell", "Julian Ward", "Lorraine Goodsell"]:
        assert name in page
    assert "0 of 11 have signed" in page and page.count("Not signed") == 11


def test_a_member_signs_their_own_line_after_confirming(client_for, railton, line, settings):
    client = client_for("board")
    client.force_login(railton)
    assert "Sign the plan as Liz Railton" in client.get(SIGN_OFF).content.decode()
    url = f"{SIGN_OFF}{line.pk}/sign/"
    assert "Your commitment" in client.get(url).content.decode()
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 400
    assert "Confirm that you commit to the plan" in unconfirmed.content.decode()
    assert _signed() == []
    before = timezone.now()
    assert client.post(url, {"confirm": "on"}).status_code == 302
    line.refresh_from_db()
    assert line.signed_by == railton and before <= line.signed_at <= timezone.now()
    assert line.signed_on == timezone.localdate(line.signed_at)
    page = client.get(SIGN_OFF).content.decode()
    assert "1 of 11 has signed" in page and "Sign the plan as" not in page


def test_nobody_signs_for_another_member(client_for, railton, seeded):
    other = Signatory.objects.get(lead__name="Katherine Kerswell")
    client = client_for("board")
    client.force_login(railton)
    for who in (railton, None):
        if who is None:
            client = client_for("admin")  # not even a superuser signs for someone else
        assert client.get(f"{SIGN_OFF}{other.pk}/sign/").status_code == 403
        assert client.post(f"{SIGN_OFF}{other.pk}/sign/", {"confirm": "on"}).status_code == 403
    assert _signed() == []


@pytest.mark.parametrize("who", ["board", "office", "democratic", "alice"])
def test_accounts_without_a_line_cannot_sign_any(client_for, line, who):
    response = client_for(who).post(f"{SIGN_OFF}{line.pk}/sign/", {"confirm": "on"})
    assert response.status_code == 403 and _signed() == []


def test_a_member_cannot_sign_twice(client_for, railton, line):
    client = client_for("board")
    client.force_login(railton)
    client.post(f"{SIGN_OFF}{line.pk}/sign/", {"confirm": "on"})
    line.refresh_from_db()
    first = line.signed_at
    response = client.post(f"{SIGN_OFF}{line.pk}/sign/", {"confirm": "on"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.signed_at == first


def test_the_sign_off_page_query_count_is_bounded(client, seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(SIGN_OFF).status_code == 200
