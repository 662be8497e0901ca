"""QuickSelect writes the same HTML as Django's Select, without a template per option."""

import pytest
from django import forms

from kentplan.widgets import QuickSelect

CHOICES = [("", "Any"), ("1", "Plain"), ("2", "<b>Tags & ampersands</b>"), ("3", 'A "quote"')]


def both(value, attrs=None):
    django = forms.Select(attrs={"class": "govuk-select"}, choices=CHOICES)
    quick = QuickSelect(attrs={"class": "govuk-select"})
    quick.choices = CHOICES
    render = {"name": "lead", "value": value, "attrs": attrs or {"id": "id_lead"}}
    return " ".join(django.render(**render).split()), " ".join(quick.render(**render).split())


@pytest.mark.parametrize("value", [None, "", "2", "3", "9"])
def test_it_renders_what_select_renders(value):
    django, quick = both(value, {"id": "id_lead", "aria-describedby": "lead-hint"})
    assert quick.replace("> <", "><") == django.replace("> <", "><")


def test_it_escapes_labels_and_marks_the_chosen_option():
    _, quick = both("2")
    assert '<option value="2" selected>&lt;b&gt;Tags &amp; ampersands&lt;/b&gt;</option>' in quick
    assert quick.count("selected") == 1


def test_the_actions_table_filters_use_it(client, plan_2011):
    page = client.get("/plans/putting-children-first-2011/actions/?lead=")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<select name="lead" class="govuk-select" id="id_lead">' in html
    assert '<option value="" selected>Anyone</option>' in html
