"""How much synthetic data to generate: sizes proportional to the number of organisations."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from django.utils.translation import gettext as _

DEFAULT_ORGANISATIONS = 200_000


@dataclass(frozen=True)
class GenerationPlan:
    """The number of rows of each kind to generate.

    With only ``organisations`` given, the rest follow the proportions of a national
    network (200 000 organisations → 20 000 partnerships, 100 000 projects, 1 000 000
    attendance counts, 200 000 local problems). ``attendance`` counts AttendanceCount
    rows (people of one sector at one event); events are created as many as needed to
    hold them, 3–5 sectors each. ``registrations`` are named participants, a smaller set.
    """

    organisations: int = DEFAULT_ORGANISATIONS
    persons: int = DEFAULT_ORGANISATIONS // 8
    problems: int = DEFAULT_ORGANISATIONS
    partnerships: int = DEFAULT_ORGANISATIONS // 10
    projects: int = DEFAULT_ORGANISATIONS // 2
    attendance: int = DEFAULT_ORGANISATIONS * 5
    registrations: int = DEFAULT_ORGANISATIONS // 4

    @classmethod
    def for_organisations(cls, organisations: int, **overrides: Any) -> GenerationPlan:
        """The proportional plan for ``organisations``; ``None`` overrides are ignored."""
        plan = cls(
            organisations=organisations,
            persons=organisations // 8,
            problems=organisations,
            partnerships=organisations // 10,
            projects=organisations // 2,
            attendance=organisations * 5,
            registrations=organisations // 4,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(plan, **given)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def problems_found(self) -> list[str]:
        """What makes the plan impossible (empty when it can be generated)."""
        found = [
            _("The number of %(kind)s cannot be negative.") % {"kind": name}
            for name, value in self.as_dict().items()
            if value < 0
        ]
        if self.organisations < 3:
            found.append(_("At least 3 organisations are needed (a partnership has 3 or more)."))
        if self.registrations and not self.persons:
            found.append(_("Registrations need persons."))
        if self.registrations and not self.attendance:
            found.append(_("Registrations need events: give some attendance."))
        return found
