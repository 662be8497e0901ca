"""The actions table's filters (django-filter), in the council's terms."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from actions.models import Action, Plan
from actions.selectors import actions_filter_choices
from kentplan.widgets import DateField


class GovukDateFilter(django_filters.DateFilter):
    field_class = DateField


JOINT_CHOICES = [("yes", "Joint with partners, health or schools"), ("no", "Not joint")]


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="search", help_text="Words in the action or its measures, or a ref"
    )
    priority = django_filters.ModelChoiceFilter(
        field_name="outcome__priority", label="Priority", empty_label="Any priority", queryset=None
    )
    outcome = django_filters.ModelChoiceFilter(
        label="Outcome", empty_label="Any outcome", queryset=None
    )
    lead = django_filters.ModelChoiceFilter(
        field_name="leads", label="Lead", empty_label="Anyone", queryset=None, method="by_lead"
    )
    notice_target = django_filters.ModelChoiceFilter(
        field_name="notice_targets",
        label="Improvement Notice target",
        empty_label="Any",
        queryset=None,
    )
    recommendation = django_filters.ModelChoiceFilter(
        field_name="recommendations",
        label="Ofsted recommendation",
        empty_label="Any",
        queryset=None,
    )
    core_task = django_filters.ModelChoiceFilter(
        field_name="core_tasks", label="Core task", empty_label="Any", queryset=None
    )
    joint = django_filters.ChoiceFilter(
        label="Joint working", choices=JOINT_CHOICES, empty_label="Any", method="by_joint"
    )
    due_after = GovukDateFilter(field_name="due_date", lookup_expr="gte", label="Due on or after")
    due_before = GovukDateFilter(field_name="due_date", lookup_expr="lte", label="Due on or before")

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in actions_filter_choices(plan=plan).items():
            self.filters[name].queryset = queryset
            self.form.fields[name].queryset = queryset
        self.form.fields["outcome"].label_from_instance = lambda o: f"{o.ref} {o.statement[:70]}"
        self.form.fields["priority"].label_from_instance = lambda p: f"{p.number}. {p.title}"
        for field in self.form.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "govuk-select"
            elif isinstance(field.widget, forms.TextInput):
                field.widget.attrs["class"] = "govuk-input"

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(ref__startswith=word)
                | Q(text__icontains=word)
                | Q(measures__text__icontains=word)
            )
        return queryset.distinct()

    def by_lead(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(Q(leads=value) | Q(measures__leads=value)).distinct()

    def by_joint(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        joint = Q(joint_with_partners=True) | Q(joint_with_health=True) | Q(joint_with_schools=True)
        return queryset.filter(joint) if value == "yes" else queryset.exclude(joint)
