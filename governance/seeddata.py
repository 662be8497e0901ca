"""Loads everything under fixtures/, in the order the records depend on each other."""

from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import transaction

from actions.services import plan_import_text
from governance.services import governance_import_text
from kentplan.datafile import DataFileError
from targets.services import reference_import_text

Importer = Callable[..., object]


def seed_files(fixtures_dir: Path | None = None) -> list[tuple[Path, Importer]]:
    """Each fixture file with the importer that reads it, in loading order."""
    root = Path(fixtures_dir or settings.FIXTURES_DIR)
    reference = root / "reference"
    files: list[tuple[Path, Importer]] = [(reference / "inspections.yaml", reference_import_text)]
    files += [(path, plan_import_text) for path in sorted((root / "plans").glob("*.yaml"))]
    files += [
        (reference / "indicators.yaml", reference_import_text),
        (reference / "governance.yaml", governance_import_text),
    ]
    return [(path, importer) for path, importer in files if path.exists()]


def seed_data_load(*, fixtures_dir: Path | None = None) -> list[Path]:
    """Import every fixture file, all or nothing; loading twice changes nothing."""
    loaded = []
    with transaction.atomic():
        for path, importer in seed_files(fixtures_dir):
            try:
                importer(text=path.read_text(encoding="utf-8"))
            except DataFileError as error:
                error.path = path
                raise
            loaded.append(path)
    return loaded
