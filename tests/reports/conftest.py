from datetime import date

import pytest
from django.core.files.base import ContentFile

from governance.models import CommitteePaper
from governance.sampledata import posc_june_2011_paper_load
from reports.models import RenderedPaper
from reports.registry import kind_get

PLAN = "putting-children-first-2011"
INSPECTION = "ofsted-unannounced-2010"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Rendered and issued files go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KENTPLAN_TODAY = "2011-11-15"


@pytest.fixture
def ready_render(seeded):
    """A finished render of the inspection action plan, as the worker would leave it, for
    the data as it is now (a small stand-in PDF, so tests of issuing stay quick)."""

    def make(kind: str = "inspection", subject: str = INSPECTION, as_at="2011-11-15"):
        rendered = RenderedPaper.objects.create(
            kind=kind,
            subject=subject,
            as_at=as_at,
            data_version=kind_get(kind).version(),
            status=RenderedPaper.Status.READY,
            pages=1,
        )
        rendered.file.save(f"{subject}.pdf", ContentFile(b"%PDF-1.7 stand-in " + kind.encode()))
        return rendered

    return make


@pytest.fixture
def paper(seeded) -> CommitteePaper:
    """The draft of the 21 June 2011 scrutiny paper (seed 002), on the real readings."""
    posc_june_2011_paper_load()
    return CommitteePaper.objects.get(meeting__date=date(2011, 6, 21))
