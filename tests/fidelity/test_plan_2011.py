"""The 2011 plan as data against the printed plan (fixtures/sources/001_…txt)."""

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

SOURCE = Path(settings.FIXTURES_DIR) / "sources" / "001_61216b37912ad32e.txt"


def normalise(text: str) -> str:
    """Whitespace folded; a hyphen at a line end joins the two lines' words."""
    return " ".join(re.sub(r"-\s*\n\s*", "-", text).split())


@pytest.fixture(scope="module")
def source() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def detailed_actions(source) -> str:
    return source[source.index("DETAILED ACTIONS") : source.index(" Appendix 1 \n")]


@pytest.fixture
def actions(plan_2011):
    return list(
        plan_2011.actions.select_related("outcome__priority").prefetch_related(
            "actionlead_set__lead", "measures", "notice_targets", "recommendations", "core_tasks",
            "outgoing_links__to_action",
        )
    )  # fmt: skip


# (outcomes, actions, measures) per priority, counted in the printed plan.
COUNTS = {1: (5, 28, 54), 2: (4, 37, 111), 3: (4, 18, 35), 4: (5, 16, 33), 5: (5, 17, 28),
          6: (3, 13, 24)}  # fmt: skip


@pytest.mark.parametrize("number", sorted(COUNTS))
def test_each_priority_has_the_printed_number_of_outcomes_actions_and_measures(plan_2011, number):
    priority = plan_2011.priorities.get(number=number)
    outcomes = priority.outcomes.count()
    actions = plan_2011.actions.filter(outcome__priority=priority)
    measures = sum(a.measures.count() for a in actions)
    assert (outcomes, actions.count(), measures) == COUNTS[number]


def test_the_plan_has_26_outcomes_and_129_actions_from_1_1_1_to_6_3_6(plan_2011):
    refs = list(plan_2011.actions.values_list("ref", flat=True))
    assert (plan_2011.outcomes.count(), len(refs)) == (26, 129)
    assert (refs[0], refs[-1]) == ("1.1.1", "6.3.6")


def test_every_action_text_and_outcome_statement_is_printed_word_for_word(plan_2011, source):
    printed = normalise(source)
    missing = [a.ref for a in plan_2011.actions.all() if normalise(a.text) not in printed]
    missing += [o.ref for o in plan_2011.outcomes.all() if normalise(o.statement) not in printed]
    assert missing == []


def test_every_in_o_and_ct_printed_against_an_action_is_in_the_data(actions, detailed_actions):
    printed = Counter(
        f"{kind} {int(number)}"
        for kind, number in re.findall(
            r"(?<![A-Za-z])(IN|O|CT)\s?(\d{1,2})\.?(?!\d)", detailed_actions
        )
    )
    data = Counter()
    for action in actions:
        for record in [
            *action.notice_targets.all(),
            *action.recommendations.all(),
            *action.core_tasks.all(),
        ]:
            data[record.code] += 1
    assert data == printed
    assert sum(printed.values()) == 131


def test_every_link_to_another_action_is_in_the_data(actions, detailed_actions):
    ref = r"\d\.\d\.\d+"
    wording = r"Links? (?:to|with)|Cross reference to|Linked to|see section"
    printed = set()
    for refs in re.findall(
        rf"(?:{wording})\s+({ref}(?:(?:,\s*|\s+and\s+){ref})*)", normalise(detailed_actions)
    ):
        printed |= set(re.findall(ref, refs))
    linked = {link.to_action.ref for a in actions for link in a.outgoing_links.all()}
    assert printed <= linked
    assert printed == {"5.5.1", "3.1.2", "3.1.5", "3.1.1", "4.3.1", "2.2.7", "3.1.3", "2.2.8"}


def test_every_action_has_at_least_one_lead(actions):
    assert [a.ref for a in actions if not a.actionlead_set.all()] == []


