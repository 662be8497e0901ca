"""Charts are valid, self-contained SVG, drawn once per (indicator, as-at date, data version)."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.core.cache import cache

from targets import charts, selectors
from tests.targets.conftest import add_reading, make_indicator

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def backlog(db):
    cache.clear()
    indicator = make_indicator()
    add_reading(indicator, date(2011, 2, 1), 900)
    add_reading(indicator, date(2011, 3, 1), 700, is_sample=True)
    return indicator


def test_it_draws_valid_svg_that_fetches_nothing(backlog):
    svg = charts.chart_svg(selectors.indicator_get(slug=backlog.slug))
    root = ET.fromstring(svg.encode())
    assert root.tag == f"{SVG}svg"
    links = [
        value
        for element in root.iter()
        for name, value in element.attrib.items()
        if name.endswith("href") or name == "src"
    ]
    assert links and all(link.startswith("#") for link in links)
    assert "url(http" not in svg and "@import" not in svg and "<image" not in svg
    assert root.find(f"{SVG}text") is None  # text drawn as paths: no font needed


def test_the_chart_url_serves_svg_to_any_reader(client, backlog):
    progress = selectors.indicator_get(slug=backlog.slug)
    response = client.get(progress.chart_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    ET.fromstring(response.content)


def test_it_is_cached_until_the_data_changes(backlog, monkeypatch):
    first = selectors.indicator_get(slug=backlog.slug)
    svg = charts.indicator_chart(first)
    drawn = []
    monkeypatch.setattr(charts, "chart_svg", lambda p, small: drawn.append(p) or "new")
    assert charts.indicator_chart(selectors.indicator_get(slug=backlog.slug)) == svg
    assert drawn == []
    add_reading(backlog, date(2011, 4, 1), 400)
    changed = selectors.indicator_get(slug=backlog.slug)
    assert changed.data_version != first.data_version
    assert charts.indicator_chart(changed) == "new"


def test_an_earlier_as_at_date_draws_only_the_readings_up_to_then(backlog):
    early = selectors.indicator_get(slug=backlog.slug, as_at=date(2011, 2, 15))
    assert [r.value for r in early.readings] == [900]
    assert early.chart_url.endswith(f"as_at=2011-02-15&v={early.data_version}")
