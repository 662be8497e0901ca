"""The committee paper as a paper: previewed, drawn as a PDF whose figures are the readings
as at its date, issued into the archive to its own meeting, after which its draft is frozen."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape

from governance.models import CommitteePaper, Meeting
from governance.services import SectionInput, committee_paper_save
from reports import services
from reports.models import IssuedPaper, RenderedPaper, ReportKind
from tests.pdftext import pdf_pages_joined

KIND = ReportKind.COMMITTEE_PAPER

# The readings of seed 002's paragraph, as the product works them out as at 31 May 2011.
FIGURES = [
    "Recorded unallocated cases over 28 days at 71 (May 2011)",
    "Reduced unallocated cases from 2,269 to 338",
    "Reduced outstanding initial assessments from 1,926 to 665",
    "Reduced outstanding core assessments from 2,019 to 1,411",
]


def _pdf_text(content: bytes) -> list[str]:
    return pdf_pages_joined(content)


@pytest.fixture
def drawn(paper):
    """The paper's PDF as the worker draws it, for the data as it is now."""
    rendered = services.paper_request(kind=KIND, subject=str(paper.pk), as_at=paper.as_at)
    return services.paper_render(rendered=rendered)


def _issue(client, paper, **extra):
    data = {"kind": KIND, "subject": str(paper.pk), "as_at": paper.as_at.isoformat(), **extra}
    return client.post("/papers/issue/", data)


def test_it_draws_the_pdf_with_the_readings_as_at_the_papers_date(paper, drawn):
    assert drawn.status == RenderedPaper.Status.READY
    with drawn.file.open("rb") as handle:
        pages = _pdf_text(handle.read())
    text = " ".join(pages)
    for figure in FIGURES:
        assert figure in text
    headings = ["By:", "To:", "Subject:", "Classification:", "Summary", "Recommendations",
                "Background documents:", "(1) The Improvement Plan is a standing item"]  # fmt: skip
    for heading in headings:
        assert heading in text
    assert "Specialist Children's Services Policy Overview & Scrutiny Committee - 21 June 2011" in (
        text.replace("’", "'")
    )
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "as at 31 May 2011" in page
    assert "Draft" not in text  # the PDF is what is issued


def test_it_shows_the_papers_own_date_unless_asked_for_another(client, paper):
    page = client.get(f"/papers/committee/{paper.pk}/").content.decode()
    assert 'value="2011-05-31"' in page and FIGURES[1] in page
    later = client.get(f"/papers/committee/{paper.pk}/?as_at=2011-07-31").content.decode()
    assert "not the paper’s own date" in later
    assert f"/papers/{KIND}/{paper.pk}/pdf/?as_at=2011-05-31" in page


def test_democratic_services_issue_it_to_its_meeting_and_the_draft_freezes(
    client_for, paper, drawn
):
    democratic = client_for("democratic")
    response = _issue(democratic, paper)
    issued = IssuedPaper.objects.get()
    assert response.status_code == 302 and response["Location"] == issued.get_absolute_url()
    assert (issued.kind, issued.subject, issued.meeting) == (KIND, str(paper.pk), paper.meeting)
    assert issued.as_at == paper.as_at
    paper.refresh_from_db()
    assert paper.is_issued
    with issued.file.open("rb") as handle:
        assert FIGURES[1] in " ".join(_pdf_text(handle.read()))

    edit = democratic.get(f"/papers/committee/{paper.pk}/edit/")
    assert edit.status_code == 302
    before = paper.subject
    democratic.post(f"/papers/committee/{paper.pk}/edit/", {"subject": "Changed"})
    paper.refresh_from_db()
    assert paper.subject == before
    with pytest.raises(ValidationError, match="issued"):
        committee_paper_save(paper=paper, fields={"subject": "Changed"}, indicators=[],
                             sections=[SectionInput("Introduction", "Text")])  # fmt: skip
    preview = democratic.get(f"/papers/committee/{paper.pk}/").content.decode()
    assert "Edit the draft" not in preview and "The draft is frozen" in preview
    assert "Issue a correction" in preview


