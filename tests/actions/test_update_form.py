"""The update form to the GOV.UK standard (issue 10): fields tied to their hints and
errors, dates kept as typed, the suggested rating shown before saving, limits on long text,
a chosen file never silently dropped."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from actions.models import ProgressUpdate

URL = "/plans/putting-children-first-2011/actions/1.1.1/update/"


@pytest.fixture
def alice(client_for, open_period):
    with time_machine.travel(date(2011, 11, 15), tick=False):
        yield client_for("alice")


def test_hints_and_errors_are_tied_to_their_fields(alice):
    page = alice.post(URL, {"status": "on_track", "evidence_url": "knet"}).content.decode()
    assert 'aria-describedby="id_evidence_url-hint id_evidence_url-error"' in page
    assert page.count('id="id_evidence_url-error"') == 1
    assert 'class="govuk-input govuk-input--error"' in page
    assert "<title>Error: Update action 1.1.1" in page


def test_an_invalid_date_keeps_what_was_typed_and_marks_the_wrong_box(alice):
    response = alice.post(URL, {"status": "on_track", "revised_due_date_day": "31",
                                "revised_due_date_month": "6", "revised_due_date_year": "2012",
                                "revised_reason": "x", "commentary": "x"})  # fmt: skip
    page = response.content.decode()
    assert "Revised due date must be a real date" in page
    assert 'name="revised_due_date_day" value="31"' in page
    assert 'name="revised_due_date_year" value="2012"' in page
    day = page.split('name="revised_due_date_day"')[1].split(">")[0]
    year = page.split('name="revised_due_date_year"')[1].split(">")[0]
    assert "govuk-input--error" in day and "govuk-input--error" not in year
    assert 'href="#id_revised_due_date_day"' in page
    assert 'id="id_revised_due_date_day"' in page  # the box the error summary's link focuses


def test_a_very_long_number_in_a_date_is_a_form_error_not_a_crash(alice):
    response = alice.post(URL, {"status": "on_track", "revised_due_date_day": "1",
                                "revised_due_date_month": "9" * 5000,
                                "revised_due_date_year": "2012"})  # fmt: skip
    assert response.status_code == 400
    assert "Revised due date must be a real date" in response.content.decode()


def test_long_text_has_a_limit_and_a_character_count(alice):
    page = alice.get(URL).content.decode()
    assert 'data-module="govuk-character-count" data-maxlength="5000"' in page
    assert "You can enter up to 5000 characters" in page
    response = alice.post(URL, {"status": "on_track", "commentary": "x" * 220_000})
    assert response.status_code == 400
    assert "Ensure this value has at most 5000 characters" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_the_suggested_rating_is_shown_before_saving(alice):
    assert "Choose how the action is going above" in alice.get(URL).content.decode()
    page = alice.post(URL, {"status": "at_risk"}).content.decode()  # Amber needs commentary
    assert "Suggested rating for the status chosen" in page
    assert "Amber</strong> – Reported at risk." in page
    assert 'data-kp-reveal="conditional-rating"' in page
    assert 'class="govuk-radios__conditional govuk-radios__conditional--hidden"' in page


def test_choosing_the_suggested_rating_ignores_a_stale_different_one(alice):
    response = alice.post(URL, {"status": "on_track", "rating_mode": "suggested",
                                "rating": "red"})  # fmt: skip
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().rating == "green"


def test_a_different_rating_needs_a_choice(alice):
    response = alice.post(URL, {"status": "on_track", "rating_mode": "different"})
    assert "Select the rating to use instead of the suggestion" in response.content.decode()


def test_a_chosen_file_is_not_silently_dropped(alice, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("audit.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    response = alice.post(URL, {"status": "at_risk", "evidence_file": upload})
    assert response.status_code == 400
    assert "The file you chose was not saved" in response.content.decode()


def test_the_form_has_a_back_link_and_the_hint_gives_the_size_limit(alice):
    page = alice.get(URL).content.decode()
    assert 'class="govuk-back-link"' in page
    assert "Outlook e-mail (MSG or EML), CSV, text or an image, up to 10" in page


def _far(alice, year, **extra):
    return alice.post(URL, {"status": "on_track", "revised_due_date_day": "31",
                            "revised_due_date_month": "3", "revised_due_date_year": str(year),
                            "revised_reason": "Partners' timetable", "commentary": "Moved",
                            **extra})  # fmt: skip


def test_a_date_over_a_year_past_the_plan_asks_to_confirm_and_saves_nothing(alice, plan_2011):
    from actions.selectors import plan_end

    end = plan_end(plan=plan_2011)
    response = _far(alice, end.year + 2)
    page = response.content.decode()
    assert response.status_code == 400
    assert f"is more than a year after the plan ends ({end:%-d %B %Y})" in page
    assert 'type="checkbox"' in page and "Yes, this date is right" in page
    assert 'href="#id_confirm_far_date"' in page
    assert f'name="revised_due_date_year" value="{end.year + 2}"' in page
    assert not ProgressUpdate.objects.exists()
    response = _far(alice, end.year + 2, confirm_far_date="on")
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().revised_due_date == date(end.year + 2, 3, 31)


def test_a_date_within_a_year_of_the_plan_needs_no_confirmation(alice, plan_2011):
    from actions.selectors import plan_end

    end = plan_end(plan=plan_2011)
    assert "Yes, this date is right" not in alice.get(URL).content.decode()
    assert _far(alice, end.year).status_code == 302


def test_the_form_and_a_save_read_only_what_they_show(alice, django_assert_max_num_queries):
    """The form needs the action, its leads and updates, not the measures, links and
    targets the action's own page shows: month end is when leads load it most."""
    with django_assert_max_num_queries(15):
        page = alice.get(URL)
    assert page.status_code == 200
    version = page.context["form"].initial.get("version", "")
    with django_assert_max_num_queries(32):  # a first save: its checks and history
        saved = alice.post(URL, {"status": "on_track", "commentary": "x", "version": version})
    assert saved.status_code == 302
    assert ProgressUpdate.objects.get().commentary == "x"
