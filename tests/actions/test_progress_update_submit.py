"""Submitting a progress update: what is saved, and every bad input refused with its
message and nothing saved."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from actions.models import Action, Evidence, ProgressUpdate

PLAN = "/plans/putting-children-first-2011"
URL = f"{PLAN}/actions/1.1.1/update/"
TODAY = date(2011, 11, 15)


def completed(ref, user, period) -> ProgressUpdate:
    """A completion waiting for verification, as a lead would leave it."""
    action = Action.objects.get(plan__slug="putting-children-first-2011", ref=ref)
    update = ProgressUpdate.objects.create(
        action=action, period=period, author=user, status="complete", rating="green",
        suggested_rating="green", rating_rule="Reported complete", verification="pending",
        submitted_at=timezone.now(),
    )  # fmt: skip
    Evidence.objects.create(update=update, url="https://example.org/report", added_by=user)
    return update


@pytest.fixture
def alice(client_for, open_period):
    with time_machine.travel(TODAY, tick=False):
        yield client_for("alice")


def revised(day, month, year) -> dict:
    return {"revised_due_date_day": day, "revised_due_date_month": month,
            "revised_due_date_year": year}  # fmt: skip


def post(client, **data):
    return client.post(URL, {"status": "on_track", **data})


def test_a_lead_records_an_update_and_it_shows_on_the_action(alice):
    response = post(
        alice,
        commentary="Programme timetable agreed.",
        evidence_url="https://example.org/timetable",
        evidence_description="Timetable",
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.status, update.rating, update.version) == ("on_track", "green", 1)
    assert update.rating_rule == "On track and within its dates"
    assert update.evidence.get().url == "https://example.org/timetable"
    page = alice.get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert "Programme timetable agreed." in page
    # in the change history, in words
    assert "<strong>Update for November 2011: status</strong> set to On track" in page


def test_the_suggested_rating_follows_status_and_dates(alice):
    post(alice, status="at_risk", commentary="Staff shortages")
    update = ProgressUpdate.objects.get()
    assert (update.rating, update.rating_rule) == ("amber", "Reported at risk")


def test_a_lead_can_change_their_update_while_the_month_is_open(alice):
    post(alice, commentary="First")
    post(alice, commentary="Second", version="1")
    update = ProgressUpdate.objects.get()
    assert (update.commentary, update.version) == ("Second", 2)
    assert update.history.count() == 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"status": ""}, "status", "Select how the action is going"),
        ({"status": "at_risk"}, "commentary", "Explain what is happening: the rating is Amber"),
        ({"status": "off_track"}, "commentary", "Explain what is happening: the rating is Red"),
        ({"rating": "red", "commentary": "x"}, "override_reason",
         "Say why the rating is Red rather than the suggested Green"),
        ({"rating": "blue"}, "rating",
         "Select a valid choice. blue is not one of the available choices."),
        ({**revised(1, 6, 2012), "commentary": "Moved"}, "revised_reason",
         "Give a reason for the revised date"),
        ({**revised(1, 6, 2012), "revised_reason": "Waiting for partners"}, "commentary",
         "Explain what is happening: the due date has moved"),
        ({**revised(1, 1, 2011), "revised_reason": "x", "commentary": "x"}, "revised_due_date",
         "A revised date must be today or later"),
        (revised(31, 6, 2012),
         "revised_due_date", "Revised due date must be a real date, for example 31 3 2011"),
        ({"revised_due_date_day": "1", "revised_due_date_year": "2012"},
         "revised_due_date", "Revised due date must include a month"),
        ({"status": "complete"}, "evidence_url",
         "Add evidence that the action is complete: a link or a file"),
        ({"evidence_url": "ftp://example.org/x"}, "evidence_url",
         "Enter a web address that starts with https:// or http://"),
        ({"evidence_url": "https://example.org/x", "evidence_date_day": "1",
          "evidence_date_month": "12", "evidence_date_year": "2011"}, "evidence_date",
         "The date of the evidence must be today or in the past"),
    ],
)  # fmt: skip
def test_bad_input_is_explained_and_nothing_is_saved(alice, data, field, message):
    response = post(alice, **data)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode()  # in the error summary and by the field
    assert not ProgressUpdate.objects.exists()
    assert not Evidence.objects.exists()


def test_a_file_of_a_type_not_allowed_is_refused(alice):
    upload = SimpleUploadedFile("run.exe", b"MZ...", content_type="application/octet-stream")
    response = post(alice, evidence_file=upload)
    assert response.status_code == 400
    assert "The file must be one of these types: PDF" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


@override_settings(EVIDENCE_MAX_BYTES=1024)
def test_a_file_over_the_size_limit_is_refused(alice):
    upload = SimpleUploadedFile("report.pdf", b"%PDF" + b"x" * 2000, content_type="application/pdf")
    response = post(alice, evidence_file=upload)
    assert response.status_code == 400
    assert (
        "The file must be smaller than 0 MB" in response.content.decode()
        or "smaller than" in response.content.decode()
    )
    assert not ProgressUpdate.objects.exists()


def test_an_uploaded_file_is_stored_and_can_be_downloaded(alice, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("audit.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    assert post(alice, evidence_file=upload, evidence_description="Audit").status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.file.name.startswith("evidence/putting-children-first-2011/1.1.1/audit")
    response = alice.get(f"/evidence/{evidence.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"


def test_a_closed_month_cannot_be_changed(alice, open_period):
    post(alice, commentary="Before closing")
    open_period.closed_at = timezone.now()
    open_period.save()
    response = post(alice, commentary="After closing", version="1")
    assert response.status_code == 409  # no month is open any more
    assert ProgressUpdate.objects.get().commentary == "Before closing"


def test_the_service_refuses_a_closed_month_with_a_message(users, open_period):
    from django.core.exceptions import ValidationError

    from actions.progress import UpdateInput, progress_update_submit

    open_period.closed_at = timezone.now()
    open_period.save()
    action = users["alice"].lead.actions.get(ref="1.1.1")
    with pytest.raises(ValidationError) as caught:
        progress_update_submit(
            action=action,
            user=users["alice"],
            period=open_period,
            data=UpdateInput(status="on_track"),
            expected_version=None,
        )
    assert "Reporting for November 2011 has closed" in str(caught.value)
    assert not ProgressUpdate.objects.exists()


def test_a_completion_is_verified_blue_by_the_accountable_lead(client_for, users, open_period):
    update = completed("1.1.1", users["alice"], open_period)
    response = client_for("bob").post(f"{PLAN}/actions/1.1.1/verify/", {"decision": "accept"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.rating, update.verification, update.verified_by) == (
        "blue",
        "verified",
        users["bob"],
    )


def test_sending_a_completion_back_needs_a_comment(client_for, users, open_period):
    update = completed("1.1.1", users["alice"], open_period)
    response = client_for("bob").post(f"{PLAN}/actions/1.1.1/verify/", {"decision": "return"})
    assert response.status_code == 400
    assert "Say what is missing, so the lead can put it right" in response.content.decode()
    update.refresh_from_db()
    assert update.verification == "pending"
    returned = {"decision": "return", "comment": "Attach the signed report"}
    client_for("bob").post(f"{PLAN}/actions/1.1.1/verify/", returned)
    update.refresh_from_db()
    assert (update.verification, update.return_comment) == ("returned", "Attach the signed report")
    assert update.rating == "green"


def test_the_database_refuses_blue_without_verification(users, open_period):
    from django.db import IntegrityError, transaction

    update = completed("1.1.1", users["alice"], open_period)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressUpdate.objects.filter(pk=update.pk).update(rating="blue", suggested_rating="blue")


def test_the_history_says_what_changed_in_words(alice):
    post(alice, commentary="Going well.")
    version = ProgressUpdate.objects.get().version
    response = post(alice, status="at_risk", commentary="Staff left.", version=version)
    assert response.status_code == 302
    page = alice.get(f"{PLAN}/actions/1.1.1/").content.decode()
    history = page.split('id="history"')[1]
    assert ("<strong>Update for November 2011: status</strong> changed from On track to At risk"
            in history)  # fmt: skip
    assert ("<strong>Update for November 2011: rating</strong> changed from Green to Amber"
            in history)  # fmt: skip
    assert "kp-diff-old" not in history


def test_a_revised_due_date_shows_in_the_action_pages_due_row(alice):
    action = Action.objects.get(plan__slug="putting-children-first-2011", ref="1.1.1")
    moved = action.due_date.replace(year=action.due_date.year + 1)
    response = post(alice, commentary="Partners late", revised_reason="Partners late",
                    **revised(moved.day, moved.month, moved.year))  # fmt: skip
    assert response.status_code == 302
    page = alice.get(f"{PLAN}/actions/1.1.1/").content.decode()
    due = page.split('<dt class="govuk-summary-list__key">Due</dt>')[1].split("</dd>")[0]
    assert f"{moved:%-d %B %Y} (revised; originally {action.due_date:%-d %B %Y})" in due


@pytest.mark.parametrize("name", ["a" * 147 + ".pdf", "é" * 74 + ".pdf"])
def test_the_form_and_the_service_refuse_the_same_long_file_names(users, open_period, name):
    """151 or 152 bytes: both refuse it with the same words (the form had 150 bytes, the
    service 200 'characters')."""
    from django.core.exceptions import ValidationError

    from actions.evidence import NAME_TOO_LONG
    from actions.forms import ProgressUpdateForm
    from actions.progress import UpdateInput, progress_update_submit

    def upload():
        return SimpleUploadedFile(name, b"%PDF-1.4 x", content_type="application/pdf")

    form = ProgressUpdateForm(data={"status": "on_track"}, files={"evidence_file": upload()})
    assert not form.is_valid() and form.errors["evidence_file"] == [NAME_TOO_LONG]
    action = users["alice"].lead.actions.get(ref="1.1.1")
    with time_machine.travel(TODAY, tick=False), pytest.raises(ValidationError) as caught:
        progress_update_submit(action=action, user=users["alice"], period=open_period,
                               data=UpdateInput(status="on_track", evidence_file=upload()),
                               expected_version=None)  # fmt: skip
    assert caught.value.message_dict["evidence_file"] == [NAME_TOO_LONG]
    assert not ProgressUpdate.objects.exists()
