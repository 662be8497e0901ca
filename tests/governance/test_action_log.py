"""The board's action log: an action is carried from meeting to meeting until closed."""

from datetime import date

import pytest

from actions.models import Lead
from governance.models import BoardAction, BoardActionNote, Meeting


@pytest.fixture
def three(board) -> list[Meeting]:
    return [
        Meeting.objects.create(body=board, date=date(2011, m, 15), title="Board") for m in (7, 8, 9)
    ]


def _log(client, meeting) -> str:
    page = client.get(meeting.get_absolute_url()).content.decode()
    return page[page.index('id="action-log"') :]


def test_an_action_is_carried_until_a_meeting_closes_it(client, client_for, three):
    july, august, september = three
    owner = Lead.objects.get(name="Maggie Blyth")
    office = client_for("office")
    office.post(
        f"/meetings/{july.pk}/action-log/new/",
        {"description": "Bring the referral data", "owner": owner.pk,
         "due_date_day": "15", "due_date_month": "8", "due_date_year": "2011"},
    )  # fmt: skip
    action = BoardAction.objects.get()
    assert action.raised_at == july and action.status == "open"
    assert "Bring the referral data" in _log(client, august)
    response = office.post(
        f"/board-actions/{action.pk}/",
        {"meeting": august.pk, "note": "Data shared with members", "owner": owner.pk,
         "status": "closed"},
    )  # fmt: skip
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "closed" and action.closed_at == august
    assert "Bring the referral data" in _log(client, july)  # open as at July
    assert "Closed at this meeting" in _log(client, august)
    assert "Data shared with members" in _log(client, august)
    assert "Bring the referral data" not in _log(client, september)
    assert "Data shared with members" not in _log(client, july)  # the note came later


def test_an_action_cannot_be_closed_at_a_meeting_before_it_was_raised(client_for, three):
    july, august, _ = three
    action = BoardAction.objects.create(
        raised_at=august, description="Later", owner=Lead.objects.get(name="Liz Railton")
    )
    response = client_for("office").post(
        f"/board-actions/{action.pk}/",
        {"meeting": july.pk, "owner": action.owner_id, "status": "closed"},
    )
    assert response.status_code == 400
    action.refresh_from_db()
    assert action.status == "open" and action.closed_at is None


def test_a_reader_cannot_close_an_action(client_for, three):
    july, august, _ = three
    action = BoardAction.objects.create(
        raised_at=july, description="Open", owner=Lead.objects.get(name="Liz Railton")
    )
    for who in ("board", "alice"):
        response = client_for(who).post(
            f"/board-actions/{action.pk}/",
            {"meeting": august.pk, "owner": action.owner_id, "status": "closed", "note": "x"},
        )
        assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == "open" and not BoardActionNote.objects.exists()


def test_the_sample_log_carries_open_actions_to_november(client, board_meetings):
    november = board_meetings[-1]
    log = _log(client, november)
    assert "Set out the recovery plan for actions rated Red" in log  # raised in September
    assert "Agree the health partners’ contribution" in log  # raised this meeting
    assert "Report the unallocated cases by district" not in log  # closed in May


def test_the_meeting_page_query_count_does_not_grow_with_the_log(
    client, board_meetings, django_assert_max_num_queries
):
    november = board_meetings[-1]
    with django_assert_max_num_queries(20):
        assert client.get(november.get_absolute_url()).status_code == 200
    for n in range(30):
        action = BoardAction.objects.create(
            raised_at=board_meetings[0], description=f"More {n}", owner=Lead.objects.first()
        )
        BoardActionNote.objects.create(action=action, meeting=november, text="Noted")
    with django_assert_max_num_queries(20):
        assert client.get(november.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"/governance/{november.body.slug}/meetings/").status_code == 200
