"""Form widgets in the GOV.UK Design System's patterns."""

from datetime import date

from django import forms


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: separate day, month and year boxes."""

    template_name = "widgets/govuk_date.html"

    def __init__(self, attrs=None):
        numeric = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        widgets = {
            "day": forms.TextInput(
                attrs={**numeric, "class": numeric["class"] + " govuk-input--width-2"}
            ),
            "month": forms.TextInput(
                attrs={**numeric, "class": numeric["class"] + " govuk-input--width-2"}
            ),
            "year": forms.TextInput(
                attrs={**numeric, "class": numeric["class"] + " govuk-input--width-4"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = [data.get(f"{name}_{part}", "").strip() for part in ("day", "month", "year")]
        if not any(parts):
            return None
        return "-".join(reversed(parts))  # "YYYY-MM-DD", checked by the DateField


class DateField(forms.DateField):
    """A date typed as day / month / year, with messages that say which part is wrong."""

    widget = DateInput
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": "Enter a real date, for example 31 3 2011",
    }

    def to_python(self, value):
        if value in (None, ""):
            return None
        year, month, day = (value.split("-") + ["", "", ""])[:3]
        if not (day and month and year):
            missing = [n for n, v in (("day", day), ("month", month), ("year", year)) if not v]
            raise forms.ValidationError(f"The date must include a {' and '.join(missing)}")
        if not (
            day.isdigit()
            and month.isdigit()
            and year.isdigit()
            and len(day) <= 2
            and len(month) <= 2
            and len(year) == 4
        ):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
