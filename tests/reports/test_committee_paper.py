"""The committee paper: its figures are the readings as at its date, its progress the
leads' updates as at its date, and its sections and paragraphs numbered as the council's."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db.models import F
from django.utils import timezone

from actions.models import Action, ProgressUpdate, ReportingPeriod
from reports.committee_paper import committee_paper
from targets.models import Indicator, Measurement


def _section(report, heading):
    return next(s for s in report.sections if s.heading == heading)


def _data(report, heading):
    return next(p for p in _section(report, heading).paragraphs if p.from_data)


def _expected_line(slug: str, as_at: date, since: date) -> str:
    """The sentence worked out again here, straight from the stored readings."""
    indicator = Indicator.objects.get(slug=slug)
    readings = list(indicator.measurements.filter(date__lte=as_at).order_by("date"))
    first = [r for r in readings if r.date <= since][-1]
    verb = "Reduced" if readings[-1].value < first.value else "Increased"
    name = indicator.name[0].lower() + indicator.name[1:]
    return f"{verb} {name} from {int(first.value):,} to {int(readings[-1].value):,}"


def test_the_figures_are_the_readings_as_at_the_papers_date(paper):
    bullets = _data(committee_paper(paper), "Impact on Performance").bullets
    assert bullets == [
        "Recorded unallocated cases over 28 days at 71 (May 2011)",
        "Reduced unallocated cases from 2,269 to 338",
        "Reduced outstanding initial assessments from 1,926 to 665",
        "Reduced outstanding core assessments from 2,019 to 1,411",
    ]
    for slug in ["unallocated-cases", "outstanding-initial-assessments",
                 "outstanding-core-assessments"]:  # fmt: skip
        assert _expected_line(slug, paper.as_at, paper.readings_from) in bullets
    lead_in = _data(committee_paper(paper), "Impact on Performance").text
    assert lead_in == "Between February 2011 and May 2011 we have:"


def test_the_figures_change_with_the_as_at_date(paper):
    unallocated = Indicator.objects.get(slug="unallocated-cases")
    Measurement.objects.create(indicator=unallocated, date=date(2011, 7, 1), value=Decimal(250))
    assert "Reduced unallocated cases from 2,269 to 338" in (
        _data(committee_paper(paper, as_at=date(2011, 6, 30)), "Impact on Performance").bullets
    )
    later = _data(committee_paper(paper, as_at=date(2011, 7, 31)), "Impact on Performance")
    assert "Reduced unallocated cases from 2,269 to 250" in later.bullets
    assert later.text == "Between February 2011 and July 2011 we have:"
    earlier = _data(committee_paper(paper, as_at=date(2011, 3, 1)), "Impact on Performance")
    assert "Recorded unallocated cases at 2,269 (February 2011)" in earlier.bullets
    assert "No reading of unallocated cases over 28 days is recorded by 1 March 2011" in (
        earlier.bullets
    )


def test_a_sample_reading_is_marked_as_sample(paper):
    unallocated = Indicator.objects.get(slug="unallocated-cases")
    Measurement.objects.create(
        indicator=unallocated, date=date(2011, 6, 1), value=Decimal(300), is_sample=True
    )
    report = committee_paper(paper, as_at=date(2011, 6, 30))
    assert "Reduced unallocated cases from 2,269 to 300 (sample data)" in (
        _data(report, "Impact on Performance").bullets
    )
    assert report.uses_sample_data


def test_sections_and_paragraphs_are_numbered_as_the_councils_papers(paper):
    report = committee_paper(paper)
    assert [(s.number, s.heading) for s in report.sections] == [
        (1, "Introduction"), (2, "Progress to date"), (3, "Impact on Performance"),
        (4, "Recommendations"),
    ]  # fmt: skip
    intro = _section(report, "Introduction").paragraphs
    assert [p.number for p in intro] == [1, 2, 3]
    assert intro[0].text.startswith("The Improvement Plan is a standing item")
    progress = _section(report, "Progress to date").paragraphs
    assert len(progress[0].bullets) == 5 and progress[0].bullets[1].startswith("The Peripatetic")
    assert progress[1].from_data and progress[1].number == 2
    impact = _section(report, "Impact on Performance").paragraphs
    assert [p.number for p in impact] == [1, 2, 3] and impact[0].from_data
    recommendations = _section(report, "Recommendations").paragraphs
    assert len(recommendations) == 1 and recommendations[0].number is None


def test_the_preview_prints_the_numbers_before_the_paragraphs(client, paper):
    page = client.get(f"/papers/committee/{paper.pk}/").content.decode()
    assert '<span class="kp-paper__num">1.</span>' in page
    assert "<p>(1) The Improvement Plan is a standing item" in page
    to = "Specialist Children&#x27;s Services Policy Overview &amp; Scrutiny Committee"
    assert f"{to} - 21 June 2011" in page
    assert "Reduced unallocated cases from 2,269 to 338" in page
    assert "malcolm.newsam@kent.gov.uk" in page and "Background documents:" in page


@pytest.fixture
def periods(db):
    def period(month, closed_at=None):
        return ReportingPeriod.objects.create(
            month=month, opened_at=timezone.now(), closed_at=closed_at
        )

    # One month open at a time: May has closed by the time June is open.
    return period(date(2011, 5, 1), closed_at=timezone.now()), period(date(2011, 6, 1))


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=10))


def test_progress_counts_what_the_updates_said_as_at_the_date(paper, periods, users):
    may, june = periods
    refs = ["1.1.1", "1.1.2", "2.1.3"]
    actions = {a.ref: a for a in Action.objects.filter(plan=paper.plan, ref__in=refs)}

    def update(ref, period, day, **fields):
        fields = {"rating": "green", "suggested_rating": "green", **fields}
        return ProgressUpdate.objects.create(
            action=actions[ref], period=period, author=users["office"], rating_rule="test",
            submitted_at=_moment(day), **fields,
        )  # fmt: skip

    update("1.1.1", may, date(2011, 5, 28), status="complete", verification="verified",
           rating="blue", suggested_rating="blue", verified_by=users["bob"],
           verified_at=_moment(date(2011, 5, 30)))  # fmt: skip
    update("1.1.2", may, date(2011, 5, 27), status="at_risk", revised_due_date=date(2011, 9, 30),
           revised_reason="Staffing")  # fmt: skip
    update("2.1.3", may, date(2011, 5, 10), status="off_track")  # before the previous paper
    update("1.1.2", june, date(2011, 6, 28), status="on_track")
    _history_as_submitted()
    bullets = _data(committee_paper(paper), "Progress to date").bullets
    assert bullets == [
        "1 action has been completed and verified: 1.1.1",
        "1 action has been re-dated: 1.1.2 (to 30 September 2011)",
        "1 action is at risk as at 31 May 2011: 1.1.2",
        "1 action is off track as at 31 May 2011: 2.1.3",
    ]
    july = _data(committee_paper(paper, as_at=date(2011, 7, 1)), "Progress to date").bullets
    assert "No action is at risk as at 1 July 2011" in july  # June's update says on track
    assert _data(committee_paper(paper), "Progress to date").text == (
        "Since the previous paper on 23 May 2011, the leads’ updates show:"
    )


def _history_as_submitted() -> None:
    """Date each update's history when it was submitted, as if entered live in 2011."""
    ProgressUpdate.history.update(history_date=F("submitted_at"))


