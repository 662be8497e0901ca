"""Form widgets in the GOV.UK Design System's patterns."""

from datetime import date

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: separate day, month and year boxes."""

    template_name = "widgets/govuk_date.html"

    def __init__(self, attrs=None):
        numeric = {"inputmode": "numeric", "class": "govuk-input govuk-date-input__input"}
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
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


class QuickSelect(forms.Select):
    """A select whose options are written out in Python rather than through one template
    each: the actions table's filters offer a few hundred options on every request, and
    rendering each through select_option.html cost ~45 ms a page. Same HTML as Select."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        chosen = next(iter(self.format_value(value)), None)
        options = []
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an optgroup: let Django draw it
                return super().render(name, value, attrs, renderer)
            option_value = "" if option_value is None else str(option_value)
            selected = chosen is not None and option_value == chosen
            if selected:
                chosen = None  # only the first match, as Select does
            options.append(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option_value,
                    mark_safe(" selected") if selected else "",
                    label,
                )
            )
        return format_html(
            '<select name="{}"{}>{}</select>', name, _attrs(final), mark_safe("".join(options))
        )


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html writes them: in order, True bare, False left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", key) if value is True else format_html(' {}="{}"', key, value),)
            for key, value in attrs.items()
            if value is not False and value is not None
        ),
    )
