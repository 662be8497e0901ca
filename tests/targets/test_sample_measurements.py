"""The demo's sample readings: labelled as sample, none dated after 15 November 2011, and
none shown on a page as at an earlier date."""

import re
from datetime import date

from targets.models import Indicator, Measurement
from targets.sampledata import SAMPLE_NOTE, SAMPLE_TOLERANCE_NOTE, sample_measurements_load


def test_no_sample_reading_is_dated_after_the_demo_day_and_each_is_labelled(seeded):
    Measurement.objects.create(
        indicator=Indicator.objects.get(slug="outstanding-initial-assessments"),
        date=date(2012, 3, 1),
        value=150,
        is_sample=True,
    )  # fmt: skip  (left by an older sample load)
    assert sample_measurements_load() > 0
    samples = Measurement.objects.filter(is_sample=True)
    assert samples.exists()
    assert not samples.filter(date__gt=date(2011, 11, 15)).exists()
    assert set(samples.values_list("note", flat=True)) == {SAMPLE_NOTE}
    assert not Measurement.objects.filter(is_sample=False, note=SAMPLE_NOTE).exists()


def test_sample_tolerances_say_they_are_sample(seeded):
    sample_measurements_load()
    indicator = Indicator.objects.get(slug="outstanding-initial-assessments")
    assert indicator.tolerance_note == SAMPLE_TOLERANCE_NOTE


def test_pages_show_sample_readings_labelled_and_only_up_to_the_as_at_date(client, seeded):
    sample_measurements_load()
    page = "/indicators/outstanding-initial-assessments/"
    today = client.get(page).content.decode()
    assert "Sample data" in today and "1 November 2011" in today
    earlier = client.get(page + "?as_at=2011-05-31").content.decode()
    assert "Sample data" not in earlier
    assert "665" in earlier and not re.search(r"(?<!\d)1 June 2011", earlier)
