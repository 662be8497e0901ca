"""Form fields rendered to the GOV.UK Design System's patterns: each input names its hint,
its error message and its character count in aria-describedby, so screen readers hear them."""

from django import template
from django.forms import BoundField, Textarea
from django.utils.safestring import SafeString

register = template.Library()


def described_by(field: BoundField) -> str:
    """The ids of the hint, the error message and the count that describe this field."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    if max_length(field):
        ids.append(f"{field.auto_id}-info")
    return " ".join(ids)


@register.filter
def max_length(field: BoundField) -> int | None:
    """A long text box's limit, for its character count (None for other fields)."""
    if not isinstance(field.field.widget, Textarea):
        return None
    return getattr(field.field, "max_length", None)


@register.filter
def govuk_input(field: BoundField) -> SafeString:
    """The input with aria-describedby, and the error class when its value is wrong."""
    attrs: dict[str, str | bool] = {}
    if ids := described_by(field):
        attrs["aria-describedby"] = ids
    if field.errors:
        classes = field.field.widget.attrs.get("class", "")
        attrs["class"] = f"{classes} {_error_class(classes)}".strip()
    return field.as_widget(attrs=attrs)


@register.filter
def fieldset_described_by(field: BoundField) -> str:
    return " ".join(i for i in described_by(field).split() if not i.endswith("-info"))


def _error_class(classes: str) -> str:
    if "govuk-textarea" in classes:
        return "govuk-textarea--error"
    if "govuk-file-upload" in classes:
        return "govuk-file-upload--error"
    return "govuk-input--error"
