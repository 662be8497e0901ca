"""Template filters for showing the plan's text the way the printed plan does."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

BULLET = "•"


@register.filter
def prose(text: str) -> SafeString:
    """Paragraphs (split on blank lines) and '• ' bullet lines as GOV.UK lists."""
    blocks = []
    for block in (text or "").split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        blocks.extend(_blocks(lines))
    return format_html_join("\n", "{}", ((b,) for b in blocks))


def _blocks(lines: list[str]) -> list[SafeString]:
    out: list[SafeString] = []
    bullets: list[str] = []
    words: list[str] = []
    for line in lines + [""]:
        if line.startswith(BULLET):
            if words:
                out.append(format_html('<p class="govuk-body">{}</p>', " ".join(words)))
                words = []
            bullets.append(line.lstrip(BULLET).strip())
            continue
        if bullets:
            items = format_html_join("", "<li>{}</li>", ((b,) for b in bullets))
            out.append(format_html('<ul class="govuk-list govuk-list--bullet">{}</ul>', items))
            bullets = []
        if line:
            words.append(line)
    if words:
        out.append(format_html('<p class="govuk-body">{}</p>', " ".join(words)))
    return out


@register.filter
def names(leads) -> str:
    """'Rob Semens, Heads of Service' from leads or from rows that have a .lead."""
    return ", ".join(getattr(item, "lead", item).name for item in leads)


@register.filter
def duration_words(value) -> str:
    """A timedelta in words, e.g. '30 minutes' (not 'PT30M')."""
    from kentplan.lockout import duration_in_words

    return duration_in_words(value)


@register.filter
def dated(day, precision: str = "day") -> str:
    """A date as its source gives it: '1 November 2014', or 'November 2014' where the
    precision is 'month'."""
    from kentplan.dates import date_shown

    return date_shown(day, precision or "day")


@register.filter
def dated_short(day, precision: str = "day") -> str:
    """As `dated`, with the month abbreviated: '1 Nov 2014', 'Nov 2014'."""
    from kentplan.dates import date_shown

    return date_shown(day, precision or "day", short=True)


@register.filter
def document_title(source: str) -> str:
    """The title of the council paper a record was transcribed from, not its file name."""
    from kentplan.sources import document_title as title

    return title(source)
