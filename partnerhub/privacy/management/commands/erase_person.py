"""``partnerhub erase-person ID``: anonymise a person everywhere (right to erasure)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerhub.privacy.services import erase_person
from partnerhub.registry.models import Person

HELP = gettext_lazy(
    "Erase a person's data: their name, contact details and user account are anonymised "
    "everywhere, history included. Registrations, memberships and problems stay, unlinked "
    "from the person's identity."
)


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = str(HELP)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("person_id", type=int, help=_("id of the person to erase"))

    def handle(self, *args: Any, **options: Any) -> None:
        person = Person.objects.filter(pk=options["person_id"]).first()
        if person is None:
            raise CommandError(_("There is no person #%(id)d.") % {"id": options["person_id"]})
        try:
            # erase_person records the erasure as an audit event of its own.
            summary = erase_person(person, by=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(_("Person #%(id)d erased.") % {"id": summary.person_id})
        )
        self.stdout.write(
            _(
                "History rows rewritten: %(history)d; records rewritten: %(records)d; "
                "problems unlinked: %(problems)d; account scrubbed: %(account)s."
            )
            % {
                "history": summary.history_rows_scrubbed,
                "records": summary.records_scrubbed,
                "problems": summary.problems_unlinked,
                "account": _("yes") if summary.account_scrubbed else _("no"),
            }
        )
