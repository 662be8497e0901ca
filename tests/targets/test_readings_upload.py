"""A CSV of readings: checked row by row with messages in words, shown before saving, and
saved all together or not at all."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from targets.models import Measurement
from targets.services import ReadingsRejected, readings_csv_check, readings_csv_save

URL = "/indicators/readings/upload/"
GOOD = (
    "indicator,date,value,source,note\n"
    "outstanding-initial-assessments,2011-06-30,600,June report,\n"
    "Referrals going on to initial assessment,30/06/2011,52.5,June report,first figure\n"
)
BAD = (
    "indicator,date,value,source,note\n"
    "outstanding-initial-assessments,2011-06-30,600,June report,\n"  # row 2: fine
    "referrals-to-initial-assessment,2011-06-30,52,June report,\n"  # row 3: fine
    "referrals-to-initial-assessment,2011-07-31,112,June report,\n"  # row 4
    "referrals-to-initial-assessment,31/02/2011,50,,\n"  # row 5
    "no-such-indicator,2011-06-30,1,,\n"  # row 6
    "outstanding-initial-assessments,2011-06-30,590,,\n"  # row 7: same date as row 2
    "outstanding-initial-assessments,2011-05-01,665,,\n"  # row 8: recorded already
    "outstanding-initial-assessments,2011-12-01,100,,\n"  # row 9: after today
    "outstanding-initial-assessments,2011-09-30,many,,\n"  # row 10
)


def upload(client, text: str):
    return client.post(URL, {"file": SimpleUploadedFile("readings.csv", text.encode())})


def test_it_says_what_is_wrong_with_each_row_in_words(seeded):
    rows = readings_csv_check(text=BAD)
    problems = {r.row: r.problems for r in rows if r.problems}
    assert problems == {
        4: ["112 is not a percentage between 0 and 100"],
        5: ["‘31/02/2011’ is not a date; write it as 2011-05-31 or 31/05/2011"],
        6: [
            "no indicator is called ‘no-such-indicator’; use the indicator’s name or its short name"
        ],
        7: ["Outstanding initial assessments already has a reading for 30 June 2011 (row 2)"],
        8: [
            "Outstanding initial assessments already has a reading for 1 May 2011, recorded before"
        ],
        9: ["1 December 2011 is after today (15 November 2011)"],
        10: ["‘many’ is not a number"],
    }


def test_nothing_is_saved_from_a_file_with_any_bad_row(seeded, users):
    before = Measurement.objects.count()
    with pytest.raises(ReadingsRejected) as rejected:
        readings_csv_save(text=BAD, user=users["office"])
    assert "row 4: 112 is not a percentage between 0 and 100" in rejected.value.problems
    assert Measurement.objects.count() == before


def test_a_file_without_the_columns_is_refused(seeded):
    with pytest.raises(ReadingsRejected) as rejected:
        readings_csv_check(text="name,when\nx,y\n")
    assert rejected.value.problems == [
        "row 1: the file needs the columns indicator, date, value, source, note; "
        "it has no indicator or date or value column"
    ]


def test_the_office_previews_then_saves_every_row(client_for, users, seeded):
    client = client_for("office")
    preview = upload(client, GOOD)
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "Record these 2 readings" in text
    assert not Measurement.objects.filter(date=date(2011, 6, 30)).exists()
    saved = client.post(URL, {"csv_text": preview.context["csv_text"]})
    assert saved.status_code == 302
    readings = Measurement.objects.filter(date=date(2011, 6, 30)).order_by("value")
    assert [(str(r.value), r.entered_by) for r in readings] == [
        ("52.50", users["office"]),
        ("600.00", users["office"]),
    ]


def test_the_preview_of_a_bad_file_lists_the_problems_and_offers_no_save(client_for, seeded):
    response = upload(client_for("office"), BAD)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Row 4: 112 is not a percentage between 0 and 100" in text
    assert "Record these" not in text


def test_a_bad_file_posted_straight_to_save_saves_nothing(client_for, seeded):
    before = Measurement.objects.count()
    response = client_for("office").post(URL, {"csv_text": BAD})
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert Measurement.objects.count() == before


def test_a_file_that_is_not_text_gets_a_message(client_for, seeded):
    response = client_for("office").post(
        URL, {"file": SimpleUploadedFile("r.csv", b"\x81\x8d\x8f\x90\x9d")}
    )
    assert response.status_code == 400
    assert "not a text CSV file" in response.content.decode()
