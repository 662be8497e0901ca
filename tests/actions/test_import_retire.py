"""Re-importing a plan never deletes progress: actions with updates are kept and retired."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import ProtectedError

from actions.models import Action, ProgressUpdate
from actions.planexport import plan_export_data
from actions.services import plan_import, plan_import_text
from kentplan.datafile import DataFileError


def add_update(action, period, author) -> ProgressUpdate:
    return ProgressUpdate.objects.create(
        action=action, period=period, author=author, status="on_track", rating="green",
        suggested_rating="green", rating_rule="x", commentary="Going well",
        submitted_at="2011-11-10T10:00Z",
    )  # fmt: skip


def file_without(plan, *refs: str) -> str:
    """The plan's own export with these actions left out, as JSON text."""
    data = plan_export_data(plan=plan)
    for priority in data["priorities"]:
        for outcome in priority.get("outcomes", []):
            outcome["actions"] = [a for a in outcome.get("actions", []) if a["ref"] not in refs]
            for action in outcome["actions"]:
                action["links"] = [x for x in action.get("links", []) if x["ref"] not in refs]
                if not action["links"]:
                    action.pop("links")
    return json.dumps(data, default=str)


@pytest.fixture
def updated(plan_2011, users, open_period):
    """1.1.1 has an update; 1.1.2 has none."""
    action = plan_2011.actions.get(ref="1.1.1")
    add_update(action, open_period, users["alice"])
    return action


def test_it_protects_updates_from_deleting_their_action(updated):
    with pytest.raises(ProtectedError):
        updated.delete()


def test_an_import_missing_an_action_with_progress_is_refused_naming_it(plan_2011, updated):
    text = file_without(plan_2011, "1.1.1", "1.1.2")
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text=text)
    assert "1.1.1" in str(caught.value)
    assert "1.1.2" not in str(caught.value)
    assert plan_2011.actions.filter(ref__in=["1.1.1", "1.1.2"]).count() == 2
    assert ProgressUpdate.objects.filter(action=updated).count() == 1


def test_retiring_keeps_the_action_and_its_updates(plan_2011, updated):
    text = file_without(plan_2011, "1.1.1", "1.1.2")
    report = plan_import(text=text, retire_missing=True)
    updated.refresh_from_db()
    assert updated.is_retired
    assert updated.retired_reason
    assert ProgressUpdate.objects.filter(action=updated).count() == 1
    assert not plan_2011.actions.filter(ref="1.1.2").exists()  # no progress: removed
    assert report.retired == ["1.1.1"]
    assert report.removed == ["1.1.2"]
    assert updated.history.filter(retired_on__isnull=False).exists()


def test_a_retired_action_stays_retired_when_imported_again(plan_2011, updated):
    text = file_without(plan_2011, "1.1.1")
    plan_import(text=text, retire_missing=True)
    plan_import_text(text=text)  # no longer refused: it is already retired
    updated.refresh_from_db()
    assert updated.is_retired


def test_a_retired_action_is_shown_as_retired(plan_2011, updated, client):
    plan_import(text=file_without(plan_2011, "1.1.1"), retire_missing=True)
    page = client.get(updated.get_absolute_url())
    assert page.status_code == 200
    assert "Retired" in page.content.decode()
    link = f'href="/plans/{plan_2011.slug}/actions/1.1.1/"'
    listing = client.get(f"/plans/{plan_2011.slug}/actions/").content.decode()
    assert link not in listing and f'href="/plans/{plan_2011.slug}/actions/1.1.2/"' in listing
    assert "Include retired actions" in listing
    listing = client.get(f"/plans/{plan_2011.slug}/actions/?retired=1").content.decode()
    assert f'{link}>1.1.1 <strong class="govuk-tag govuk-tag--grey">Retired</strong>' in listing


def test_a_dry_run_says_what_would_change_and_writes_nothing(plan_2011, updated, capsys, tmp_path):
    data = json.loads(file_without(plan_2011, "1.1.1", "1.1.2"))
    outcome = data["priorities"][0]["outcomes"][0]
    outcome["actions"][0]["text"] = "Changed wording"
    changed_ref = outcome["actions"][0]["ref"]
    outcome["actions"].append({"ref": "1.1.99", "text": "A new action", "leads": ["Rob Semens"]})
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data))
    before = Action.history.count(), Action.objects.count()
    call_command("import_plan", str(path), "--dry-run", "--retire-missing")
    out = capsys.readouterr().out
    assert "1.1.99" in out and changed_ref in out and "1.1.1" in out and "1.1.2" in out
    assert "nothing was written" in out.lower()
    assert (Action.history.count(), Action.objects.count()) == before
    assert not Action.objects.get(plan=plan_2011, ref="1.1.1").is_retired


def test_the_command_refuses_and_names_the_refs(plan_2011, updated, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(file_without(plan_2011, "1.1.1"))
    with pytest.raises(CommandError, match=r"1\.1\.1.*--retire-missing"):
        call_command("import_plan", str(path))


def test_a_retired_action_is_no_longer_asked_for_updates(plan_2011, updated, users):
    from datetime import date

    from actions.selectors_progress import my_actions

    plan_import(text=file_without(plan_2011, "1.1.1"), retire_missing=True)
    groups = my_actions(lead=users["alice"].lead, period=None, today=date(2011, 11, 15), limit=500)
    refs = {row.action.ref for group in groups for row in group.rows}
    assert "1.1.1" not in refs
    assert "1.1.3" in refs


def test_a_retired_action_takes_no_more_updates(plan_2011, updated, users, client_for):
    """Neither its priority lead nor the programme office is offered an Update button, and
    a hand-made POST is refused, saving nothing."""
    import time_machine

    plan_import(text=file_without(plan_2011, "1.1.1"), retire_missing=True)
    url = f"/plans/{plan_2011.slug}/actions/1.1.1/update/"
    for name in ("bob", "office"):
        client = client_for(name)
        with time_machine.travel("2011-11-15", tick=False):
            page = client.get(updated.get_absolute_url()).content.decode()
            assert url not in page
            response = client.post(url, {"status": "complete", "commentary": "Done"})
        assert response.status_code == 403
    saved = ProgressUpdate.objects.filter(action=updated).values_list("status", flat=True)
    assert list(saved) == ["on_track"]
