"""The corrections of an independent audit against the seeds (issue 10): job titles per
plan, the 2010 plan's findings numbered as its source numbers them, nothing invented
(kinds, month-only dates, our own words marked), and a demo coherent with its date."""

import re
from datetime import UTC

import pytest

from actions.models import Lead, Plan
from targets.models import Inspection, Recommendation

PLAN_2011 = "/plans/putting-children-first-2011"
PLAN_2010 = "/plans/unannounced-inspection-action-plan-2010"
KIND_NOT_STATED = [
    "cqc-health-safeguarding-lac",
    "ofsted-fostering-2012",
    "ofsted-safeguarding-2013",
    "ofsted-adoption-2013",
    "ofsted-children-in-care-2013",
]
BY_KENTPLAN = "Written by kentplan"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    """The page's words without tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# Job titles are per plan


def test_the_2011_plan_s_action_page_gives_donna_marriott_its_own_title(client, plan_2011):
    words = text_of(page(client, f"{PLAN_2011}/actions/2.3.3/"))
    assert "Donna Marriott , Interim Head of Safeguarding" in words
    assert "Acting Head of Safeguarding" not in words


def test_the_2010_plan_s_action_page_gives_the_title_that_plan_prints(client, plan_2011):
    words = text_of(page(client, f"{PLAN_2010}/actions/1.1.1/"))
    assert "Donna Marriott , Acting Head of Safeguarding" in words
    assert "Interim Head of Safeguarding" not in words


def test_the_leads_pages_show_each_plan_s_title_with_its_plan(client, plan_2011):
    listing = text_of(page(client, "/leads/"))
    row = listing[listing.index("Donna Marriott") : listing.index("Donna Shkalla")]
    assert "Interim Head of Safeguarding Kent Improvement Plan 2011" in row
    assert "Acting Head of Safeguarding Unannounced Inspection Action Plan 2010" in row
    detail = text_of(page(client, "/leads/donna-marriott/"))
    assert "Interim Head of Safeguarding In Kent Improvement Plan 2011" in detail
    assert "Acting Head of Safeguarding In Unannounced Inspection Action Plan 2010" in detail


def test_my_actions_gives_the_lead_the_newest_plan_s_title(client_for, users, plan_2011):
    Lead.objects.filter(name="Donna Shkalla").update(user=None)
    Lead.objects.filter(name="Donna Marriott").update(user=users["charlie"])
    words = text_of(page(client_for("charlie"), "/my-actions/"))
    assert "Donna Marriott, Interim Head of Safeguarding" in words


# The 2010 plan's findings keep the source's numbering


def test_the_2010_findings_are_numbered_as_the_source_numbers_them(plan_2011):
    codes = [
        r.code for r in Recommendation.objects.filter(inspection__slug="ofsted-unannounced-2010")
    ]
    assert codes == ["Area for priority action 1"] + [
        f"Area for development {n}" for n in range(1, 11)
    ]
    assert Recommendation.objects.get(inspection__plans__slug="putting-children-first-2011",
                                      number=3).code == "O 3"  # fmt: skip


def test_no_page_shows_the_2010_findings_as_o_numbers(client, plan_2011):
    o_number = re.compile(r"\bO (1[01]|[1-9])\b")
    for url in [
        "/inspections/ofsted-unannounced-2010/",
        "/inspections/ofsted-unannounced-2010/recommendations/4/",
        f"{PLAN_2010}/actions/2.3.1/",
        f"{PLAN_2010}/actions/",
        f"{PLAN_2010}/data-quality/",
        "/papers/matrix/unannounced-inspection-action-plan-2010/",
        "/papers/plan/unannounced-inspection-action-plan-2010/",
        "/papers/inspection/ofsted-unannounced-2010/",
    ]:
        words = text_of(page(client, url))
        assert not o_number.search(words), f"{url}: {o_number.search(words).group()}"
    assert "Area for development 3" in text_of(page(client, f"{PLAN_2010}/actions/2.3.1/"))
    inspection = text_of(page(client, "/inspections/ofsted-unannounced-2010/"))
    assert "Area for priority action 1" in inspection and "Area for development 10" in inspection


def test_the_2010_actions_table_filter_and_download_use_the_source_s_numbers(client, plan_2011):
    table = page(client, f"{PLAN_2010}/actions/")
    assert "Area for development 3: The reliability" in table
    csv = client.get(f"{PLAN_2010}/actions/download.csv").content.decode()
    assert "Area for development 3" in csv and not re.search(r"\bO \d", csv)


# Nothing invented


def test_an_inspection_whose_kind_no_source_states_has_none(client, plan_2011):
    kinds = dict(Inspection.objects.values_list("slug", "kind"))
    assert all(kinds[slug] == "" for slug in KIND_NOT_STATED)
    assert kinds["ofsted-safeguarding-lac-2010"] == "announced"  # seed 004, para 1(1)
    assert kinds["ofsted-cse-thematic-2014"] == "thematic"
    listing = text_of(page(client, "/inspections/"))
    assert listing.count("(announced)") == 1
    detail = text_of(page(client, "/inspections/ofsted-fostering-2012/"))
    assert "announced" not in detail.lower()


def test_importing_an_inspection_without_a_kind_leaves_it_blank(plan_2011):
    from kentplan.datafile import LineDict
    from targets.services import inspection_write

    inspection = inspection_write(record=LineDict(slug="no-kind", title="An inspection"))
    assert inspection.kind == ""


def test_a_month_the_source_gives_alone_is_shown_as_that_month(client, plan_2011):
    def shows(words: str, day: str) -> bool:
        return re.search(rf"(?<!\d){day}", words) is not None

    cse = text_of(page(client, "/inspections/ofsted-cse-thematic-2014/"))
    assert shows(cse, "November 2014") and not shows(cse, "1 November 2014")
    listing = text_of(page(client, "/inspections/"))
    assert shows(listing, "November 2014") and not shows(listing, "1 November 2014")
    unannounced = text_of(page(client, "/inspections/ofsted-unannounced-2010/"))
    assert "Inspected August 2010" in unannounced
    indicator = text_of(page(client, "/indicators/unallocated-cases/"))
    assert shows(indicator, "February 2011") and not shows(indicator, "1 February 2011")
    assert shows(indicator, "May 2011") and not shows(indicator, "1 May 2011")
    over_28_days = text_of(page(client, "/indicators/unallocated-cases-over-28-days/"))
    assert "by August 2011" in over_28_days and not shows(over_28_days, "31 August 2011")


def test_words_kentplan_wrote_are_marked_and_the_sources_words_are_not(client, plan_2011):
    kathy = text_of(page(client, "/leads/kathy-lambourn/"))
    assert f"Head of Children’s Services West Kent {BY_KENTPLAN}" in kathy
    assert BY_KENTPLAN not in text_of(page(client, "/leads/rob-semens/"))
    action = text_of(page(client, f"{PLAN_2011}/actions/2.1.4/"))
    assert f"IN 3 Unallocated cases and assessments out of timescale {BY_KENTPLAN}" in action
    delivery_leads = action.split("Delivery leads")[1].split("Serves")[0]
    assert "Eva Learner , Consultant" in delivery_leads and BY_KENTPLAN not in delivery_leads


# A demo coherent with its date


@pytest.fixture
def demo_day(settings):
    settings.KENTPLAN_TODAY = "2011-11-15"


def test_as_at_the_demo_s_date_the_2015_plan_has_not_started(client, plan_2011, demo_day):
    home = page(client, "/")
    rows = {
        m.group(1): text_of(m.group(0))
        for m in re.finditer(r'href="/plans/([^/]+)/">.*?</tr>', home, re.S)
    }
    assert "Not yet started" in rows["cyp-services-development-plan-2015"]
    assert "Current" not in rows["cyp-services-development-plan-2015"]
    assert "In force" in rows["putting-children-first-2011"]
    assert "Superseded" in rows["unannounced-inspection-action-plan-2010"]
    plan_page = text_of(page(client, "/plans/cyp-services-development-plan-2015/"))
    assert "Not yet started" in plan_page and "Current" not in plan_page


def test_plan_status_follows_the_day_it_is_shown_as_at(plan_2011):
    from datetime import date

    from actions.selectors import plan_standing

    plans = list(Plan.objects.all())
    plan_2010, plan_2015 = plan_2011.predecessor, plan_2011.successors.get()

    def standing(plan, day):
        return plan_standing(plan=plan, day=date.fromisoformat(day), plans=plans)

    assert standing(plan_2011, "2011-01-15") == "Not yet started"
    assert standing(plan_2011, "2011-11-15") == "In force"
    assert standing(plan_2010, "2010-12-01") == "In force"
    assert standing(plan_2010, "2011-11-15") == "Superseded"
    assert standing(plan_2015, "2011-11-15") == "Not yet started"
    assert standing(plan_2015, "2016-01-01") == "Start date not given"  # no date in the sources


def test_the_plan_page_s_status_follows_as_at(client, plan_2011):
    from datetime import datetime

    plan_2015 = plan_2011.successors.get()
    # Its history as if it had been loaded in 2010, so that it can be shown as at 2011.
    plan_2015.history.update(history_date=datetime(2010, 1, 1, tzinfo=UTC))
    url = f"/plans/{plan_2015.slug}/"
    assert "Start date not given" in text_of(page(client, url))  # today: after 2015
    as_at_2011 = text_of(page(client, f"{url}?as_at=2011-11-15"))
    assert "Not yet started" in as_at_2011 and "Current" not in as_at_2011


def test_readers_see_documents_titles_not_file_names(client, plan_2011):
    file_name = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
    for url in [
        f"{PLAN_2011}/",
        f"{PLAN_2010}/",
        "/inspections/ofsted-safeguarding-lac-2010/",
        "/inspections/ofsted-fostering-2012/",
        "/indicators/unallocated-cases/",
        "/governance/kent-improvement-board/",
    ]:
        html = page(client, url)
        assert not file_name.search(html), f"{url} shows {file_name.search(html).group()}"
    assert "Putting Children First: Kent’s Safeguarding" in text_of(page(client, f"{PLAN_2011}/"))


def test_one_matching_action_is_counted_in_the_singular(client, plan_2011):
    single = next(
        lead
        for lead in Lead.objects.filter(actions__plan=plan_2011).distinct()
        if lead.actions.filter(plan=plan_2011).count() == 1
    )
    words = text_of(page(client, f"{PLAN_2011}/actions/?lead={single.pk}"))
    assert "1 action matches these filters." in words
    several = text_of(page(client, f"{PLAN_2011}/actions/?priority="
                           f"{plan_2011.priorities.get(number=1).pk}"))  # fmt: skip
    assert re.search(r"\b\d+ actions match these filters\.", several)


def test_inspections_are_listed_in_date_order(client, plan_2011):
    html = page(client, "/inspections/")
    slugs = re.findall(r'href="/inspections/([^/"]+)/"', html)
    assert slugs == [
        "ofsted-unannounced-2010",  # August 2010
        "ofsted-safeguarding-lac-2010",  # 11–22 October 2010
        "ofsted-fostering-2012",
        "ofsted-safeguarding-2013",
        "ofsted-adoption-2013",
        "ofsted-children-in-care-2013",
        "ofsted-cse-thematic-2014",
        "cqc-health-safeguarding-lac",  # no date in the sources
    ]
