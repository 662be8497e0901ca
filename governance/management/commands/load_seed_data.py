from django.core.management.base import BaseCommand, CommandError

from governance.seeddata import seed_data_load
from kentplan.datafile import DataFileError


class Command(BaseCommand):
    help = "Load the real plans and reference data under fixtures/ (safe to run again)."

    def handle(self, *args, **options):
        try:
            loaded = seed_data_load()
        except DataFileError as error:
            problems = "\n".join(f"  {p}" for p in error.problems)
            where = error.path or "a fixture file"
            raise CommandError(
                f"The seed data was not loaded; nothing was changed. In {where}:\n{problems}"
            ) from None
        for path in loaded:
            self.stdout.write(f"Loaded {path.parent.name}/{path.name}")
