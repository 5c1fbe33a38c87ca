"""What partners are sought for: a local problem or a partnership being formed, as one shape."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from django.utils import timezone

from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.matching.choices import TargetKind
from partnerhub.partnerships.models import Membership, Partnership, current_membership_q
from partnerhub.registry.models import ThematicArea
from partnerhub.territory.models import TerritorialUnit


@dataclass(frozen=True)
class Member:
    """An organisation already involved (a member, or the one that raised the problem)."""

    organisation_id: int
    name: str
    sector: str


@dataclass(frozen=True)
class MatchTarget:
    """A problem or partnership as recommendations see it.

    ``members`` are the organisations already involved: never recommended, and the sectors
    they come from decide which sectors are missing. ``hub_id`` is the facilitating hub (it
    asks for the recommendations and is not recommended to itself). ``partnership_id`` is
    the partnership being formed, whose own memberships are not counted as experience.
    """

    kind: str
    pk: int
    title: str
    text: str
    territory: TerritorialUnit | None
    areas: tuple[ThematicArea, ...]
    members: tuple[Member, ...] = ()
    hub_id: int | None = None
    partnership_id: int | None = None

    @property
    def area_ids(self) -> list[int]:
        return [area.pk for area in self.areas]

    @property
    def member_ids(self) -> list[int]:
        return [member.organisation_id for member in self.members]

    def sector_counts(self) -> dict[str, int]:
        """How many of the involved organisations come from each sector."""
        counts = Counter(member.sector for member in self.members)
        return {sector: counts.get(sector, 0) for sector in Sector.values}

    def with_territory(self, territory: TerritorialUnit) -> MatchTarget:
        """The same target, searched around another territorial unit."""
        return replace(self, territory=territory)


def _members(memberships: list[tuple[int, str, str]]) -> tuple[Member, ...]:
    unique = {pk: Member(pk, name, sector) for pk, name, sector in memberships}
    return tuple(sorted(unique.values(), key=lambda m: (m.name, m.organisation_id)))


def problem_target(problem: LocalProblem) -> MatchTarget:
    """A local problem: those involved are the organisation that raised it and the current
    members of partnerships already addressing it. Two queries (with the organisation that
    raised it selected along with the problem)."""
    involved = list(
        Membership.objects.filter(
            current_membership_q(timezone.localdate()),
            partnership__problems=problem,
            organisation__isnull=False,
        ).values_list("organisation_id", "organisation__name", "organisation__sector")
    )
    raised_by = problem.raised_by_organisation
    if raised_by is not None:
        involved.append((raised_by.pk, raised_by.name, raised_by.sector))
    return MatchTarget(
        kind=TargetKind.LOCAL_PROBLEM,
        pk=problem.pk,
        title=problem.title,
        text=f"{problem.title}\n{problem.description}",
        territory=problem.territory,
        areas=tuple(problem.areas.all()),
        members=_members(involved),
        hub_id=problem.hub_id,
    )


def partnership_target(partnership: Partnership) -> MatchTarget:
    """A partnership: its current organisation members; its text is its name, goal,
    description and the problems it addresses. Three queries."""
    members = partnership.current_memberships().filter(organisation__isnull=False)
    problems = partnership.problems.values_list("title", "description")
    texts = [partnership.name, partnership.goal, partnership.description]
    texts += [f"{title}\n{description}" for title, description in problems]
    return MatchTarget(
        kind=TargetKind.PARTNERSHIP,
        pk=partnership.pk,
        title=partnership.name,
        text="\n".join(texts),
        territory=partnership.territory,
        areas=tuple(partnership.areas.all()),
        members=_members(
            list(
                members.values_list("organisation_id", "organisation__name", "organisation__sector")
            )
        ),
        hub_id=partnership.hub_id,
        partnership_id=partnership.pk,
    )
