"""``partnerhub apply-retention [--dry-run]``: erase personal data kept past its time."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from partnerhub.privacy import conf
from partnerhub.privacy.services import apply_retention

HELP = gettext_lazy(
    "Anonymise people without a user account whose records have not changed for "
    "PERSONAL_DATA_RETENTION_DAYS days, and delete user accounts whose e-mail address was "
    "never confirmed within 30 days. --dry-run only lists them."
)


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = str(HELP)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help=_("List what would be done; change nothing.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        # A run that erases or deletes anything records it as an audit event.
        report = apply_retention(dry_run=dry_run)
        people, accounts = len(report.people), len(report.accounts)
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed."))
        self.stdout.write(
            _("Retention period: %(days)d days (people unchanged since %(cutoff)s).")
            % {"days": conf.retention_days(), "cutoff": report.cutoff.date().isoformat()}
        )
        people_line = (
            ngettext(
                "%(count)d person would be anonymised",
                "%(count)d people would be anonymised",
                people,
            )
            if dry_run
            else ngettext("%(count)d person anonymised", "%(count)d people anonymised", people)
        )
        self.stdout.write((people_line % {"count": people}) + self._ids(report.people))
        accounts_line = (
            ngettext(
                "%(count)d unconfirmed account would be deleted",
                "%(count)d unconfirmed accounts would be deleted",
                accounts,
            )
            if dry_run
            else ngettext(
                "%(count)d unconfirmed account deleted",
                "%(count)d unconfirmed accounts deleted",
                accounts,
            )
        )
        self.stdout.write((accounts_line % {"count": accounts}) + self._ids(report.accounts))

    @staticmethod
    def _ids(ids: list[int]) -> str:
        return f": #{', #'.join(str(i) for i in ids)}" if ids else "."
