from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from actions.models import Action, Lead, Plan
from actions.planexport import plan_export_text
from actions.services import plan_import_text
from kentplan.datafile import DataFileError
from targets.models import ImprovementNotice, Inspection

PLAN_FILE = Path(settings.FIXTURES_DIR) / "plans" / "2011-putting-children-first.yaml"


def snapshot() -> dict[str, list]:
    """Every row of every kentplan table (history aside), to compare before and after."""
    tables = {}
    for model in apps.get_models():
        label = model._meta.app_label
        if label in ("actions", "targets", "governance") and not model.__name__.startswith(
            "Historical"
        ):
            tables[model.__name__] = sorted(map(str, model._default_manager.values_list()))
    return tables


def history_count() -> int:
    historical = (m for m in apps.get_models() if m.__name__.startswith("Historical"))
    return sum(m._default_manager.count() for m in historical)


def test_importing_an_export_changes_nothing(plan_2011):
    before, history_before = snapshot(), history_count()
    plan_import_text(text=plan_export_text(plan=plan_2011))
    assert snapshot() == before
    assert history_count() == history_before


def test_an_export_imported_into_an_empty_database_exports_identically(plan_2011):
    for slug in ("putting-children-first-2011", "unannounced-inspection-action-plan-2010"):
        exported = plan_export_text(plan=Plan.objects.get(slug=slug))
        _empty_the_database()
        if slug == "putting-children-first-2011":
            _import_predecessor_stub()
        plan_import_text(text=exported)
        assert plan_export_text(plan=Plan.objects.get(slug=slug)) == exported


def _empty_the_database():
    from governance.models import Body, Meeting, Signatory

    for model in (Signatory, Meeting, Body):
        model.objects.all().delete()
    while Plan.objects.exists():  # a plan goes only once no plan follows it
        Plan.objects.filter(successors__isnull=True).delete()
    Lead.objects.all().delete()
    apps.get_model("targets", "Indicator").objects.all().delete()
    apps.get_model("targets", "Recommendation").objects.all().delete()
    Inspection.objects.all().delete()
    apps.get_model("targets", "NoticeTarget").objects.all().delete()
    ImprovementNotice.objects.all().delete()


def _import_predecessor_stub():
    plan_import_text(
        text="plan: {slug: unannounced-inspection-action-plan-2010, title: T, short_title: T}\n"
    )


def test_the_json_export_imports_too(plan_2011):
    before = snapshot()
    plan_import_text(text=plan_export_text(plan=plan_2011, fmt="json"))
    assert snapshot() == before


def test_the_fixture_file_is_what_export_writes(plan_2011):
    assert plan_export_text(plan=plan_2011) == PLAN_FILE.read_text(encoding="utf-8")


BROKEN_LEAD = """\
plan: {slug: broken, title: Broken plan, short_title: Broken}
leads:
  - {name: Rob Semens}
priorities:
  - number: 1
    title: Leadership
    outcomes:
      - ref: "1.1"
        statement: Leaders are clear
        actions:
          - ref: 1.1.1
            text: First
            leads: [Rob Semens]
          - ref: 1.1.2
            text: Second
            leads: [Rob Semen]
"""


def test_a_plan_naming_an_unknown_lead_is_refused_with_the_line_and_nothing_is_saved(db):
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text=BROKEN_LEAD)
    assert [str(p) for p in caught.value.problems] == [
        "line 14, action 1.1.2: names lead 'Rob Semen', who is not under 'leads'"
    ]
    assert not Plan.objects.filter(slug="broken").exists()
    assert not Action.objects.filter(plan__slug="broken").exists()


def test_a_misspelt_key_and_a_wrong_type_are_both_reported(db):
    text = BROKEN_LEAD.replace("text: First", "txt: First").replace("number: 1", "number: one")
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text=text)
    messages = [str(p) for p in caught.value.problems]
    assert "line 5, priority one.number: should be a whole number, not 'one'" in messages
    assert any(m.startswith("line 11, action 1.1.1: unknown key 'txt'") for m in messages)
    assert "line 11, action 1.1.1: 'text' is missing" in messages
    assert not Plan.objects.filter(slug="broken").exists()


def test_an_unquoted_outcome_ref_is_refused_because_yaml_reads_it_as_a_number(db):
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text=BROKEN_LEAD.replace('ref: "1.1"', "ref: 1.10"))
    assert "put 1.1 in quotes so it is read as text" in str(caught.value)


def test_text_that_is_not_yaml_is_refused_with_its_line(db):
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text="plan:\n  slug: [unclosed\n")
    assert caught.value.problems[0].line == 3
    assert "not valid YAML or JSON" in str(caught.value)


def test_a_failure_late_in_the_file_leaves_an_existing_plan_untouched(plan_2011):
    exported = plan_export_text(plan=plan_2011)
    broken = exported.replace("ref: 6.3.6", "ref: 6.3.5", 1)
    before = snapshot()
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text=broken)
    assert "action 6.3.5: this ref is used more than once" in str(caught.value)
    assert snapshot() == before


def test_the_command_explains_what_is_wrong(db, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_LEAD, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", str(path))
    assert "was not imported; nothing was changed" in str(caught.value)
    assert "names lead 'Rob Semen'" in str(caught.value)


def test_the_command_says_when_there_is_no_file(db, tmp_path):
    with pytest.raises(CommandError, match="There is no file at"):
        call_command("import_plan", str(tmp_path / "missing.yaml"))


def test_export_names_the_plans_there_are_when_the_slug_is_wrong(plan_2011):
    with pytest.raises(CommandError, match="There is no plan 'nope'. Plans: "):
        call_command("export_plan", "nope")


def test_export_writes_a_file(plan_2011, tmp_path):
    out = tmp_path / "plan.json"
    call_command("export_plan", plan_2011.slug, "--format", "json", "--output", str(out))
    assert '"ref": "6.3.6"' in out.read_text(encoding="utf-8")
