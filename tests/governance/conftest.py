from datetime import date

import pytest

from governance.models import Body, CommitteePaper, Meeting
from governance.sampledata import posc_june_2011_paper_load, sample_board_meetings_load


@pytest.fixture
def board(seeded) -> Body:
    return Body.objects.get(slug="kent-improvement-board")


@pytest.fixture
def board_meetings(board) -> list[Meeting]:
    """The sample monthly meetings of the Improvement Board, March–November 2011."""
    sample_board_meetings_load()
    return list(Meeting.objects.filter(body=board).order_by("date"))


@pytest.fixture
def meeting(board) -> Meeting:
    return Meeting.objects.create(
        body=board, date=date(2011, 9, 15), title="Kent Improvement Board"
    )


@pytest.fixture
def paper(seeded) -> CommitteePaper:
    """The draft of the 21 June 2011 scrutiny paper (seed 002)."""
    posc_june_2011_paper_load()
    return CommitteePaper.objects.get(meeting__date=date(2011, 6, 21))
