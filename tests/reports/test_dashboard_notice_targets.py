"""The dashboard's Improvement Notice targets: each target of the plan's notices with its
indicators, readings, trajectory rating and charts, as at the date shown."""

from datetime import date

import pytest

from governance.sampledata import sample_history_dates_load

from .conftest import PLAN

URL = f"/plans/{PLAN}/dashboard/"


@pytest.fixture
def dated(seeded):
    sample_history_dates_load()


def _indicator(response, slug: str):
    return next(
        p
        for n in response.context["board"].notices
        for tp in n.targets
        for p in tp.indicators
        if p.indicator.slug == slug
    )


def test_it_shows_each_target_with_its_indicators_and_charts(client, dated):
    response = client.get(URL)
    page = response.content.decode()
    notices = response.context["board"].notices
    assert [n.notice.slug for n in notices]
    codes = [tp.target.code for n in notices for tp in n.targets]
    assert "IN 3" in codes
    assert "Unallocated cases and assessments out of timescale" in page
    assert "/indicators/unallocated-cases/chart.svg?as_at=2011-11-15" in page
    assert "within tolerance" in page and "see the notice page" in page
    assert _indicator(response, "unallocated-cases").latest.date <= date(2011, 11, 15)


def test_it_reads_the_indicators_as_at_the_date_shown(client, dated):
    response = client.get(URL, {"as_at": "2011-03-31"})
    page = response.content.decode()
    latest = _indicator(response, "unallocated-cases").latest
    assert (latest.date, int(latest.value)) == (date(2011, 2, 1), 2269)
    assert "/indicators/unallocated-cases/chart.svg?as_at=2011-03-31" in page
    assert "2,269" in page
    later = _indicator(client.get(URL, {"as_at": "2011-05-31"}), "unallocated-cases").latest
    assert (later.date, int(later.value)) == (date(2011, 5, 1), 338)


def test_it_stays_within_the_dashboards_query_budget(client, dated, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        assert client.get(URL).status_code == 200
