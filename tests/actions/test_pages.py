"""Every browsing page: 200 with its key content, 404 for what does not exist, and a
bounded number of queries."""

import pytest

PLAN = "/plans/putting-children-first-2011"
# Every page for a signed-in user: the session, the user, and the role checks of the menu.
SIGNED_IN = 4

PAGES = [
    ("/", ["Putting Children First", "Unannounced Inspection Action Plan", "129"], 8),
    (f"{PLAN}/", ["Priority 1 – Leadership and management", "Malcolm Newsam", "CT 1"][:2], 14),
    # The table, drawn: two queries more than it had, for the version of the data it is
    # kept under and what it shows of progress (actions/views.py: _list_version).
    (f"{PLAN}/actions/", ["129 actions", "Across the council, put in place a programme"], 20),
    (f"{PLAN}/actions/?priority=__P2__", ["Backlog of outstanding initial and core"], 20),
    (f"{PLAN}/actions/2.1.4/", ["Action 2.1.4", "IN 3", "O 3", "CT 1", "Eva Learner"], 26),
    (f"{PLAN}/core-tasks/1/", ["Bringing in a peripatetic team", "2.1.3"], 10),
    (
        "/notices/improvement-notice-2011/",
        ["IN 16", "Improvement Notice", "Against trajectory"],
        12,
    ),
    (
        "/notices/improvement-notice-2011/targets/3/",
        ["200 or less", "2.1.3", "Against trajectory"],
        13,
    ),
    ("/inspections/", ["Unannounced inspection", "Fostering"], 8),
    ("/inspections/ofsted-safeguarding-lac-2010/", ["O 23", "Inadequate"], 10),
    ("/inspections/ofsted-safeguarding-lac-2010/recommendations/9/", ["ethnicity", "6.3.6"], 10),
    ("/leads/", ["Rob Semens", "Directorate Personnel Manager"], 8),
    ("/leads/rob-semens/", ["Rob Semens", "1.1.1"], 12),
    ("/indicators/", ["Unallocated cases", "IN 3"], 10),
    ("/indicators/unallocated-cases/", ["2269", "338", "Direction of travel"], 10),
    ("/governance/", ["Kent Improvement Board", "Kent Children’s Trust Board"], 8),
    ("/governance/kent-improvement-board/", ["Liz Railton", "Observer", "Monthly"], 10),
    (f"{PLAN}/data-quality/", ["Actions with the same text"], 13),  # and its data version
]


@pytest.mark.parametrize(("url", "expected", "max_queries"), PAGES)
def test_it_shows_the_page_with_its_key_content(
    client, plan_2011, django_assert_max_num_queries, url, expected, max_queries
):
    url = url.replace("__P2__", str(plan_2011.priorities.get(number=2).pk))
    with django_assert_max_num_queries(max_queries + SIGNED_IN):
        response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    for content in expected:
        assert content in text, f"{content!r} is not on {url}"


@pytest.mark.parametrize(
    "url",
    [
        "/plans/no-such-plan/",
        "/plans/no-such-plan/actions/",
        f"{PLAN}/actions/9.9.9/",
        f"{PLAN}/core-tasks/11/",
        "/notices/improvement-notice-2011/targets/17/",
        "/notices/no-such-notice/",
        "/inspections/no-such-inspection/",
        "/inspections/ofsted-safeguarding-lac-2010/recommendations/24/",
        "/leads/nobody/",
        "/indicators/nothing/",
        "/governance/nobody/",
        "/plans/no-such-plan/data-quality/",
    ],
)
def test_it_says_not_found_for_what_does_not_exist(client, plan_2011, url):
    assert client.get(url).status_code == 404


def test_an_action_links_to_its_notice_target_and_the_target_links_back(client, plan_2011):
    action_page = client.get(f"{PLAN}/actions/2.1.3/").content.decode()
    assert 'href="/notices/improvement-notice-2011/targets/3/"' in action_page
    target_page = client.get("/notices/improvement-notice-2011/targets/3/").content.decode()
    assert f'href="{PLAN}/actions/2.1.3/"' in target_page


def test_a_recommendation_and_its_action_link_both_ways(client, plan_2011):
    action_page = client.get(f"{PLAN}/actions/6.3.6/").content.decode()
    assert 'href="/inspections/ofsted-safeguarding-lac-2010/recommendations/9/"' in action_page
    page = client.get("/inspections/ofsted-safeguarding-lac-2010/recommendations/9/")
    assert f'href="{PLAN}/actions/6.3.6/"' in page.content.decode()


def test_a_link_between_actions_shows_on_both(client, plan_2011):
    linking = client.get(f"{PLAN}/actions/6.3.5/").content.decode()
    assert f'href="{PLAN}/actions/5.5.1/"' in linking
    linked = client.get(f"{PLAN}/actions/5.5.1/").content.decode()
    assert "Referred to by" in linked
    assert f'href="{PLAN}/actions/6.3.5/"' in linked


