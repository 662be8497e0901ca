"""Issuing papers: only the right roles, never changed afterwards, hash checked."""

from datetime import date

import pytest
from django.db import DatabaseError, IntegrityError, InternalError, connection, transaction

from governance.models import Meeting
from reports.models import IssuedPaper, IssuedPaperError

from .conftest import INSPECTION

ISSUE = {"kind": "inspection", "subject": INSPECTION, "as_at": "2011-11-15"}


@pytest.fixture
def issued(client_for, ready_render):
    ready_render()
    client_for("democratic").post("/papers/issue/", ISSUE)
    return IssuedPaper.objects.get()


@pytest.mark.parametrize("role", ["democratic", "office", "admin"])
def test_it_lets_democratic_services_and_the_programme_office_issue(client_for, ready_render, role):
    ready_render()
    page = client_for(role).post("/papers/issue/", ISSUE)
    paper = IssuedPaper.objects.get()
    assert page.status_code == 302 and page["Location"] == f"/papers/issued/{paper.pk}/"
    assert paper.as_at == date(2011, 11, 15)
    assert paper.issued_by.username == role
    assert len(paper.sha256) == 64


@pytest.mark.parametrize("role", ["alice", "bob", "board"])
def test_it_refuses_hand_made_issues_from_anyone_else(client_for, ready_render, role):
    ready_render()
    page = client_for(role).post("/papers/issue/", ISSUE)
    assert page.status_code == 403
    assert not IssuedPaper.objects.exists()


def test_it_does_not_offer_issuing_to_readers(client, client_for):
    url = f"/papers/inspection/{INSPECTION}/"
    assert "Issue this paper" not in client.get(url).content.decode()
    assert "Issue this paper" in client_for("democratic").get(url).content.decode()


def test_it_issues_a_paper_to_a_meeting(client_for, ready_render, seeded):
    ready_render()
    meeting = Meeting.objects.first()
    client_for("democratic").post("/papers/issue/", {**ISSUE, "meeting": meeting.pk})
    assert IssuedPaper.objects.get().meeting == meeting


def test_it_waits_for_the_pdf_before_issuing(client_for, seeded):
    page = client_for("democratic").post("/papers/issue/", ISSUE, follow=True)
    assert "being prepared" in page.content.decode()
    assert not IssuedPaper.objects.exists()


def test_it_refuses_to_change_an_issued_paper_in_the_model(issued):
    issued.title = "Something else"
    with pytest.raises(IssuedPaperError):
        issued.save()
    with pytest.raises(IssuedPaperError):
        issued.delete()
    assert IssuedPaper.objects.get().title != "Something else"


def test_it_refuses_to_change_an_issued_paper_in_the_database(issued):
    refused = (IntegrityError, InternalError, DatabaseError)
    with pytest.raises(refused) as error, transaction.atomic():
        IssuedPaper.objects.filter(pk=issued.pk).update(title="Something else")
    assert "cannot be changed" in str(error.value)
    assert IssuedPaper.objects.get().title != "Something else"
    assert connection.vendor in ("sqlite", "postgresql")


def test_it_refuses_to_regenerate_an_issued_paper_in_place(client_for, issued):
    page = client_for("democratic").post("/papers/issue/", {**ISSUE, "paper": issued.pk})
    assert page.status_code == 302
    assert IssuedPaper.objects.count() == 1
    assert client_for("democratic").post(f"/papers/issued/{issued.pk}/").status_code == 405


def test_it_serves_an_issued_paper_whose_file_is_intact(client, issued):
    page = client.get(f"/papers/issued/{issued.pk}/file/")
    assert page.status_code == 200
    assert page.content.startswith(b"%PDF")


def test_it_refuses_a_paper_whose_file_has_changed(client, issued, caplog):
    with open(issued.file.path, "ab") as handle:
        handle.write(b"tampered")
    page = client.get(f"/papers/issued/{issued.pk}/file/")
    assert page.status_code == 409
    assert "does not match" in page.content.decode()
    assert "does not match its SHA-256" in caplog.text


def test_it_keeps_both_a_paper_and_its_correction(client, client_for, issued, ready_render):
    from actions.models import Action

    action = Action.objects.get(plan__slug="putting-children-first-2011", ref="1.1.1")
    action.save()  # the data changes, so the correction is a new render
    ready_render()
    client_for("office").post("/papers/issue/", {**ISSUE, "supersedes": issued.pk})
    correction = IssuedPaper.objects.exclude(pk=issued.pk).get()
    assert correction.supersedes == issued
    listing = client.get("/papers/").content.decode()
    assert "Superseded by the issue of" in listing and "corrects the issue of" in listing
    # a paper is superseded once only
    page = client_for("office").post("/papers/issue/", {**ISSUE, "supersedes": issued.pk})
    assert IssuedPaper.objects.count() == 2
    assert page.status_code == 302


def test_it_lists_the_archive_a_page_at_a_time(client, issued, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = client.get("/papers/")
    assert issued.title in page.content.decode()
    with django_assert_max_num_queries(12):
        assert client.get(f"/papers/issued/{issued.pk}/").status_code == 200


def test_it_asks_everyone_to_sign_in_to_read_the_archive(db):
    from django.test import Client

    assert Client().get("/papers/").status_code == 302
