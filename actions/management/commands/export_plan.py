from django.core.management.base import BaseCommand, CommandError

from actions.models import Plan
from actions.planexport import plan_export_text


class Command(BaseCommand):
    help = "Write a plan out in the form import_plan reads."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
        parser.add_argument("--output", "-o", help="File to write (default: standard output)")

    def handle(self, *args, slug: str, format: str, output: str | None, **options):
        plan = Plan.objects.filter(slug=slug).first()
        if plan is None:
            known = ", ".join(Plan.objects.values_list("slug", flat=True)) or "none loaded"
            raise CommandError(f"There is no plan '{slug}'. Plans: {known}.")
        text = plan_export_text(plan=plan, fmt=format)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
