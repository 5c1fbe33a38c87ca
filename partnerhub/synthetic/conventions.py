"""How synthetic records are recognised, and the fixed facts every generated record shares.

Every synthetic record of a root model begins its main free-text field with ``MARKER``:
anyone reading it in the admin, the UI or an export sees at once that it is not real, and
``purge_synthetic_data()`` deletes exactly those rows. Rows that only exist under a root
(memberships, project partners, indicators, attendance counts, registrations, many-to-many
links) go with it. Contact addresses use the reserved ``.example`` top-level domain
(RFC 2606), so no generated e-mail or website can ever reach a real one.
"""

from __future__ import annotations

import datetime

from django.db import models

from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import FundingProgramme, Project
from partnerhub.registry.models import Organisation, Person

MARKER = "[synthetic]"
EXAMPLE_DOMAIN = "example"

# Dates are drawn relative to this day, never to today, so a seed gives the same data on
# any day it runs.
REFERENCE_DATE = datetime.date(2025, 12, 31)

# The field of each root model that carries the marker, in the order roots are generated.
MARKED_FIELDS: dict[type[models.Model], str] = {
    FundingProgramme: "description",
    Organisation: "description",
    Person: "title",
    LocalProblem: "description",
    Partnership: "description",
    Project: "description",
    Event: "description",
}


def mark(text: str) -> str:
    """``text`` with the synthetic marker in front."""
    return f"{MARKER} {text}" if text else MARKER
