from django.core.management.base import BaseCommand

from actions.services import roles_ensure


class Command(BaseCommand):
    help = (
        "Create the role groups (Delivery lead, Priority lead, Programme office, Board member, "
        "Democratic services, Administrator) and give the Administrator group the admin's "
        "permissions. Safe to run again."
    )

    def handle(self, *args, **options):
        made = roles_ensure()
        self.stdout.write(
            f"{made['roles']} role groups ready; the Administrator group holds "
            f"{made['administrator permissions']} admin permissions."
        )
