"""The programme office records a reading with the form; nobody else can, even by a
hand-made POST; who entered it and any later correction are kept in the history."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from targets.models import Indicator, Measurement
from targets.services import reading_record

URL = "/indicators/outstanding-initial-assessments/readings/new/"
GOOD = {
    "value": "420",
    "date_day": "31",
    "date_month": "5",
    "date_year": "2011",
    "source": "Performance report, June 2011",
    "note": "",
}


@pytest.fixture
def indicator(seeded):
    return Indicator.objects.get(slug="outstanding-initial-assessments")


def test_it_records_a_reading_and_who_entered_it(client_for, users, indicator):
    response = client_for("office").post(URL, GOOD)
    assert response.status_code == 302
    reading = indicator.measurements.get(date=date(2011, 5, 31))
    assert (reading.value, reading.entered_by, reading.source) == (
        Decimal(420),
        users["office"],
        "Performance report, June 2011",
    )
    assert reading.history.get().history_user == users["office"]


@pytest.mark.parametrize("who", ["alice", "bob", "board", "democratic"])
def test_only_the_programme_office_may_record_and_a_hand_made_post_changes_nothing(
    client_for, indicator, who
):
    before = Measurement.objects.count()
    client = client_for(who)
    assert client.get(URL).status_code == 403
    assert client.post(URL, GOOD).status_code == 403
    assert client.post("/indicators/readings/upload/", {"csv_text": CSV_ONE}).status_code == 403
    assert Measurement.objects.count() == before


CSV_ONE = "indicator,date,value\noutstanding-initial-assessments,2011-05-31,420\n"


def test_record_buttons_show_only_for_the_programme_office(client_for, indicator):
    page = "/indicators/outstanding-initial-assessments/"
    assert "Record a reading" in client_for("office").get(page).content.decode()
    assert "Record a reading" not in client_for("board").get(page).content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"value": "-3"}, "-3 is not a number of 0 or more."),
        ({"value": "12.5"}, "12.5 is not a whole number."),
        ({"value": "lots"}, "Enter the value as a number, like 338 or 46.5"),
        ({"date_year": "2012"}, "31 May 2012 is after today (15 November 2011)."),
        (
            {"date_day": "1", "date_month": "5"},
            "This indicator already has a reading for that date.",
        ),
    ],
)
def test_it_refuses_a_bad_reading_with_a_message_and_saves_nothing(
    client_for, indicator, change, message
):
    before = Measurement.objects.count()
    response = client_for("office").post(URL, {**GOOD, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Measurement.objects.count() == before


def test_a_percentage_must_be_between_0_and_100(seeded, users):
    indicator = Indicator.objects.get(slug="referrals-to-initial-assessment")
    with pytest.raises(ValidationError) as error:
        reading_record(
            indicator=indicator, user=users["office"], day=date(2011, 6, 1), value=Decimal(112)
        )
    assert error.value.messages == ["112 is not a percentage between 0 and 100."]
    assert not indicator.measurements.exists()


def test_a_correction_keeps_the_old_value_in_the_history(seeded, users):
    indicator = Indicator.objects.get(slug="referrals-to-initial-assessment")
    reading = reading_record(
        indicator=indicator, user=users["office"], day=date(2011, 6, 1), value=Decimal(50)
    )
    reading.value = Decimal(51)
    reading.save()
    assert [h.value for h in reading.history.order_by("history_date")] == [50, 51]
