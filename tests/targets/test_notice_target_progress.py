"""How each Improvement Notice target's indicators stand, as at a date, in a number of
queries that does not grow with the indicators or their readings."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import Plan
from targets.models import ImprovementNotice, NoticeTarget
from targets.selectors import notice_target_progress
from tests.targets.conftest import add_reading, make_indicator

NOTICE = "improvement-notice-2011"


@pytest.fixture
def notice(seeded):
    return ImprovementNotice.objects.get(slug=NOTICE)


def by_slug(progress):
    return {p.indicator.slug: p for tp in progress for p in tp.indicators}


def test_it_gives_the_seeds_readings_against_target_and_trajectory_as_at_31_may_2011(notice):
    progress = notice_target_progress(notice=notice, as_at=date(2011, 5, 31))
    assert [tp.target.code for tp in progress] == ["IN 3", "IN 6", "IN 7", "IN 8", "IN 9",
                                                   "IN 14", "IN 15", "IN 16"]  # fmt: skip
    initial = by_slug(progress)["outstanding-initial-assessments"]
    assert (initial.latest_shown, initial.latest.date) == ("665", date(2011, 5, 1))
    assert (initial.target_shown, initial.indicator.target_date) == ("200", date(2011, 8, 31))
    # 1,926 on 1 Feb falling to 200 on 31 Aug: 119 of 211 days gone by 31 May.
    assert initial.expected_now_shown == "953"
    assert initial.rating.words == (
        "665 in May 2011 against an expected 1,198: better than trajectory."
    )
    assert initial.direction.words == "Better: down from 1,926 in February 2011."
    over_28 = by_slug(progress)["unallocated-cases-over-28-days"]
    assert over_28.rating.kind == "on"
    vacancies = by_slug(progress)["qualified-social-worker-vacancy-rate"]
    assert vacancies.rating.words == "Not rated: this indicator has no dated trajectory."


def test_before_the_readings_there_is_nothing_to_rate(notice):
    progress = notice_target_progress(notice=notice, as_at=date(2011, 1, 31))
    initial = by_slug(progress)["outstanding-initial-assessments"]
    assert initial.latest is None
    assert initial.rating.words == "Not rated: no reading yet."


def test_a_date_after_today_is_read_as_today(notice):
    progress = notice_target_progress(notice=notice, as_at=date(2030, 1, 1))
    assert progress[0].as_at == date(2011, 11, 15)


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def grow(notice, n):
    target = NoticeTarget.objects.get(notice=notice, number=9)
    for i in range(n):
        indicator = make_indicator(f"made-up-{notice.pk}-{n}-{i}")
        indicator.notice_targets.add(target)
        for m in range(12):
            add_reading(indicator, date(2011, 1, 1) + timedelta(days=10 * m), 500 + m)


def test_query_counts_do_not_grow_with_indicators_or_readings(client, notice, settings):
    # The session is renewed at most once a minute; renew it now, not mid-measurement.
    settings.SESSION_RENEW_SECONDS = 10**9
    client.get("/indicators/")
    pages = [
        "/notices/improvement-notice-2011/",
        "/notices/improvement-notice-2011/targets/9/",
        "/indicators/",
        "/indicators/outstanding-initial-assessments/",
    ]
    grow(notice, 2)
    before = [count(client, url) for url in pages]
    grow(notice, 6)
    assert [count(client, url) for url in pages] == before
    assert Plan.objects.exists()


def test_the_notice_page_shows_its_targets_progress_in_bounded_queries(
    client, notice, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        response = client.get("/notices/improvement-notice-2011/?as_at=2011-05-31")
    text = response.content.decode()
    assert "As at 31 May 2011" in text
    assert "665 in May 2011 against an expected 1,198: better than trajectory." in text
    assert 'src="/indicators/outstanding-initial-assessments/chart.svg?as_at=2011-05-31' in text
