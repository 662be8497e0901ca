"""Plans are written in bulk: the queries an import runs do not grow with its actions, every
row created or changed gets its history, and what the database would refuse is refused
first with the file's line."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import Action, ActionLead, Measure, Plan
from actions.planexport import plan_export_data
from actions.services import plan_import, plan_import_text
from kentplan.datafile import DataFileError


def made_up_plan(plan_2011: Plan, *, actions: int, slug: str, wording: str = "Do") -> dict:
    """A plan of `actions` actions, each with two leads, two measures, cross-references
    and a link to the one before, using the 2011 plan's notice, inspection and leads."""
    real = plan_export_data(plan=plan_2011)
    names = [lead["name"] for lead in real["leads"][:3]]
    records = []
    for n in range(1, actions + 1):
        record = {
            "ref": f"1.1.{n}",
            "text": f"{wording} thing {n}",
            "timescale": "1 March 2011 – 31 May 2011",
            "leads": names[:2],
            "notice_targets": [1 + n % 16],
            "recommendations": [1 + n % 20],
            "measures": [{"text": f"Measure {n}a", "leads": names[2:]}, {"text": f"Measure {n}b"}],
        }
        if n > 1:
            record["links"] = [{"ref": f"1.1.{n - 1}", "wording": "Link"}]
        records.append(record)
    return {
        "plan": {
            "slug": slug,
            "title": f"Plan {slug}",
            "short_title": slug,
            "recommendations_from": real["plan"]["recommendations_from"],
        },
        "notices": real["notices"],
        "leads": [{"name": name} for name in names],
        "priorities": [
            {
                "number": 1,
                "title": "Leadership",
                "leads": names[:1],
                "outcomes": [{"ref": "1.1", "statement": "Leaders lead", "actions": records}],
            }
        ],
    }


def as_json(data: dict) -> str:
    return json.dumps(data, default=str)


def queries_to_import(data: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        plan_import_text(text=as_json(data))
    return len(queries.captured_queries)


def test_an_import_runs_the_same_queries_for_twice_the_actions(plan_2011):
    small = queries_to_import(made_up_plan(plan_2011, actions=20, slug="small"))
    big = queries_to_import(made_up_plan(plan_2011, actions=40, slug="big"))
    assert Action.objects.filter(plan__slug="big").count() == 40
    assert Measure.objects.filter(action__plan__slug="big").count() == 80
    assert big == small
    assert small < 150  # about 7,000 for the real plan when each row was written alone


def test_changing_every_action_runs_the_same_queries_for_twice_the_actions(plan_2011):
    counts = []
    for size in (20, 40):
        slug = f"plan-{size}"
        queries_to_import(made_up_plan(plan_2011, actions=size, slug=slug))
        counts.append(queries_to_import(made_up_plan(plan_2011, actions=size, slug=slug,
                                                     wording="Change")))  # fmt: skip
        assert Action.objects.get(plan__slug=slug, ref="1.1.3").text == "Change thing 3"
    assert counts[0] == counts[1]


def test_the_real_plan_imported_again_runs_few_queries(plan_2011):
    from actions.planexport import plan_export_text

    text = plan_export_text(plan=plan_2011)
    with CaptureQueriesContext(connection) as queries:
        plan_import_text(text=text)
    assert len(queries.captured_queries) < 60


def test_each_new_row_has_its_history_with_its_cross_references(plan_2011):
    plan_import_text(text=as_json(made_up_plan(plan_2011, actions=5, slug="new")))
    action = Action.objects.get(plan__slug="new", ref="1.1.2")
    records = list(action.history.all())
    assert [r.history_type for r in records] == ["+"]
    assert [t.noticetarget_id for t in records[0].notice_targets.all()] == [
        t.pk for t in action.notice_targets.all()
    ]
    assert records[0].recommendations.count() == 1
    assert ActionLead.history.filter(action_id=action.pk, history_type="+").count() == 2
    assert Measure.history.filter(action_id=action.pk, history_type="+").count() == 2
    assert Plan.history.get(slug="new").notices.count() == 1


def test_only_what_changed_gets_a_history_row(plan_2011):
    data = made_up_plan(plan_2011, actions=5, slug="changing")
    plan_import_text(text=as_json(data))
    actions = data["priorities"][0]["outcomes"][0]["actions"]
    actions[0]["text"] = "New wording"
    actions[1]["notice_targets"] = [9, 10]
    actions[2]["leads"] = actions[2]["leads"][::-1]
    report = plan_import(text=as_json(data))
    assert report.changed == ["1.1.1", "1.1.2", "1.1.3"]
    changed = Action.history.filter(plan__slug="changing", history_type="~")
    assert sorted(r.ref for r in changed) == ["1.1.1", "1.1.2"]
    second = changed.get(ref="1.1.2")
    assert sorted(t.noticetarget.number for t in second.notice_targets.all()) == [9, 10]
    assert changed.get(ref="1.1.1").text == "New wording"
    reordered = ActionLead.history.filter(action__ref="1.1.3", action__plan__slug="changing")
    assert reordered.filter(history_type="~").count() == 2


def test_an_unchanged_file_adds_no_history(plan_2011):
    data = made_up_plan(plan_2011, actions=5, slug="same")
    plan_import_text(text=as_json(data))
    before = Action.history.count(), ActionLead.history.count(), Measure.history.count()
    report = plan_import(text=as_json(data))
    assert (report.added, report.changed) == ([], [])
    assert (Action.history.count(), ActionLead.history.count(), Measure.history.count()) == before


BAD_DATES = """\
plan: {slug: bad-dates, title: Bad dates, short_title: Bad}
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
            start: 2011-06-01
            due: 2011-03-01
            leads: [Rob Semens]
          - ref: 1.1.3.4.5.6.7.8.9.10.11
            text: Third
            leads: [Rob Semens]
"""


def test_what_the_database_would_refuse_is_refused_with_its_line_and_nothing_saved(db):
    with pytest.raises(DataFileError) as caught:
        plan_import_text(text=BAD_DATES)
    assert [str(p) for p in caught.value.problems] == [
        "line 14, action 1.1.2: the start date is after the due date. If the source plan "
        "says so, record that in the source notes",
        "line 19, action 1.1.3.4.5.6.7.8.9.10.11: ref: Ensure this value has at most 20 "
        "characters (it has 23).",
    ]
    assert not Plan.objects.filter(slug="bad-dates").exists()
