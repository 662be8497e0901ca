from datetime import date

import pytest

from reports.models import RenderedPaper

from .conftest import INSPECTION, PLAN

PAGES = [
    f"/papers/plan/{PLAN}/",
    f"/papers/plan-progress/{PLAN}/",
    f"/papers/matrix/{PLAN}/",
    f"/papers/inspection/{INSPECTION}/",
]


@pytest.mark.parametrize("url", PAGES)
def test_it_previews_each_report_in_bounded_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        page = client.get(url)
    assert page.status_code == 200
    assert "Download as PDF" in page.content.decode()


def test_it_previews_the_plan_with_every_action_and_the_appendices(client):
    html = client.get(f"/papers/plan/{PLAN}/?as_at=2011-11-15").content.decode()
    assert html.index('id="action-1.1.1"') < html.index('id="action-6.3.6"')
    assert html.count('<tr id="action-') == 129
    anchors = ['id="appendix-1"', 'id="appendix-2"', 'id="appendix-3"', 'href="#in-3"',
               'href="#o-1"', 'href="#ct-1"', 'id="in-16"', 'id="ct-10"', 'id="o-23"']  # fmt: skip
    for anchor in anchors:
        assert anchor in html


def test_it_shows_progress_columns_only_in_the_progress_edition(client):
    plain = client.get(f"/papers/plan/{PLAN}/").content.decode()
    progress = client.get(f"/papers/plan-progress/{PLAN}/").content.decode()
    assert "Latest commentary" not in plain
    assert "Latest commentary" in progress


def test_it_explains_a_date_it_cannot_read(client):
    page = client.get(f"/papers/plan/{PLAN}/?as_at=last-tuesday")
    assert page.status_code == 400
    assert "2011-06-30" in page.content.decode()


def test_it_says_an_unknown_paper_or_subject_does_not_exist(client):
    assert client.get(f"/papers/nonsense/{PLAN}/").status_code == 404
    assert client.get("/papers/plan/no-such-plan/").status_code == 404
    assert client.get("/papers/plan/no-such-plan/pdf/").status_code == 404


def test_it_queues_a_pdf_once_and_shows_a_page_that_refreshes_itself(
    client, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    url = f"/papers/inspection/{INSPECTION}/pdf/?as_at=2011-11-15"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
        second = client.get(url)
    assert first.status_code == second.status_code == 202
    html = first.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "being prepared" in html
    assert RenderedPaper.objects.filter(subject=INSPECTION, as_at=date(2011, 11, 15)).count() == 1
    assert DBTaskResult.objects.count() == 1


def test_it_serves_a_ready_pdf_from_storage_quickly(
    client, ready_render, django_assert_max_num_queries
):
    ready_render()
    with django_assert_max_num_queries(12):
        page = client.get(f"/papers/inspection/{INSPECTION}/pdf/?as_at=2011-11-15")
    assert page.status_code == 200
    assert page["Content-Type"] == "application/pdf"
    assert b"".join(page.streaming_content).startswith(b"%PDF-1.7 stand-in")


def test_it_renders_again_when_the_data_changes(client, ready_render, plan_2011):
    ready_render()
    action = plan_2011.actions.get(ref="1.1.1")
    action.text = "Re-worded"
    action.save()
    page = client.get(f"/papers/inspection/{INSPECTION}/pdf/?as_at=2011-11-15")
    assert page.status_code == 202
    assert RenderedPaper.objects.filter(subject=INSPECTION).count() == 2


def test_it_offers_the_matrix_as_excel(client):
    from io import BytesIO

    from openpyxl import load_workbook

    page = client.get(f"/papers/matrix/{PLAN}/xlsx/?as_at=2011-11-15")
    assert page.status_code == 200
    sheet = load_workbook(BytesIO(page.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    in3 = [r for r in rows if r[1] == "IN 3"]
    assert in3 and all(r[3] for r in in3)
    assert {r[0] for r in rows} == {
        "Improvement Notice targets", "Ofsted recommendations", "Core tasks"
    }  # fmt: skip


def test_it_lets_a_reader_stop_the_page_refreshing_itself(client):
    url = f"/papers/inspection/{INSPECTION}/pdf/?as_at=2011-11-15&refresh=off"
    html = client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in html
    assert "Check now" in html
