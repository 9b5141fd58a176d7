import os

from django.core.management.base import BaseCommand

from laurel.accounts.services import ensure_first_staff


class Command(BaseCommand):
    help = (
        "With no staff account that can sign in, print a one-time link that creates one. "
        "The address is LAUREL_ADMIN_EMAIL (default admin@example.org) unless --email is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--email", default=os.environ.get("LAUREL_ADMIN_EMAIL", "admin@example.org")
        )

    def handle(self, *args, email, **options):
        url = ensure_first_staff(email)
        if url is None:
            self.stdout.write("A staff account exists; no sign-in link was made.")
            return
        self.stdout.write(
            "\nNo staff account yet. Open this one-time link to create it "
            f"(for {email}; it works once and expires):\n\n    {url}\n"
        )
