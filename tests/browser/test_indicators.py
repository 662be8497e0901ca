"""The indicator pages in a real browser: the programme office records a reading and
uploads a file with its preview; axe-core finds no WCAG 2.2 A/AA violation on any page."""

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from actions import rules

INDICATOR = "/indicators/outstanding-initial-assessments/"


def office(site):
    user = User.objects.create_user("office", "office@example.org", "a-long-test-pass")
    user.groups.add(Group.objects.get_or_create(name=rules.PROGRAMME_OFFICE)[0])
    return user


def test_the_new_pages_have_no_accessibility_violations(site, page, axe_check, tmp_path):
    office(site)
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill("office")
    page.get_by_label("Password").fill("a-long-test-pass")
    page.get_by_role("button", name="Sign in").click()
    problems = {}
    for path in [INDICATOR, "/notices/improvement-notice-2011/", "/indicators/",
                 f"{INDICATOR}readings/new/", "/indicators/readings/upload/"]:  # fmt: skip
        assert page.goto(site + path).status == 200, path
        problems[path] = axe_check(page)
    page.goto(f"{site}{INDICATOR}readings/new/")
    page.get_by_role("button", name="Record the reading").click()
    problems["reading form with errors"] = axe_check(page)
    assert "Enter the value of the reading" in page.content()
    bad = tmp_path / "readings.csv"
    bad.write_text("indicator,date,value\nreferrals-to-initial-assessment,2011-06-30,112\n")
    page.goto(f"{site}/indicators/readings/upload/")
    page.get_by_label("Readings file (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("main")).to_contain_text("Row 2: 112 is not a percentage between 0 and 100")
    problems["preview with problems"] = axe_check(page)
    assert {path: found for path, found in problems.items() if found} == {}


def test_the_office_records_a_reading_and_sees_it_on_the_indicator(site, page, signed_in):
    office(site)
    signed_in(page, "office")
    page.goto(site + INDICATOR)
    page.get_by_role("link", name="Record a reading").click()
    page.get_by_label("Value").fill("420")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2011")
    page.get_by_label("Source").fill("Performance report")
    page.get_by_role("button", name="Record the reading").click()
    page.wait_for_url(site + INDICATOR)
    assert "The reading for 31 May 2011 is recorded." in page.content()
    image = page.get_by_role("img", name="Chart of outstanding initial assessments")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
