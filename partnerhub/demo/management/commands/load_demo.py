"""``partnerhub load-demo``: the five demo cases into an empty database, then the logins."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from partnerhub.audit.services import command_run
from partnerhub.core.selectors import get_record_counts
from partnerhub.demo.services import load_demo_data
from partnerhub.demo.users import login_table


class Command(BaseCommand):
    help = "Load the five demo cases if the database is empty, then print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        with command_run("load-demo") as run:
            result = load_demo_data()
            if not result.loaded:
                run.changed = 0
        if result.loaded:
            self.stdout.write(self.style.SUCCESS(gettext("Loaded the five demo cases.")))
            for label, count in get_record_counts():
                self.stdout.write(f"  {label}: {count}")
        else:
            self.stdout.write(
                gettext(
                    "The database already holds organisations: demo cases skipped, nothing changed."
                )
            )
        if result.existing_users:
            self.stdout.write(
                self.style.WARNING(
                    gettext("These users already existed and keep their own passwords: %(users)s")
                    % {"users": ", ".join(result.existing_users)}
                )
            )
        self.stdout.write(login_table())
