"""Evidence access and its download log (issue 9, item 12); rights follow the role
(item 13); an update entered by the programme office, double-clicks and link case (item 14);
intranet links (issue 10)."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from actions.models import Evidence, EvidenceDownload, ProgressUpdate
from tests.conftest import make_user

URL = "/plans/putting-children-first-2011/actions/1.1.1/update/"


@pytest.fixture(autouse=True)
def _demo_day():
    with time_machine.travel(date(2011, 11, 15), tick=False):
        yield


@pytest.fixture
def evidence_file(client_for, open_period, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("audit.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    client_for("alice").post(URL, {"status": "on_track", "evidence_file": upload})
    return Evidence.objects.get()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("alice", True), ("bob", True), ("office", True), ("board", True), ("charlie", False),
     ("democratic", False)],
)  # fmt: skip
def test_evidence_is_read_only_by_those_it_concerns(client_for, evidence_file, who, allowed):
    response = client_for(who).get(f"/evidence/{evidence_file.pk}/")
    assert response.status_code == (200 if allowed else 403)
    assert EvidenceDownload.objects.filter(user__username=who).exists() == allowed


def test_every_download_is_logged(client_for, users, evidence_file):
    client_for("bob").get(f"/evidence/{evidence_file.pk}/")
    client_for("bob").get(f"/evidence/{evidence_file.pk}/")
    log = EvidenceDownload.objects.filter(evidence=evidence_file)
    assert log.count() == 2 and {d.user for d in log} == {users["bob"]}


def test_a_board_member_linked_to_a_lead_cannot_post_updates(users, open_period, seeded):
    chair = make_user("chair", role="Board member", lead="Liz Railton")
    action = users["alice"].lead.actions.get(ref="1.1.1")
    from actions.models import ActionLead

    ActionLead.objects.create(action=action, lead=chair.lead, order=9)
    action = type(action).objects.get(pk=action.pk)
    assert not chair.has_perm("actions.update_action", action)
    assert users["alice"].has_perm("actions.update_action", action)


def test_a_lead_may_change_an_update_the_programme_office_entered(client_for, open_period):
    assert (
        client_for("office")
        .post(URL, {"status": "on_track", "commentary": "By office"})
        .status_code
        == 302
    )  # noqa: E501
    update = ProgressUpdate.objects.get()
    changed = {"status": "at_risk", "commentary": "Rob's own words", "version": update.version}
    assert client_for("alice").post(URL, changed).status_code == 302
    update.refresh_from_db()
    assert update.commentary == "Rob's own words"


def test_a_double_click_on_save_is_not_a_conflict(client_for, open_period):
    alice = client_for("alice")
    data = {"status": "on_track", "commentary": "Going well"}
    assert alice.post(URL, data).status_code == 302
    second = alice.post(URL, data)  # the same form sent again, with the old version
    assert second.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.version == 1
    changed = alice.post(URL, {**data, "version": 1})
    assert changed.status_code == 302
    assert alice.post(URL, {**data, "version": 1}).status_code == 302  # a double-click again
    other = alice.post(URL, {**data, "commentary": "Different", "version": 1})
    assert other.status_code == 409  # a stale form with other words is still a conflict


@pytest.mark.parametrize(
    "link", ["HTTPS://www.kent.gov.uk/report", "http://knet/sites/cfe/audit.docx",
             "https://intranet.kent/x?y=1"],
)  # fmt: skip
def test_upper_case_and_intranet_links_are_accepted(client_for, open_period, link):
    response = client_for("alice").post(URL, {"status": "on_track", "evidence_url": link})
    assert response.status_code == 302
    assert Evidence.objects.get().url == link


@pytest.mark.parametrize(
    ("link", "message"),
    [("www.kent.gov.uk", "starts with https:// or http://"),
     ("https://", "the name of the site after https://"),
     ("https://kent gov", "the name of the site after https://")],
)  # fmt: skip
def test_a_bad_link_is_explained_in_words(client_for, open_period, link, message):
    response = client_for("alice").post(URL, {"status": "on_track", "evidence_url": link})
    assert response.status_code == 400
    assert message in response.content.decode()
