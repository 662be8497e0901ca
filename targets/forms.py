"""The forms the programme office fills in for indicator readings."""

from typing import Any

from django import forms

from kentplan.widgets import DateField

MAX_UPLOAD_BYTES = 1024 * 1024


class ReadingForm(forms.Form):
    value = forms.DecimalField(
        label="Value",
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": "Enter the value of the reading",
            "invalid": "Enter the value as a number, like 338 or 46.5",
            "max_decimal_places": "Enter the value with no more than two decimal places",
            "max_digits": "Enter a value of no more than 12 digits",
        },
    )
    date = DateField(label="Date of the reading", help_text="For example, 31 5 2011")
    source = forms.CharField(
        label="Source",
        max_length=200,
        help_text="The report or system the figure comes from",
        error_messages={"required": "Enter where the figure comes from"},
    )
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].widget = forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}
        )
        for name in ("source", "note"):
            self.fields[name].widget.attrs["class"] = "govuk-input"


class ReadingsUploadForm(forms.Form):
    file = forms.FileField(
        label="Readings file (CSV)",
        help_text="Columns: indicator, date, value, source, note. One reading a row.",
        error_messages={"required": "Choose a CSV file to upload"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update({"class": "govuk-file-upload", "accept": ".csv"})

    def clean_file(self) -> str:
        """The file's text; Excel's own CSV encoding is accepted too."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB; split it into smaller files")
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError("The file is not a text CSV file; save it as CSV and try again")
