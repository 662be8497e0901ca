from django.core.management.base import BaseCommand, CommandError

from actions.services import plan_import_file
from kentplan.datafile import DataFileError


class Command(BaseCommand):
    help = "Import a plan file (YAML or JSON, the form of fixtures/README.md). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file: str, **options):
        try:
            plan = plan_import_file(path=file)
        except FileNotFoundError:
            raise CommandError(f"There is no file at {file}.") from None
        except DataFileError as error:
            problems = "\n".join(f"  {p}" for p in error.problems)
            raise CommandError(
                f"{file} was not imported; nothing was changed.\n{problems}"
            ) from None
        actions = plan.actions.count()
        self.stdout.write(f"Imported {plan.short_title} ({plan.slug}): {actions} actions.")