def test_a_lead_page_lists_their_actions_and_the_action_links_to_the_lead(client, plan_2011):
    action_page = client.get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert 'href="/leads/rob-semens/"' in action_page
    lead_page = client.get("/leads/rob-semens/").content.decode()
    assert f'href="{PLAN}/actions/1.1.1/"' in lead_page


def test_a_recommendation_no_action_serves_is_called_out(client, plan_2011):
    page = client.get("/inspections/ofsted-unannounced-2010/").content.decode()
    assert "Area for priority action 1" in page and "Area for development 10" in page
    served = set(plan_2011.actions.values_list("recommendations__number", flat=True))
    unserved = set(range(1, 24)) - served
    inspection = client.get("/inspections/ofsted-safeguarding-lac-2010/").content.decode()
    assert inspection.count("govuk-tag--red") == len(unserved)


def test_the_action_page_shows_its_history(client, plan_2011):
    action = plan_2011.actions.get(ref="1.1.1")
    action.text = action.text + " (amended)"
    action.save()
    page = client.get(f"{PLAN}/actions/1.1.1/").content.decode()
    assert "Change history" in page
    assert "(amended)" in page
    history = page.split('id="history"')[1]
    assert "<strong>Text</strong> changed from Across the council" in history  # in words
    assert "kp-diff-old" not in history


def test_every_page_is_reachable_from_home(client, plan_2011):
    home = client.get("/").content.decode()
    for link in (
        f'href="{PLAN}/"',
        'href="/inspections/"',
        'href="/leads/"',
        'href="/indicators/"',
    ):
        assert link in home
    plan_page = client.get(f"{PLAN}/").content.decode()
    for link in (f'href="{PLAN}/actions/"', 'href="/notices/improvement-notice-2011/"'):
        assert link in plan_page


@pytest.mark.parametrize(
    ("query", "refs_in", "refs_out"),
    [
        ("q=ethnicity", ["6.3.6"], ["1.1.1"]),
        ("q=6.3", ["6.3.1", "6.3.6"], ["6.2.1"]),
        ("joint=yes", ["1.5.1"], ["1.1.1"]),
        ("due_after_day=1&due_after_month=1&due_after_year=2013", ["2.4.7"], ["1.1.1"]),
    ],
)
def test_the_actions_table_filters(client, plan_2011, query, refs_in, refs_out):
    page = client.get(f"{PLAN}/actions/?{query}&per_page=200").content.decode()
    for ref in refs_in:
        assert f'/actions/{ref}/"' in page
    for ref in refs_out:
        assert f'/actions/{ref}/"' not in page


def test_the_actions_table_filters_by_notice_target_lead_and_core_task(client, plan_2011):
    target = plan_2011.notices.get().targets.get(number=3)
    lead = plan_2011.leads.get(name="Eva Learner")
    core_task = plan_2011.core_tasks.get(number=6)
    for query, ref in (
        (f"notice_target={target.pk}", "2.1.3"),
        (f"lead={lead.pk}", "2.1.4"),
        (f"core_task={core_task.pk}", "6.3.6"),
    ):
        page = client.get(f"{PLAN}/actions/?{query}").content.decode()
        assert f'/actions/{ref}/"' in page, query


def test_a_bad_date_in_the_filter_is_explained(client, plan_2011):
    page = client.get(
        f"{PLAN}/actions/?due_after_day=31&due_after_month=2&due_after_year=2011"
    ).content.decode()
    assert "There is a problem" in page
    assert "Enter a real date, for example 31 3 2011" in page


def test_the_actions_table_sorts_by_due_date_with_undated_actions_last(client, plan_2011):
    dated = plan_2011.actions.exclude(due_date=None).order_by("due_date", "sort_key")
    first, last = dated.first(), dated.last()
    page = client.get(f"{PLAN}/actions/?sort=due_date").content.decode()
    assert page.index(f"/actions/{first.ref}/") < page.index(f"/actions/{dated[1].ref}/")
    page = client.get(f"{PLAN}/actions/?sort=-due_date").content.decode()
    assert f"/actions/{last.ref}/" in page
    undated = plan_2011.actions.filter(due_date=None).first()
    assert f"/actions/{undated.ref}/" not in page


def test_the_actions_table_paginates(client, plan_2011):
    page = client.get(f"{PLAN}/actions/?page=6").content.decode()
    assert 'aria-current="page"' in page
    assert "/actions/6.3.6/" in page
    assert "/actions/1.1.1/" not in page


