"""Template helpers for papers: a plan's free text as paragraphs and bulleted lists."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
BULLETS = ("•", "* ", "- ")


@register.filter
def paragraphs(text: str) -> SafeString:
    """Blank-line separated paragraphs; lines starting with a bullet become a list."""
    parts = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        bullets = [line for line in lines if line.startswith(BULLETS)]
        if lines and len(bullets) == len(lines):
            items = ((line.lstrip("•*- ").strip(),) for line in lines)
            parts.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", items)))
        elif lines:
            parts.append(format_html("<p>{}</p>", " ".join(lines)))
    return mark_safe("".join(parts))  # noqa: S308 - every part is built by format_html
