"""Parts of pages drawn once and kept in the shared cache (Redis when CACHE_URL names it).

A part is kept under everything it is drawn from: the data's version (actions.asat.
data_version), the code's (code_version, below) and the request's own inputs (plan, query,
day). A save anywhere in its sources, or a deploy that changes how it looks, so gives a
new key, and the old entry is never served; it expires on its own.
"""

import functools
import hashlib
import importlib.metadata
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache

KEPT_SECONDS = 60 * 60
# Begins a data version read while another save to its data was still being committed: a
# part drawn then may lack that save, and is kept only briefly (actions.asat.data_version).
UNSETTLED = "unsettled"
BRIEF_SECONDS = 5


def files_fingerprint(files: Iterable[Path], salt: bytes) -> str:
    """A digest of these files' names (relative to the project) and contents, after salt."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256(salt)
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def code_version() -> str:
    """A fingerprint of the code that draws the pages: the project's Python and templates,
    and the versions of the libraries that draw tables and forms, read once per process."""
    root = Path(settings.BASE_DIR)
    apps = ("actions", "governance", "kentplan", "reports", "targets")
    files = [
        *(p for app in apps for p in (root / app).rglob("*.py") if "migrations" not in p.parts),
        *(root / "templates").rglob("*.html"),
    ]
    libraries = ("django", "django-tables2", "django-filter")
    return files_fingerprint(
        files, repr([importlib.metadata.version(n) for n in libraries]).encode()
    )


def kept_key(kind: str, *parts: Any) -> str:
    """The key a part is kept under; one drawn from data still being saved (a version
    beginning UNSETTLED) has a key of its own, kept only briefly."""
    digest = hashlib.sha256(repr([*parts, code_version()]).encode()).hexdigest()
    if any(isinstance(part, str) and part.startswith(UNSETTLED) for part in parts):
        return f"kp:{UNSETTLED}:{kind}:{digest}"
    return f"kp:{kind}:{digest}"


def kept_seconds(key: str) -> int:
    """How long what is drawn under this key is kept."""
    return BRIEF_SECONDS if key.startswith(f"kp:{UNSETTLED}:") else KEPT_SECONDS


def kept(key: str, draw: Callable[[], str | bytes]) -> bytes:
    """What draw() gives, as bytes: from the cache when it was drawn under this key, else
    drawn now and kept compressed (~10x; a worker's local cache holds up to 300 entries).
    If draw raises, nothing is kept."""
    found = cache.get(key)
    if found is None:
        drawn = draw()
        found = zlib.compress(drawn.encode() if isinstance(drawn, str) else drawn, 1)
        cache.set(key, found, kept_seconds(key))
    return zlib.decompress(found)
