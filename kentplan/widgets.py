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

    wrong_parts: set[str] = set()  # set by DateField when what was typed is wrong

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:  # as typed: keep it to correct
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, part in zip(context["widget"]["subwidgets"], ("day", "month", "year"),
                                   strict=True):  # fmt: skip
            if base := subwidget["attrs"].get("id"):  # id_x_day, as the error summary links
                subwidget["attrs"]["id"] = f"{base.rsplit('_', 1)[0]}_{part}"
            if part in self.wrong_parts:
                subwidget["attrs"]["class"] += " govuk-input--error"
        return context

    def value_from_datadict(self, data, files, name):
        parts = [data.get(f"{name}_{part}", "").strip() for part in ("day", "month", "year")]
        if not any(parts):
            return None
        return "-".join(reversed(parts))  # "YYYY-MM-DD", checked by the DateField


class DateField(forms.DateField):
    """A date typed as day / month / year, with messages that say which date is wrong, and
    why, and which of its boxes to correct."""

    widget = DateInput
    input_formats = ["%Y-%m-%d"]

    def __init__(self, *args, noun: str = "", **kwargs):
        self.noun = noun
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        self.widget.wrong_parts = set()
        if value in (None, ""):
            return None
        year, month, day = (value.split("-") + ["", "", ""])[:3]
        parts = {"day": day, "month": month, "year": year}
        if missing := [name for name, typed in parts.items() if not typed]:
            self._wrong(
                missing, f"{self.noun or 'The date'} must include a {' and '.join(missing)}"
            )
        limits = {"day": 2, "month": 2, "year": 4}
        not_numbers = [
            # ASCII digits only: "²" and "٣" pass isdigit() but are no date.
            n
            for n, typed in parts.items()
            if not (typed.isascii() and typed.isdigit()) or len(typed) > limits[n]
        ]
        if not_numbers or len(year) != 4:
            self._wrong(not_numbers or ["year"], self._not_real())
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            wrong = ["month"] if not 1 <= int(month) <= 12 else ["day"]
            self._wrong(wrong, self._not_real())

    def _not_real(self) -> str:
        if self.noun:
            return f"{self.noun} must be a real date, for example 31 3 2011"
        return "Enter a real date, for example 31 3 2011"

    def _wrong(self, parts: list[str], message: str):
        self.widget.wrong_parts = set(parts)
        raise forms.ValidationError(message, code="invalid")
