from django.core.management.base import BaseCommand

from actions.sampledata import DEMO_ACCOUNTS, DEMO_PASSWORD
from governance.sampledata import sample_data_load


class Command(BaseCommand):
    help = "Add the labelled sample data and demo accounts (safe to run again)."

    def handle(self, *args, **options):
        counts = sample_data_load()
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(f"Sample data loaded ({summary}); it is labelled wherever it is shown.")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, _, _, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<20} {role}")