def test_a_correction_made_after_the_date_does_not_change_the_paper(paper, periods, users):
    may, _ = periods
    action = Action.objects.get(plan=paper.plan, ref="1.1.1")
    made = ProgressUpdate.objects.create(
        action=action, period=may, author=users["office"], status="at_risk", rating="amber",
        suggested_rating="amber", rating_rule="test", submitted_at=_moment(date(2011, 5, 27)),
    )  # fmt: skip
    _history_as_submitted()
    made.status = "on_track"
    made.save()  # corrected now, long after 31 May 2011
    assert "1 action is at risk as at 31 May 2011: 1.1.1" in (
        _data(committee_paper(paper), "Progress to date").bullets
    )
    today = _data(committee_paper(paper, as_at=timezone.localdate()), "Progress to date")
    assert f"No action is at risk as at {timezone.localdate():%-d %B %Y}" in today.bullets


def test_the_preview_query_count_does_not_grow_with_the_data(
    client, paper, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        assert client.get(f"/papers/committee/{paper.pk}/").status_code == 200
    unallocated = Indicator.objects.get(slug="unallocated-cases")
    for month in range(3, 5):
        Measurement.objects.create(indicator=unallocated, date=date(2011, month, 1), value=1000)
    with django_assert_max_num_queries(14):
        assert client.get(f"/papers/committee/{paper.pk}/?as_at=2011-06-30").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/papers/committee/").status_code == 200


def test_a_badly_written_as_at_date_is_explained_not_a_500(client, paper):
    response = client.get(f"/papers/committee/{paper.pk}/?as_at=June")
    assert response.status_code == 400
    assert "written like 2011-06-30" in response.content.decode()
