"""The forms the programme office and democratic services fill in. They read and check
what was typed; what may be saved is decided in governance/services.py."""

from typing import cast

from django import forms

from actions.models import Lead
from governance.models import AgendaItem, Attendance, CommitteePaper, Meeting
from kentplan.widgets import DateField
from targets.models import Indicator


class GovukForm(forms.Form):
    """Gives each widget the GOV.UK class it needs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _govuk_class(field.widget)


def _govuk_class(widget) -> None:
    if isinstance(widget, forms.Textarea):
        widget.attrs.setdefault("class", "govuk-textarea")
    elif isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        widget.attrs.setdefault("class", "govuk-select")
    elif isinstance(widget, forms.CheckboxInput):
        widget.attrs.setdefault("class", "govuk-checkboxes__input")
    elif isinstance(widget, (forms.TextInput, forms.NumberInput, forms.EmailInput)):
        widget.attrs.setdefault("class", "govuk-input")


def _text(label: str, required: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, error_messages={"required": required}, **kwargs)


def _area(label: str, required: str | None = None, rows: int = 3, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required is not None,
        error_messages={"required": required or ""},
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class MeetingForm(GovukForm):
    date = DateField(
        label="Date of the meeting",
        help_text="For example, 15 11 2011",
        error_messages={"required": "Enter the date of the meeting"},
    )
    title = _text("Title", "Enter the meeting’s title", max_length=300)
    note = _area("Note", help_text="Optional: where it met, or what it was for")


class AgendaItemForm(GovukForm):
    order = forms.IntegerField(
        label="Item number",
        min_value=1,
        max_value=99,
        error_messages={
            "required": "Enter the item’s number on the agenda",
            "invalid": "Enter the item’s number as a whole number, like 3",
            "min_value": "The item’s number must be 1 or more",
            "max_value": "The item’s number must be 99 or less",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}),
    )
    title = _text("Title", "Enter the item’s title", max_length=300)
    presenter = forms.CharField(label="Presented by", required=False, max_length=200)
    paper_title = forms.CharField(label="Paper tabled", required=False, max_length=300)
    paper_url = forms.CharField(
        label="Where the paper is",
        required=False,
        max_length=500,
        help_text="A kentplan page (for example /papers/committee/1/) or a web address",
    )

    def clean_paper_url(self) -> str:
        url = self.cleaned_data["paper_url"].strip()
        if url and not url.startswith(("/", "https://", "http://")):
            raise forms.ValidationError(
                "Enter the paper’s address starting with / or https://, or leave it blank"
            )
        return url


ATTENDANCE_CHOICES = [("", "Not recorded"), *Attendance.Status.choices]


class AttendanceForm(GovukForm):
    """One question per person: attended, sent apologies, or not recorded."""

    def __init__(self, *args, people, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {f"lead_{lead.pk}": lead for lead in people}
        for name, lead in self.people.items():
            self.fields[name] = forms.ChoiceField(
                label=lead.name,
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial=current.get(lead.pk, ""),
                widget=forms.RadioSelect,
            )

    def statuses(self) -> dict[Lead, str]:
        return {lead: self.cleaned_data[name] for name, lead in self.people.items()}


class DecisionForm(GovukForm):
    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=AgendaItem.objects.none(),  # the meeting's own, set in __init__
        required=False,
        empty_label="Not under an agenda item",
        error_messages={"invalid_choice": "Choose an item on this meeting’s agenda"},
    )
    text = _area("Decision", "Enter what the meeting decided", rows=4)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["agenda_item"])
        field.queryset = meeting.agenda_items.order_by("order")


def _owner_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Owner",
        queryset=Lead.objects.order_by("name"),
        empty_label="Choose who owns the action",
        error_messages={
            "required": "Choose who owns the action",
            "invalid_choice": "Choose an owner from the list",
        },
    )


class BoardActionForm(GovukForm):
    description = _area("Action", "Describe the action the meeting agreed", rows=3)
    owner = _owner_field()
    due_date = DateField(label="Due date", required=False, help_text="For example, 30 11 2011")


class BoardActionUpdateForm(GovukForm):
    meeting = forms.ModelChoiceField(
        label="At the meeting of",
        queryset=Meeting.objects.none(),  # the body's own, set in __init__
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of the body’s meetings from the list"},
    )
    note = _area("What was reported", help_text="Optional: added to the action’s notes")
    owner = _owner_field()
    due_date = DateField(label="Due date", required=False, help_text="For example, 30 11 2011")
    status = forms.ChoiceField(
        label="Status",
        choices=[("open", "Open: carry it to the next meeting"), ("closed", "Closed")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the action stays open or is closed"},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["meeting"]).queryset = meetings


class SignForm(GovukForm):
    confirm = forms.BooleanField(
        label="I have read the plan and commit to it as a member of the Improvement Board",
        error_messages={"required": "Confirm that you commit to the plan before you sign it"},
    )


class CommitteePaperForm(forms.ModelForm):
    as_at = DateField(
        label="Figures and progress as at",
        help_text="The date the data is taken at, for example 31 5 2011",
        error_messages={"required": "Enter the date the figures are taken at"},
    )
    previous_paper_date = DateField(
        label="Date of the previous paper",
        required=False,
        help_text="Progress is counted from this date. For example, 23 5 2011",
    )
    readings_from = DateField(
        label="Compare readings from",
        required=False,
        help_text="Each indicator’s reading on or before this date is set against its latest",
    )
    indicators = forms.ModelMultipleChoiceField(
        label="Indicators reported under “Impact on performance”",
        queryset=Indicator.objects.order_by("pk"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CommitteePaper
        fields = [
            "plan", "by", "to", "subject", "classification", "summary", "as_at",
            "previous_paper_date", "readings_from", "indicators", "recommendations",
            "contact_name", "contact_title", "contact_phone", "contact_email",
            "background_documents",
        ]  # fmt: skip
        labels = {
            "plan": "Plan reported on",
            "by": "By",
            "to": "To",
            "contact_name": "Contact: name",
            "contact_title": "Contact: job title",
            "contact_phone": "Contact: telephone",
            "contact_email": "Contact: email",
        }
        help_texts = {
            "by": "The cabinet member and the director, each on a line of their own",
            "to": "Leave blank to use the meeting, for example “Cabinet - 20 June 2011”",
        }
        widgets = {
            "by": forms.Textarea(attrs={"rows": 2}),
            "summary": forms.Textarea(attrs={"rows": 2}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
            "background_documents": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "plan": {"required": "Choose the plan the paper reports on"},
            "by": {"required": "Enter who the paper is by"},
            "subject": {"required": "Enter the paper’s subject"},
            "classification": {"required": "Enter the classification, for example Unrestricted"},
            "summary": {"required": "Enter a summary"},
            "recommendations": {"required": "Enter the recommendations"},
            "contact_name": {"required": "Enter the name of the contact officer"},
            "contact_email": {"invalid": "Enter an email address like name@kent.gov.uk"},
            "background_documents": {"required": "List the background documents, or enter None"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxSelectMultiple):
                _govuk_class(field.widget)

    def _post_clean(self):
        """The service checks the model; the form only reads what was typed."""


class SectionForm(GovukForm):
    heading = forms.CharField(label="Heading", required=False, max_length=200)
    body = _area(
        "Text",
        rows=8,
        help_text="A blank line starts a new numbered paragraph; start a line with “- ” for a "
        "bullet. A line holding only [progress] or [performance] is where kentplan puts the "
        "paragraph it draws from the data.",
    )
    DELETE = forms.BooleanField(label="Remove this section", required=False)

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("DELETE"):
            return cleaned
        if cleaned.get("body") and not cleaned.get("heading"):
            self.add_error("heading", "Enter a heading for the section")
        if cleaned.get("heading") and not cleaned.get("body"):
            self.add_error("body", f"Enter the text of the section “{cleaned['heading']}”")
        return cleaned


SectionFormSet = forms.formset_factory(SectionForm, extra=1, max_num=30, absolute_max=30)
