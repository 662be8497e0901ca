from django.core.management import call_command

from actions.dataquality import data_quality_report


def findings(plan, title_start):
    (check,) = [c for c in data_quality_report(plan=plan) if c.title.startswith(title_start)]
    return {f.label: f.detail for f in check.findings}


def test_it_lists_timescales_with_no_readable_due_date_and_why(plan_2011):
    undated = findings(plan_2011, "Timescales with no due date")
    assert undated["2.4.1"] == "“1 April 2011 –31 June 2011” ('31 June 2011' is not a real date)"
    assert undated["2.1.1"] == "“Completed”"
    assert "1.1.1" not in undated


def test_it_lists_duplicate_texts(plan_2011):
    assert set(findings(plan_2011, "Actions with the same text")) == {"2.3.6", "2.3.8"}


def test_it_lists_actions_with_no_cross_reference(plan_2011):
    unreferenced = findings(plan_2011, "Actions that serve no")
    assert "1.1.1" in unreferenced
    assert "6.3.6" not in unreferenced


def test_it_lists_recommendations_and_targets_no_action_serves(plan_2011):
    recommendation = plan_2011.recommendations_from.recommendations.get(number=9)
    recommendation.actions.clear()
    assert set(findings(plan_2011, "Recommendations no action serves")) == {"O 9"}
    assert findings(plan_2011, "Improvement Notice targets no action serves") == {}


def test_it_lists_a_due_date_before_the_start(plan_2011):
    action = plan_2011.actions.get(ref="1.1.1")
    action.timescale = "31 March 2012 - 1 March 2011"
    action.save()
    assert set(findings(plan_2011, "Due before it starts")) == {"1.1.1"}


def test_the_command_prints_the_report(plan_2011, capsys):
    call_command("data_quality", plan_2011.slug)
    out = capsys.readouterr().out
    assert "Actions with the same text: 2" in out
    assert "2.3.6" in out


def test_the_page_shows_the_report(client, plan_2011, django_assert_max_num_queries):
    with django_assert_max_num_queries(17):  # drawn: with the version it is kept under
        page = client.get(f"/plans/{plan_2011.slug}/data-quality/").content.decode()
    assert "Actions with the same text (2)" in page
    assert 'href="/plans/putting-children-first-2011/actions/2.3.8/"' in page


def test_the_page_is_drawn_once_for_everyone_and_again_when_the_plan_changes(
    client_for, plan_2011, users, open_period, monkeypatch, django_assert_max_num_queries
):
    """Progress is not read, so a lead's save leaves the kept checks in use; a change to
    what they read (here a recommendation losing its actions) draws them again."""
    from actions import views
    from actions.models import ProgressUpdate

    drawn = []
    report = views.data_quality_report
    monkeypatch.setattr(views, "data_quality_report", lambda **kw: drawn.append(1) or report(**kw))
    url = f"/plans/{plan_2011.slug}/data-quality/"
    board, office = client_for("board"), client_for("office")
    assert "Recommendations no action serves (0)" in board.get(url).content.decode()
    with django_assert_max_num_queries(9):  # signed in, the plan and the data's version
        theirs = office.get(url).content.decode()
    assert "Actions with the same text (2)" in theirs and "Signed in as office" in theirs
    ProgressUpdate.objects.create(
        action=plan_2011.actions.get(ref="1.1.1"), period=open_period, author=users["alice"],
        status="on_track", rating="green", suggested_rating="green", rating_rule="test",
        submitted_at=open_period.opened_at,
    )  # fmt: skip
    board.get(url)
    assert len(drawn) == 1

    plan_2011.recommendations_from.recommendations.get(number=9).actions.clear()
    assert "Recommendations no action serves (1)" in board.get(url).content.decode()
    assert len(drawn) == 2
