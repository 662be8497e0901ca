"""The forms leads and the programme office fill in. They read and check what was typed;
the rules about what may be saved are in actions/progress.py."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from actions import evidence
from actions.evidence import NAMES
from actions.models import ProgressUpdate
from kentplan.widgets import DateField

Status, Rating = ProgressUpdate.Status, ProgressUpdate.Rating

COMMENTARY_LIMIT = 5000

RATING_CHOICES = [
    ("", "Use the suggested rating"),
    (Rating.GREEN, "Green"),
    (Rating.AMBER, "Amber"),
    (Rating.RED, "Red"),
]


class ProgressUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="How is the action going?",
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the action is going"},
    )
    rating_mode = forms.ChoiceField(
        label="Rating",
        choices=[
            ("suggested", "Use the suggested rating"),
            ("different", "Use a different rating"),
        ],
        required=False,
        widget=forms.RadioSelect,
        help_text="The suggestion follows from the status and the dates. Choose another only "
        "if you can say why.",
    )
    rating = forms.ChoiceField(
        label="Which rating?",
        choices=[c for c in RATING_CHOICES if c[0]],
        required=False,
        widget=forms.RadioSelect,
    )
    override_reason = forms.CharField(
        label="Why is the rating different from the suggestion?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    commentary = forms.CharField(
        label="Commentary",
        required=False,
        max_length=COMMENTARY_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What has happened this month. Required for Amber and Red, and when the due "
        "date moves.",
    )
    revised_due_date = DateField(
        noun="Revised due date",
        label="Revised due date (if it has moved)",
        required=False,
        help_text="For example, 30 9 2011. The original due date is kept beside it.",
    )
    revised_reason = forms.CharField(
        label="Reason for the revised date",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confirm_far_date = forms.BooleanField(
        label="Yes, this date is right",
        required=False,
    )
    evidence_url = forms.CharField(
        label="Link to evidence", required=False, help_text="A web address, such as a report"
    )
    evidence_file = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text or an image",
    )
    evidence_description = forms.CharField(
        label="What the evidence shows", required=False, max_length=250
    )
    evidence_date = DateField(
        noun="The date of the evidence",
        label="Date of the evidence",
        required=False,
        help_text="For example, 31 5 2011",
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload and evidence.name_too_long(upload.name):
            raise forms.ValidationError(evidence.NAME_TOO_LONG)
        return upload

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "evidence_file"
        ].help_text = f"{NAMES}, up to {filesizeformat(settings.EVIDENCE_MAX_BYTES)}"
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Textarea):
                counted = " govuk-js-character-count" if getattr(field, "max_length", None) else ""
                widget.attrs["class"] = "govuk-textarea" + counted
            elif isinstance(widget, forms.ClearableFileInput):
                widget.attrs["class"] = "govuk-file-upload"
            elif isinstance(widget, forms.TextInput):
                widget.attrs["class"] = "govuk-input"

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("rating_mode") == "suggested":
            cleaned["rating"], cleaned["override_reason"] = "", ""
        elif cleaned.get("rating_mode") == "different" and not cleaned.get("rating"):
            self.add_error("rating", "Select the rating to use instead of the suggestion")
        return cleaned


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label="Is the action complete?",
        choices=[("accept", "Yes, verify it (Blue)"), ("return", "No, send it back")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the action is complete"},
    )
    comment = forms.CharField(
        label="Comment for the lead",
        required=False,
        max_length=2000,
        widget=forms.Textarea(
            attrs={"rows": 3, "class": "govuk-textarea govuk-js-character-count"}
        ),
        help_text="Required when you send it back",
    )


class OpenPeriodForm(forms.Form):
    month = DateField(
        noun="The month to open",
        label="First day of the month to open",
        help_text="For example, 1 12 2011",
        error_messages={"required": "Enter the month to open"},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(
            attrs={"rows": 3, "class": "govuk-textarea govuk-js-character-count"}
        ),
        help_text="This is kept in the history.",
        error_messages={"required": "Give a reason"},
    )

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