def test_the_help_page_and_accessibility_statement_are_linked_from_the_footer(client):
    page = client.get("/my-actions/").content.decode()
    assert 'href="/help/"' in page and 'href="/accessibility/"' in page
    assert "monthly reporting cycle" in client.get("/help/").content.decode()
    assert "WCAG" in client.get("/accessibility/").content.decode()


def test_the_accessibility_statement_needs_no_sign_in(db):
    from django.test import Client

    assert Client().get("/accessibility/").status_code == 200


def test_a_date_the_plan_gives_as_a_month_is_shown_as_that_month(client, plan_2011):
    # 5.1.6's timescale is "Jan 2011 – Sept 2011 (review)": no day is printed.
    page = client.get(f"{PLAN}/actions/5.1.6/").content.decode()
    assert "Starts January 2011" in page and "Review September 2011" in page
    due = page.split(">Due</dt>")[1].split("</dd>")[0]
    assert "September 2011" in due and "30 September" not in due
    table = client.get(f"{PLAN}/actions/?q=5.1.6").content.decode()
    assert "Sep 2011" in table and "30 Sep 2011" not in table
    # A timescale that prints the day keeps it.
    page = client.get(f"{PLAN}/actions/2.1.4/").content.decode()
    assert "Starts 1 February 2011" in page


def test_the_actions_serving_a_record_come_a_page_at_a_time(client, plan_2011, monkeypatch):
    monkeypatch.setattr("actions.views.ACTIONS_PER_PAGE", 2)
    url = "/inspections/ofsted-safeguarding-lac-2010/recommendations/2/?page="
    first, second, far = (client.get(f"{url}{n}").content.decode() for n in (1, 2, 9))
    refs = [
        [r for r in ("4.4.1", "4.4.2", "4.4.3") if f">{r}</a>" in page] for page in (first, second)
    ]
    assert refs == [["4.4.1", "4.4.2"], ["4.4.3"]]
    assert "Actions that serve this recommendation (1 to 2 of 3)" in first
    assert "Actions that serve this recommendation (3 to 3 of 3)" in far  # the last page
    nav = first.split('aria-label="Pages of actions that serve this recommendation"')[1]
    assert 'href="?page=2' in nav.split("</nav>")[0]


def test_the_plans_come_a_page_at_a_time_each_with_its_standing(client, plan_2011, monkeypatch):
    monkeypatch.setattr("actions.views.PLANS_PER_PAGE", 1)
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert "Unannounced Inspection Action Plan" in first and "Putting Children First" not in first
    assert "Plans, oldest first (1 to 1 of " in first
    # its successor is on the next page, and still decides that it is superseded
    assert "Superseded" in first
    assert "Putting Children First" in second and "In force" in second
    assert 'href="?page=2"' in first.split('aria-label="Pages of plans"')[1]


def test_a_lead_in_many_plans_has_a_page_as_long_as_in_one(client, plan_2011):
    from actions.models import Lead, PlanLead, PriorityLead
    from tests.factories import PlanFactory, PriorityFactory

    lead = Lead.objects.get(name="Malcolm Newsam")
    before = client.get(f"/leads/{lead.slug}/").content.decode()
    title = PlanLead.objects.filter(lead=lead, plan=plan_2011).get().job_title
    for n in range(8):  # eight copies of a plan naming them, with the same title and priority
        plan = PlanFactory(short_title=f"Copy {n}")
        PlanLead.objects.create(lead=lead, plan=plan, order=1, job_title=title)
        priority = PriorityFactory(plan=plan, number=9, title="Copied")
        PriorityLead.objects.create(lead=lead, priority=priority, order=1)
    after = client.get(f"/leads/{lead.slug}/").content.decode()
    assert after.count("Accountable for") == before.count("Accountable for") + 1
    assert "Priority 9 – Copied" in after and "and 3 other plans" in after
    row = after.split(f"{title}")[1].split("</dd>")[0]
    assert row.count('class="govuk-link"') == 5 and "and 4 other plans" in row
    assert len(after) < len(before) + 3000


def test_an_inspection_or_notice_answered_by_many_plans_names_five(client, plan_2011):
    from targets.models import ImprovementNotice, Inspection
    from tests.factories import PlanFactory

    notice = ImprovementNotice.objects.get(slug="improvement-notice-2011")
    inspection = Inspection.objects.get(slug="ofsted-safeguarding-lac-2010")
    for n in range(7):
        plan = PlanFactory(title=f"Copied plan {n}")
        plan.notices.add(notice)
        plan.inspections.add(inspection)
    for url, record in ((f"/notices/{notice.slug}/", notice),
                        (f"/inspections/{inspection.slug}/", inspection)):  # fmt: skip
        page = client.get(url).content.decode()
        answered = record.plans.count()
        assert answered >= 8 and page.count("Copied plan") <= 5
        assert f"{answered - 5} other plans" in page
