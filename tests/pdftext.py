"""The text of a PDF page by page, as poppler's pdftotext reads it: 0.2 s for the plan's
37 pages where pypdf's extract_text took 4.3 s (scripts/setup installs poppler-utils).
pypdf still reads what is not text: metadata, page sizes, links.

The text comes in the order it was drawn (`-raw`), which for WeasyPrint is the order of
the document: a table's cells row by row, not column by column as pdftotext would
otherwise guess from where they stand."""

import shutil
import subprocess


def pdf_pages(content: bytes) -> list[str]:
    """Each page's text, its whitespace as pdftotext leaves it."""
    if shutil.which("pdftotext") is None:
        raise RuntimeError("no pdftotext: run scripts/setup (apt-get install poppler-utils)")
    result = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    pages = result.stdout.decode().split("\f")
    return pages[:-1] if pages and pages[-1] == "" else pages  # a form feed ends each page


def pdf_pages_joined(content: bytes) -> list[str]:
    """Each page's text with its runs of whitespace made single spaces."""
    return [" ".join(page.split()) for page in pdf_pages(content)]
