"""Turning a report's template into a PDF with WeasyPrint.

The PDF is drawn from the same template as the browser preview, with the print
stylesheet. Nothing is fetched from the network: the only files a paper may use are the
project's own static files (and data: URLs, for charts drawn inline).

WeasyPrint itself is imported only when a PDF is drawn (reports/pdf.py), which the
render worker does: the web workers never draw one, and loading it costs each ~26 MB.
"""

import functools
import importlib.metadata
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from kentplan.kept import files_fingerprint

# Relative links in a paper resolve against this made-up origin; nothing is fetched
# from it: the fetcher (reports/pdf.py) maps its /static/ paths to files on disk.
PAPER_BASE_URL = "https://paper.kentplan.invalid/"
AUTHOR = "Kent County Council"


@functools.cache
def layout_version() -> str:
    """A fingerprint of what draws papers: the reports code, the templates, the project's
    own static files and WeasyPrint's version, read once per process.

    Renders are kept under the data's fingerprint and this one, so after a deploy that
    changes how a paper looks, it is drawn afresh rather than served as the old code drew
    it (changing any template counts, as papers include the site's own)."""
    root = Path(settings.BASE_DIR)
    files = [
        *(root / "reports").glob("*.py"),
        *(root / "templates").rglob("*.html"),
        *(root / "kentplan" / "static" / "kentplan").rglob("*.css"),
    ]
    return files_fingerprint(files, importlib.metadata.version("weasyprint").encode())


def static_file_path(name: str) -> Path | None:
    """The file behind a static path, from the source folders or collectstatic's output."""
    if ".." in Path(name).parts:
        return None
    found = finders.find(name)
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / name
    return collected if collected.is_file() else None


def content_type_of(path: Path) -> str:
    return {
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".ttf": "font/ttf",
        ".woff2": "font/woff2",
    }.get(path.suffix, "application/octet-stream")


@dataclass
class PaperMeta:
    """What the PDF says about itself, and what its running footer shows."""

    title: str
    subject: str
    as_at: date
    author: str = AUTHOR


@dataclass
class RenderedPdf:
    content: bytes
    pages: int


# A link to a page of the site ("/plans/…"): on the screen it opens the page, but a paper
# is read away from the site (printed, e-mailed, published), where it would go nowhere.
SITE_LINK = re.compile(r'<a\b[^>]*\bhref="/[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


def without_site_links(html: str) -> str:
    """The words of each link to the site, without the link; links within the paper
    (#IN-3) and to other sites are kept. The templates' own HTML, so attributes are escaped."""
    return SITE_LINK.sub(r"<span>\1</span>", html)


def render_pdf(*, template: str, context: dict, meta: PaperMeta) -> RenderedPdf:
    """Render a report's template as a tagged (PDF/UA-1) A4 PDF."""
    html = without_site_links(
        render_to_string(template, {**context, "paper": meta, "for_pdf": True})
    )
    from reports.pdf import draw

    content, pages = draw(html)
    return RenderedPdf(content=content, pages=pages)
