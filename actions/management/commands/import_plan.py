from django.core.management.base import BaseCommand, CommandError

from actions.services import plan_import_file
from kentplan.datafile import DataFileError


class Command(BaseCommand):
    help = (
        "Import a plan file (YAML or JSON, the form of fixtures/README.md). All or nothing. "
        "Progress is never deleted: an action with updates that the file leaves out stops "
        "the import, unless --retire-missing keeps it as a retired action."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--retire-missing",
            action="store_true",
            help="keep actions with progress that the file leaves out, marked retired",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="say what would be added, changed, retired and removed; write nothing",
        )

    def handle(self, *args, file: str, retire_missing: bool, dry_run: bool, **options):
        try:
            report = plan_import_file(path=file, retire_missing=retire_missing, dry_run=dry_run)
        except FileNotFoundError:
            raise CommandError(f"There is no file at {file}.") from None
        except DataFileError as error:
            if len(error.problems) == 1 and error.problems[0].line == 0:
                message = error.problems[0].message
                raise CommandError(f"{file} was not imported: {message}.") from None
            problems = "\n".join(f"  {p}" for p in error.problems)
            raise CommandError(
                f"{file} was not imported; nothing was changed.\n{problems}"
            ) from None
        plan = report.plan
        for label, refs in (
            ("added", report.added),
            ("changed", report.changed),
            ("retired (kept with their progress)", report.retired),
            ("removed (no progress)", report.removed),
        ):
            self.stdout.write(f"  {len(refs)} {label}: {', '.join(refs) or '-'}")
        if dry_run:
            self.stdout.write(f"Dry run of {plan.short_title} ({plan.slug}): nothing was written.")
        else:
            actions = plan.actions.filter(retired_on__isnull=True).count()
            self.stdout.write(
                f"Imported {plan.short_title} ({plan.slug}): "
                f"{actions} action{'' if actions == 1 else 's'}."
            )
