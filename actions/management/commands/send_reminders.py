from django.core.management.base import BaseCommand

from actions.reminders import reminders_send
from kentplan.clock import today


class Command(BaseCommand):
    help = (
        "Email each lead about their actions due within 14 days, overdue, or missing this "
        "month's update. Never sends the same reminder twice: safe to run from cron hourly."
    )

    def handle(self, *args, **options):
        sent = reminders_send(today=today())
        self.stdout.write(f"Sent {sent['emails']} emails with {sent['reminders']} reminders.")