def test_actions_read_as_printed(plan_2011):
    def fields(ref):
        action = plan_2011.actions.get(ref=ref)
        return {
            "text": action.text,
            "timescale": action.timescale,
            "dates": (action.start_date, action.due_date),
            "leads": [al.lead.name for al in action.actionlead_set.order_by("order")],
            "measures": [m.text for m in action.measures.all()],
            "serves": sorted(
                [t.code for t in action.notice_targets.all()]
                + [r.code for r in action.recommendations.all()]
                + [c.code for c in action.core_tasks.all()]
            ),
            "joint": action.joint_with,
        }

    assert fields("1.1.1") == {
        "text": "Across the council, put in place a programme which establishes and promotes the "
        "new leadership competencies and required behaviours and expectations of leaders, "
        "managers and staff to ensure they are clear about what is required",
        "timescale": "31 March 2011 - 31 March 2012",
        "dates": (date(2011, 3, 31), date(2012, 3, 31)),
        "leads": ["Rob Semens"],
        "measures": [
            "Programme timetable (including timescales) produced and implemented",
            "Mid point review to evaluate effectiveness of the programme",
            "Final review of the impact of the programme informed by staff feedback",
        ],
        "serves": [],
        "joint": [],
    }
    assert fields("6.3.6") == {
        "text": "Ensure that ethnicity data is entered in each child and young person’s electronic "
        "and paper file",
        "timescale": "1 March - 30 April 2011",
        "dates": (date(2011, 3, 1), date(2011, 4, 30)),
        "leads": ["Heads of Service", "Donna Shkalla"],
        "measures": [
            "Ethnicity data to be entered for all cases.",
            "Ethnicity code to be made mandatory field on ICS.",
        ],
        "serves": ["CT 6", "O 9"],
        "joint": [],
    }
    assert fields("6.3.5")["measures"] == [
        "Training is amended to reflect audit findings (Link to 5.5.1)"
    ]
    assert fields("6.3.5")["serves"] == ["CT 6", "IN 5"]
    assert fields("1.5.1")["joint"] == ["Partners"]
    assert fields("1.5.1")["serves"] == ["IN 11", "O 21"]
    assert fields("1.2.6")["timescale"] == "1 July 2011 - 31 Sept 2011"
    assert fields("1.2.6")["dates"] == (date(2011, 7, 1), None)


def test_the_source_s_duplicate_text_is_kept_and_noted(plan_2011):
    first, second = plan_2011.actions.get(ref="2.3.6"), plan_2011.actions.get(ref="2.3.8")
    assert first.text == second.text
    assert "2.3.8" in first.source_notes and "2.3.6" in second.source_notes


APPENDIX_3 = {
    "Alan Day": "Head of ICT Strategy, Children, Families and Education (now in Business Strategy & Support)",
    "Alastair Pettigrew": "Interim Director of Specialist Children’s Services",
    "Chris Berry": "Head of Attendance & Behaviour Service",
    "Caroline Friday": "Commissioning Manager Vulnerable Children",
    "Cathi Sacco": "Interim Director of Strategic Commissioning, Families and Social Care",
    "Donna Marriott": "Interim Head of Safeguarding",
    "Donna Shkalla": "Head of Management Information",
    "Ella Hughes": "Interim Internal Communications Manager",
    "Eva Learner": "Consultant",
    "Karen Graham": "Head of Children’s Services East Kent",
    "Lorraine Goodsell": "Director of Commissioning, Child Health",
    "Liz Totman": "Head of Corporate Parenting",
    "Maggie Blyth": "Chair, Kent Safeguarding Children Board (KSCB)",
    "Malcolm Newsam": "Interim Corporate Director, Families and Social Care",
    "Marisa White": "Head of Strategic Planning, Partnerships & Democratic Services (now in Business Strategy)",
    "Michelle Woodward": "Head of Children’s Services Mid Kent (Job Share) & Professional Development Manager",
    "Peter Bole": "Head of ICT Commissioning",
    "Penny Davies": "Kent Safeguarding Children Board Manager",
    "Jill Rawlins": "Interim Director of Communication, Consultation and Community Engagement",
    "Rob Semens": "Directorate Personnel Manager, Children, Families & Education (now in Business Strategy & Support)",
    "Tony Doran": "Head teacher Virtual School Kent (LAC)",
    "Tom Molloy": "Programme Manager - Office Transformation",
}  # fmt: skip


def test_every_lead_in_appendix_3_is_there_with_the_job_title_given(plan_2011):
    listed = {
        pl.lead.name: pl.job_title
        for pl in plan_2011.planlead_set.filter(in_appendix=True).select_related("lead")
    }
    assert listed == APPENDIX_3


def test_appendices_1_and_2_are_complete(plan_2011):
    recommendations = plan_2011.recommendations_from.recommendations.all()
    assert [r.number for r in recommendations] == list(range(1, 24))
    assert {r.area for r in recommendations if r.number <= 13} == {"Safeguarding"}
    assert {r.area for r in recommendations if r.number >= 14} == {"Looked after children"}
    assert recommendations.get(number=9).timeframe == "within three months"
    targets = plan_2011.notices.get().targets.all()
    assert [t.number for t in targets] == list(range(1, 17))
    assert "to 200 or less" in targets.get(number=3).text
    assert plan_2011.core_tasks.count() == 10
