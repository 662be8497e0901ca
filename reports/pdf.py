"""WeasyPrint's part of drawing a paper, apart so that only the render worker loads it."""

import logging

from django.conf import settings
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reports.rendering import PAPER_BASE_URL, content_type_of, static_file_path

logger = logging.getLogger(__name__)


def draw(html: str) -> tuple[bytes, int]:
    """The HTML as a tagged (PDF/UA-1) PDF, and its number of pages."""
    document = HTML(string=html, base_url=PAPER_BASE_URL, url_fetcher=LocalStaticFetcher()).render(
        pdf_variant="pdf/ua-1"
    )
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


class LocalStaticFetcher(URLFetcher):
    """Serves the project's static files and data: URLs; refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        prefix = PAPER_BASE_URL.rstrip("/") + settings.STATIC_URL
        if not url.startswith(prefix):
            logger.warning("A paper asked for %s; only local static files are allowed", url)
            raise ValueError(f"papers may only use the site's own static files, not {url}")
        path = static_file_path(url[len(prefix) :].split("?")[0].split("#")[0])
        if path is None:
            raise ValueError(f"no static file {url}")
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type_of(path)})
