"""Recording meetings: agenda, attendance, decisions. Only the programme office and
democratic services record; everyone else reads, and their hand-made POSTs change nothing."""

from datetime import date

import pytest

from governance.models import AgendaItem, Attendance, Decision, Meeting

RECORDERS = ["office", "democratic", "admin"]
READERS = ["board", "alice", "bob"]


def _meeting_post(client, board, **extra):
    data = {"date_day": "15", "date_month": "12", "date_year": "2011", "title": "Board", **extra}
    return client.post(f"/governance/{board.slug}/meetings/new/", data)


@pytest.mark.parametrize("who", RECORDERS)
def test_it_lets_the_programme_office_and_democratic_services_record_a_meeting(
    client_for, board, who
):
    response = _meeting_post(client_for(who), board, note="December meeting")
    meeting = Meeting.objects.get(body=board, date=date(2011, 12, 15))
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert meeting.note == "December meeting" and not meeting.is_sample


@pytest.mark.parametrize("who", READERS)
def test_it_refuses_a_meeting_recorded_by_anyone_else(client_for, board, who):
    client = client_for(who)
    assert client.get(f"/governance/{board.slug}/meetings/new/").status_code == 403
    assert _meeting_post(client, board).status_code == 403
    assert not Meeting.objects.filter(date=date(2011, 12, 15)).exists()


@pytest.mark.parametrize("who", READERS)
def test_it_refuses_agenda_attendance_decisions_and_log_entries_from_readers(
    client_for, meeting, who
):
    client, base = client_for(who), f"/meetings/{meeting.pk}"
    posts = {
        f"{base}/edit/": {"date_day": "1", "date_month": "1", "date_year": "2011", "title": "X"},
        f"{base}/agenda/new/": {"order": "1", "title": "Minutes"},
        f"{base}/attendance/": {},
        f"{base}/decisions/new/": {"text": "Agreed"},
        f"{base}/action-log/new/": {"description": "Do it", "owner": "1"},
    }
    for url, data in posts.items():
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    meeting.refresh_from_db()
    assert meeting.date == date(2011, 9, 15)
    assert not AgendaItem.objects.exists() and not Decision.objects.exists()


def test_it_explains_a_second_meeting_on_the_same_day_and_saves_nothing(client_for, meeting):
    response = _meeting_post(
        client_for("office"), meeting.body, date_day="15", date_month="9", date_year="2011"
    )
    assert response.status_code == 400
    assert "Kent Improvement Board already has a meeting on 15 September 2011." in (
        response.content.decode()
    )
    assert Meeting.objects.filter(body=meeting.body).count() == 1


def test_it_explains_a_missing_date_in_the_error_summary(client_for, board):
    response = client_for("office").post(
        f"/governance/{board.slug}/meetings/new/", {"title": "Board"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and "Enter the date of the meeting" in page


def test_it_records_the_agenda_in_order_and_refuses_a_number_twice(client_for, meeting):
    client = client_for("democratic")
    url = f"/meetings/{meeting.pk}/agenda/new/"
    client.post(url, {"order": "2", "title": "Progress report", "presenter": "Malcolm Newsam"})
    client.post(url, {"order": "1", "title": "Minutes", "paper_url": "/papers/committee/"})
    again = client.post(url, {"order": "1", "title": "Another"})
    assert (
        again.status_code == 400 and "The agenda already has an item 1." in again.content.decode()
    )
    bad = client.post(url, {"order": "3", "title": "X", "paper_url": "javascript:alert(1)"})
    assert bad.status_code == 400
    assert [i.title for i in meeting.agenda_items.all()] == ["Minutes", "Progress report"]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.index("Minutes") < page.index("Progress report")


def test_it_records_who_attended_and_who_sent_apologies(client_for, meeting):
    people = {m.lead.name: m.lead for m in meeting.body.memberships.select_related("lead")}
    railton, ward = people["Liz Railton"], people["Julian Ward"]
    client = client_for("office")
    data = {f"lead_{railton.pk}": "attended", f"lead_{ward.pk}": "apologies"}
    assert client.post(f"/meetings/{meeting.pk}/attendance/", data).status_code == 302
    lines = {a.lead.name: a.status for a in Attendance.objects.filter(meeting=meeting)}
    assert lines == {"Liz Railton": "attended", "Julian Ward": "apologies"}
    client.post(f"/meetings/{meeting.pk}/attendance/", {f"lead_{railton.pk}": "attended"})
    assert list(Attendance.objects.values_list("lead__name", flat=True)) == ["Liz Railton"]


def test_it_refuses_a_decision_under_another_meetings_agenda_item(client_for, meeting, board):
    other = Meeting.objects.create(body=board, date=date(2011, 10, 20), title="Board")
    foreign = AgendaItem.objects.create(meeting=other, order=1, title="Elsewhere")
    client = client_for("office")
    url = f"/meetings/{meeting.pk}/decisions/new/"
    response = client.post(url, {"agenda_item": foreign.pk, "text": "Agreed"})
    assert response.status_code == 400
    assert "Choose an item on this meeting’s agenda" in response.content.decode()
    assert not Decision.objects.exists()
    own = AgendaItem.objects.create(meeting=meeting, order=1, title="Progress")
    assert client.post(url, {"agenda_item": own.pk, "text": "Agreed"}).status_code == 302
    assert Decision.objects.get().agenda_item == own


def test_the_meetings_list_pages_through_the_meetings(client, board):
    for month in range(1, 13):
        for day in (5, 25):
            Meeting.objects.create(body=board, date=date(2010, month, day), title="Board")
    first = client.get(f"/governance/{board.slug}/meetings/").content.decode()
    second = client.get(f"/governance/{board.slug}/meetings/?page=2").content.decode()
    assert "25 December 2010" in first and "5 January 2010" not in first
    assert "5 January 2010" in second and 'aria-label="Pages of meetings"' in first


def test_board_members_read_the_meeting_without_the_recording_links(client, board_meetings):
    page = client.get(board_meetings[-1].get_absolute_url()).content.decode()
    assert "Any other business" in page and "Sample data" in page
    assert "Record a decision" not in page and "Add an agenda item" not in page


def test_a_decision_can_be_corrected_by_the_office_only(client_for, meeting):
    decision = Decision.objects.create(meeting=meeting, text="Agred")
    url = f"/meetings/{meeting.pk}/decisions/{decision.pk}/"
    assert client_for("board").post(url, {"text": "Hacked"}).status_code == 403
    assert client_for("office").post(url, {"text": "Agreed"}).status_code == 302
    decision.refresh_from_db()
    assert decision.text == "Agreed"
