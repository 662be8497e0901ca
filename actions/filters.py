"""The actions table's filters (django-filter), in the council's terms.

The parameter names are part of the product: the dashboard links to them. Every filter
is an annotation or an EXISTS on actions_for_table, so none multiplies rows."""

from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from actions import selectors
from actions.models import Action, Plan, ProgressUpdate
from actions.selectors import MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS, TableMoment
from kentplan.widgets import DateField, DateInput, QuickSelect


class GovukDateFilter(django_filters.DateFilter):
    field_class = DateField


class SearchField(forms.CharField):
    """Words to search for, at most MAX_SEARCH_WORDS of them and MAX_SEARCH_LENGTH letters."""

    def clean(self, value):
        value = super().clean(value)
        if len(value) > MAX_SEARCH_LENGTH:
            raise ValidationError(
                f"Search for at most {MAX_SEARCH_LENGTH} characters; you entered {len(value)}.",
                code="too_long",
            )
        if len(value.split()) > MAX_SEARCH_WORDS:
            raise ValidationError(
                f"Search for at most {MAX_SEARCH_WORDS} words at a time; "
                f"you entered {len(value.split())}.",
                code="too_many_words",
            )
        return value


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class OnCheckbox(forms.CheckboxInput):
    """A tick box whose value is kept as sent ('1'), so anything else can be refused."""

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class OnFilter(django_filters.Filter):
    """A tick box sent as `name=1`; any other value is a form error."""

    field_class = forms.TypedChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.update(widget=OnCheckbox, choices=[("1", "Yes")], coerce=lambda v: v == "1")
        kwargs["error_messages"] = {"invalid_choice": "Tick the box, or leave it empty"}
        super().__init__(*args, **kwargs)


class IsoOrGovukDateInput(DateInput):
    """Day, month and year boxes, or `name=YYYY-MM-DD` as other pages link with."""

    def value_from_datadict(self, data, files, name):
        if data.get(name):
            return data[name].strip()
        return super().value_from_datadict(data, files, name)


class IsoOrGovukDateField(DateField):
    widget = IsoOrGovukDateInput


class LinkableDateFilter(django_filters.DateFilter):
    field_class = IsoOrGovukDateField


JOINT_CHOICES = [("yes", "Joint with partners, health or schools"), ("no", "Not joint")]
RATING_CHOICES = [
    ("blue", "Blue – complete and verified"),
    ("green", "Green"),
    ("amber", "Amber"),
    ("red", "Red"),
    ("none", "Not rated yet (no update)"),
]
MAX_DAYS_AHEAD = 3660