def test_it_is_found_in_the_archive_and_on_its_meetings_page(client, client_for, paper, drawn):
    _issue(client_for("office"), paper)
    issued = IssuedPaper.objects.get()
    archive = client.get("/papers/").content.decode()
    assert escape(issued.title) in archive
    meeting_page = client.get(paper.meeting.get_absolute_url()).content.decode()
    assert "Papers issued to this meeting" in meeting_page and issued.get_absolute_url() in (
        meeting_page
    )
    assert client.get(f"/papers/issued/{issued.pk}/file/").status_code == 200


@pytest.mark.parametrize("role", ["board", "alice", "bob"])
def test_only_democratic_services_and_the_programme_office_issue(client_for, paper, drawn, role):
    response = _issue(client_for(role), paper)
    assert response.status_code == 403
    assert not IssuedPaper.objects.exists()
    paper.refresh_from_db()
    assert not paper.is_issued


def test_it_is_only_issued_to_its_own_meeting(client_for, paper, drawn):
    other = Meeting.objects.exclude(pk=paper.meeting_id).first()
    response = _issue(client_for("democratic"), paper, meeting=other.pk)
    assert response.status_code == 302
    assert not IssuedPaper.objects.exists()
    paper.refresh_from_db()
    assert paper.status == CommitteePaper.Status.DRAFT


def test_a_correction_is_a_new_issue_superseding_the_old(client_for, paper, drawn):
    democratic = client_for("democratic")
    _issue(democratic, paper)
    first = IssuedPaper.objects.get()
    # Issuing froze the draft, a new version of the data: the correction is drawn afresh.
    rendered = services.paper_request(kind=KIND, subject=str(paper.pk), as_at=paper.as_at)
    services.paper_render(rendered=rendered)
    _issue(democratic, paper, supersedes=first.pk)
    second = IssuedPaper.objects.exclude(pk=first.pk).get()
    assert second.supersedes == first and second.meeting == paper.meeting
    assert IssuedPaper.objects.count() == 2


def test_it_waits_for_the_pdf_before_issuing_and_the_draft_stays_a_draft(client_for, paper):
    response = _issue(client_for("democratic"), paper)
    assert response.status_code == 302
    assert response["Location"] == f"/papers/{KIND}/{paper.pk}/?as_at=2011-05-31"
    assert not IssuedPaper.objects.exists()
    paper.refresh_from_db()
    assert not paper.is_issued


def test_the_preview_with_issuing_stays_within_a_fixed_number_of_queries(
    client_for, paper, django_assert_max_num_queries
):
    democratic = client_for("democratic")
    with django_assert_max_num_queries(18):
        assert democratic.get(f"/papers/committee/{paper.pk}/").status_code == 200
    with django_assert_max_num_queries(18):
        assert democratic.get(f"/papers/{KIND}/{paper.pk}/").status_code == 200


def test_an_unknown_paper_is_not_found(client):
    assert client.get("/papers/committee-paper/99999/").status_code == 404
    assert client.get("/papers/committee-paper/nope/").status_code == 404


def test_an_issued_papers_sections_cannot_be_changed_in_the_admin_either(client_for, paper, drawn):
    _issue(client_for("democratic"), paper)
    section = paper.sections.first()
    admin = client_for("admin")
    url = f"/admin/governance/papersection/{section.pk}/"
    form = admin.get(f"{url}change/").content.decode()
    assert 'name="body"' not in form  # shown, not editable
    admin.post(f"{url}change/", {"paper": paper.pk, "order": 1, "heading": "X", "body": "X"})
    admin.post(f"{url}delete/", {"post": "yes"})
    section.refresh_from_db()
    assert section.heading != "X"
    add = admin.get("/admin/governance/papersection/add/").content.decode()
    assert f'<option value="{paper.pk}"' not in add
