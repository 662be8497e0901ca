from datetime import date

import pytest

from governance.models import CommitteePaper
from governance.sampledata import posc_june_2011_paper_load


@pytest.fixture
def paper(seeded) -> CommitteePaper:
    """The draft of the 21 June 2011 scrutiny paper (seed 002), on the real readings."""
    posc_june_2011_paper_load()
    return CommitteePaper.objects.get(meeting__date=date(2011, 6, 21))
