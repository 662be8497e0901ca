"""Democratic services (and the programme office) write a paper's narrative; nobody else
can, an issued paper never changes, and bad input is explained with nothing saved."""

from datetime import date

import pytest

from governance.models import Body, CommitteePaper, PaperSection
from targets.models import Indicator


def _form_data(paper: CommitteePaper, **changes) -> dict:
    data = {
        "plan": paper.plan_id, "by": paper.by, "to": paper.to, "subject": paper.subject,
        "classification": paper.classification, "summary": paper.summary,
        "as_at_day": paper.as_at.day, "as_at_month": paper.as_at.month,
        "as_at_year": paper.as_at.year, "previous_paper_date_day": "23",
        "previous_paper_date_month": "5", "previous_paper_date_year": "2011",
        "readings_from_day": "1", "readings_from_month": "2", "readings_from_year": "2011",
        "indicators": [i.pk for i in paper.indicators.all()],
        "recommendations": paper.recommendations, "contact_name": paper.contact_name,
        "contact_title": paper.contact_title, "contact_phone": paper.contact_phone,
        "contact_email": paper.contact_email, "background_documents": paper.background_documents,
    }  # fmt: skip
    sections = list(paper.sections.all())
    data.update({"section-TOTAL_FORMS": len(sections) + 1, "section-INITIAL_FORMS": len(sections)})
    for n, section in enumerate(sections):
        data[f"section-{n}-heading"], data[f"section-{n}-body"] = section.heading, section.body
    data.update(changes)
    return data


def _snapshot(paper):
    paper.refresh_from_db()
    return paper.summary, [(s.heading, s.body) for s in paper.sections.all()]


@pytest.mark.parametrize("who", ["democratic", "office"])
def test_democratic_services_rewrite_the_narrative_and_add_a_section(client_for, paper, who):
    data = _form_data(
        paper, summary="A new summary", **{"section-3-heading": "Next steps",
                                            "section-3-body": "The Panel meets on 22 June."}
    )  # fmt: skip
    response = client_for(who).post(f"/papers/committee/{paper.pk}/edit/", data)
    assert response.status_code == 302 and response.url == f"/papers/committee/{paper.pk}/"
    summary, sections = _snapshot(paper)
    assert summary == "A new summary"
    assert [h for h, _ in sections] == [
        "Introduction", "Progress to date", "Impact on Performance", "Next steps",
    ]  # fmt: skip


@pytest.mark.parametrize("who", ["board", "alice", "bob"])
def test_nobody_else_edits_a_paper(client_for, paper, who):
    before = _snapshot(paper)
    client = client_for(who)
    assert client.get(f"/papers/committee/{paper.pk}/edit/").status_code == 403
    response = client.post(f"/papers/committee/{paper.pk}/edit/", _form_data(paper, summary="X"))
    assert response.status_code == 403 and _snapshot(paper) == before


def test_an_issued_paper_cannot_be_edited(client_for, paper):
    CommitteePaper.objects.filter(pk=paper.pk).update(status="issued")
    before = _snapshot(paper)
    response = client_for("democratic").post(
        f"/papers/committee/{paper.pk}/edit/", _form_data(paper, summary="Changed after issue")
    )
    assert response.status_code == 302 and _snapshot(paper) == before


def test_bad_input_is_explained_and_nothing_is_half_saved(client_for, paper):
    before = _snapshot(paper)
    data = _form_data(paper, summary="Changed", subject="", contact_email="not an address",
                      previous_paper_date_month="7", **{"section-1-heading": ""})  # fmt: skip
    response = client_for("democratic").post(f"/papers/committee/{paper.pk}/edit/", data)
    page = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in page
    assert "Enter the paper’s subject" in page
    assert "Enter an email address like name@kent.gov.uk" in page
    assert "Enter a heading for the section" in page
    assert _snapshot(paper) == before
    later = _form_data(paper, previous_paper_date_month="7")  # 23 July, after the as-at date
    response = client_for("democratic").post(f"/papers/committee/{paper.pk}/edit/", later)
    assert response.status_code == 400
    assert "The previous paper’s date cannot be after the as at date." in response.content.decode()
    assert _snapshot(paper) == before


def test_removing_every_section_is_refused(client_for, paper):
    data = _form_data(paper, **{f"section-{n}-DELETE": "on" for n in range(3)})
    response = client_for("democratic").post(f"/papers/committee/{paper.pk}/edit/", data)
    assert response.status_code == 400 and "A paper needs at least one section." in (
        response.content.decode()
    )
    assert PaperSection.objects.filter(paper=paper).count() == 3


def test_the_indicators_chosen_are_the_ones_reported(client_for, paper):
    vacancy = Indicator.objects.get(slug="qualified-social-worker-vacancy-rate")
    data = _form_data(paper, indicators=[vacancy.pk], readings_from_year="2010",
                      readings_from_month="1")  # fmt: skip
    client = client_for("democratic")
    assert client.post(f"/papers/committee/{paper.pk}/edit/", data).status_code == 302
    page = client.get(f"/papers/committee/{paper.pk}/").content.decode()
    assert "Reduced qualified social worker vacancy rate from 26% to 11%" in page
    assert "unallocated cases from" not in page


def test_the_edit_page_query_count_is_bounded(client_for, paper, django_assert_max_num_queries):
    client = client_for("democratic")
    with django_assert_max_num_queries(14):
        assert client.get(f"/papers/committee/{paper.pk}/edit/").status_code == 200


def test_democratic_services_draft_a_new_paper_for_a_meeting(client_for, paper):
    cabinet = Body.objects.get(slug="cabinet")
    meeting = cabinet.meetings.create(date=date(2011, 11, 14), title="Cabinet")
    client = client_for("democratic")
    form = client.get(f"/meetings/{meeting.pk}/papers/new/").content.decode()
    assert "Draft a committee paper" in form and "[performance]" in form
    data = _form_data(paper, to="", subject="Improvement Plan: November update",
                      as_at_day="31", as_at_month="10")  # fmt: skip
    response = client.post(f"/meetings/{meeting.pk}/papers/new/", data)
    new = CommitteePaper.objects.get(meeting=meeting)
    assert response.status_code == 302 and response.url == new.get_absolute_url()
    assert new.to_line == "Cabinet - 14 November 2011" and new.status == "draft"
    assert new.sections.count() == 3 and new.indicators.count() == 4
    board = client_for("board")
    assert board.get(f"/meetings/{meeting.pk}/papers/new/").status_code == 403
    assert board.post(f"/meetings/{meeting.pk}/papers/new/", data).status_code == 403
    assert CommitteePaper.objects.filter(meeting=meeting).count() == 1
