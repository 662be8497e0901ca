from django.core.management.base import BaseCommand, CommandError

from actions.dataquality import data_quality_report
from actions.models import Plan


class Command(BaseCommand):
    help = "List what a reader should know about a plan's data (all plans by default)."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="One plan's slug")

    def handle(self, *args, slug: str | None = None, **options):
        plans = Plan.objects.all()
        if slug:
            plans = plans.filter(slug=slug)
            if not plans:
                raise CommandError(f"There is no plan '{slug}'.")
        for plan in plans:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{plan.title} ({plan.slug})"))
            for check in data_quality_report(plan=plan):
                self.stdout.write(f"\n{check.title}: {len(check.findings)}")
                for finding in check.findings:
                    self.stdout.write(f"  {finding.label:<8} {finding.detail}")
            self.stdout.write("")