class ActionFilter(django_filters.FilterSet):
    q = SearchFilter(
        label="Search",
        method="search",
        help_text=f"Words in the action or its measures, or a ref (up to {MAX_SEARCH_WORDS} words)",
    )
    priority = django_filters.ModelChoiceFilter(
        field_name="outcome__priority", label="Priority", empty_label="Any priority", queryset=None
    )
    outcome = django_filters.ModelChoiceFilter(
        label="Outcome", empty_label="Any outcome", queryset=None
    )
    rating = django_filters.ChoiceFilter(
        label="Latest rating",
        choices=RATING_CHOICES,
        empty_label="Any",
        method="by_rating",
        error_messages={"invalid_choice": "Choose blue, green, amber, red or none"},
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=ProgressUpdate.Status.choices,
        empty_label="Any",
        method="by_status",
        error_messages={"invalid_choice": "Choose a status from the list"},
    )
    overdue = OnFilter(label="Overdue", method="by_overdue")
    due_within = django_filters.NumberFilter(
        label="Due within (days)",
        method="by_due_within",
        min_value=0,
        max_value=MAX_DAYS_AHEAD,
        help_text="Not complete and due in this many days from today",
    )
    awaiting_verification = OnFilter(
        label="Completion awaiting verification", method="by_awaiting_verification"
    )
    returned = OnFilter(label="Returned to its lead", method="by_returned")
    missing_update = OnFilter(label="No update for this month yet", method="by_missing_update")
    changed_since = LinkableDateFilter(label="Changed since", method="by_changed_since")
    # Retired actions (taken out of the plan, kept with their progress) are left out, as the
    # dashboard leaves them out of its counts, unless this is ticked.
    retired = OnFilter(
        label="Include retired actions",
        method="including_retired",
        help_text="Actions taken out of the plan, kept with their progress",
    )
    lead = django_filters.ModelChoiceFilter(
        field_name="leads", label="Lead", empty_label="Anyone", queryset=None, method="by_lead"
    )
    notice_target = django_filters.ModelChoiceFilter(
        label="Improvement Notice target", empty_label="Any", queryset=None, method="by_serving"
    )
    recommendation = django_filters.ModelChoiceFilter(
        label="Ofsted recommendation or finding",
        empty_label="Any",
        queryset=None,
        method="by_serving",
    )
    core_task = django_filters.ModelChoiceFilter(
        label="Core task", empty_label="Any", queryset=None, method="by_serving"
    )
    joint = django_filters.ChoiceFilter(
        label="Joint working", choices=JOINT_CHOICES, empty_label="Any", method="by_joint"
    )
    due_after = GovukDateFilter(field_name="due_date", lookup_expr="gte", label="Due on or after")
    due_before = GovukDateFilter(field_name="due_date", lookup_expr="lte", label="Due on or before")

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, *args, plan: Plan, when: TableMoment, **kwargs):
        super().__init__(*args, **kwargs)
        self.when = when
        for name, queryset in selectors.actions_filter_choices(plan=plan).items():
            self.filters[name].queryset = queryset
            self.form.fields[name].queryset = queryset
        self.form.fields["outcome"].label_from_instance = lambda o: f"{o.ref} {o.statement[:70]}"
        self.form.fields["priority"].label_from_instance = lambda p: f"{p.number}. {p.title}"
        for field in self.form.fields.values():
            if isinstance(field.widget, forms.Select):
                quick = QuickSelect(attrs={**field.widget.attrs, "class": "govuk-select"})
                quick.choices = field.widget.choices
                field.widget = quick
            elif isinstance(field.widget, forms.TextInput | forms.NumberInput):
                field.widget.attrs["class"] = "govuk-input"

    def on_fields(self) -> list:
        """The tick boxes that narrow the list, shown together as one group ("Show only
        actions …"); the one that widens it (retired) is shown on its own."""
        return [
            self.form[name]
            for name, f in self.filters.items()
            if isinstance(f, OnFilter) and name != "retired"
        ]

    def other_fields(self) -> list:
        return [self.form[name] for name, f in self.filters.items() if not isinstance(f, OnFilter)]

    @cached_property
    def qs(self) -> QuerySet:
        """No rows at all while a filter cannot be read, rather than rows it did not ask for;
        the plan's live actions, and its retired ones too only when asked."""
        if self.is_bound and not self.form.is_valid():
            return self.queryset.none()
        queryset = super().qs
        if self.is_bound and self.form.cleaned_data.get("retired"):
            return queryset
        return queryset.filter(shown_retired_on__isnull=True)

    def including_retired(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset  # qs leaves retired actions out unless this is ticked

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(selectors.actions_matching(value.split()))

    def by_rating(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(selectors.actions_with_rating(value))

    def by_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(latest_status=value)

    def by_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(selectors.actions_overdue(self.when)) if value else queryset

    def by_due_within(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(selectors.actions_due_within(self.when, int(value)))

    def by_awaiting_verification(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(selectors.actions_awaiting_verification()) if value else queryset

    def by_returned(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(selectors.actions_returned()) if value else queryset

    def by_missing_update(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(selectors.actions_missing_update(self.when)) if value else queryset

    def by_changed_since(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(selectors.actions_changed_since(self.when, value))

    def by_lead(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(selectors.actions_led_or_measured_by(value))

    def by_serving(self, queryset: QuerySet, name: str, value) -> QuerySet:
        relation = {"notice_target": "notice_targets", "recommendation": "recommendations"}
        return queryset.filter(
            selectors.actions_serving_record(relation.get(name, "core_tasks"), value)
        )

    def by_joint(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        joint = Q(joint_with_partners=True) | Q(joint_with_health=True) | Q(joint_with_schools=True)
        return queryset.filter(joint) if value == "yes" else queryset.exclude(joint)
