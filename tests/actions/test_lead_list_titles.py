"""The Leads page names, beside each job title, the newest plans that give it and counts the
rest: a lead named by every copy of a plan keeps a short line, and the page a bounded size."""

from datetime import date

import pytest

from actions import selectors
from actions.models import Lead, Plan, PlanLead
from tests.factories import ActionFactory, LeadFactory


def _name(lead: Lead, title: str, *, years: list[int | None]) -> list[str]:
    """Plans dated 1 April of each year (None: undated) naming the lead with this title."""
    plans = []
    for year in years:
        number = Plan.objects.count() + 1
        plan = Plan.objects.create(
            slug=f"test-plan-{number}", title=f"Test plan {number}",
            short_title=f"Test plan {number}", date=date(year, 4, 1) if year else None,
        )  # fmt: skip
        PlanLead.objects.create(plan=plan, lead=lead, job_title=title)
        plans.append(plan.short_title)
    return plans


@pytest.mark.django_db
def test_each_title_names_its_newest_plans_and_counts_the_others():
    lead = LeadFactory(name="Aaron Abbott", slug="aaron-abbott")
    director = _name(lead, "Director", years=[2012, 2013, 2014, 2015, 2016, 2017, None])
    head = _name(lead, "Head of Service", years=[2011])

    (shown,) = selectors.with_job_titles([Lead.objects.get(pk=lead.pk)])
    titles = {t.title: t for t in shown.titles_shown}
    # The undated plan (not yet in force) is the newest, then the latest dates.
    assert [p.short_title for p in titles["Director"].plans] == [director[6], *director[5:1:-1]]
    assert titles["Director"].other_plans == 2
    assert [p.short_title for p in titles["Head of Service"].plans] == head
    assert titles["Head of Service"].other_plans == 0
    # The same titles, in the same order, as the lead's own page works out from every plan.
    full = Lead.objects.get(pk=lead.pk).job_titles
    assert [(t.title, [p.slug for p in t.plans[:5]]) for t in full] == [
        (t.title, [p.slug for p in t.plans]) for t in shown.titles_shown
    ]


@pytest.mark.django_db
def test_the_leads_page_says_how_many_other_plans_give_a_title(client):
    lead = LeadFactory(name="Aaron Abbott", slug="aaron-abbott")
    _name(lead, "Director", years=[2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019])
    _name(lead, "Head of Service", years=[2011])
    html = client.get("/leads/").content.decode()
    assert "and 3 other plans" in html
    assert html.count("Test plan") == 6  # five beside one title, one beside the other


@pytest.mark.django_db
def test_the_leads_page_counts_each_lead_s_actions(client):
    busy, idle = LeadFactory(name="Aaron Abbott"), LeadFactory(name="Abigail Adams")
    for _ in range(3):
        ActionFactory(leads=[busy])
    ActionFactory(leads=[busy, idle])
    shown = {lead.pk: lead.action_count for lead in client.get("/leads/").context["leads"]}
    assert (shown[busy.pk], shown[idle.pk]) == (4, 1)
    rob = Lead.objects.get(slug="rob-semens")
    assert shown[rob.pk] == rob.actionlead_set.count() > 0


@pytest.mark.django_db
def test_plans_of_one_date_are_named_alike_on_the_list_and_the_lead_s_page():
    lead = LeadFactory(name="Aaron Abbott", slug="aaron-abbott")
    _name(lead, "Director", years=[2012] * 7)  # copies of one plan share its date
    (shown,) = selectors.with_job_titles([Lead.objects.get(pk=lead.pk)])
    full = Lead.objects.get(pk=lead.pk).job_titles
    assert [p.slug for p in shown.titles_shown[0].plans] == [p.slug for p in full[0].plans[:5]]
    assert shown.titles_shown[0].other_plans == 2
