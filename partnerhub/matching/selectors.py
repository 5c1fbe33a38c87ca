"""Recommended partners for a local problem or a partnership, and balanced shortlists.

Reads only: a recommendation changes nothing. Each search costs a fixed number of queries
whatever the number of organisations: the target (see ``targets.py``), the names of its
territory's units, and the recommended organisations themselves; the scores come from the
in-memory index (``index.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnerhub.matching.choices import Radius, TargetKind
from partnerhub.matching.index import get_index
from partnerhub.matching.options import DEFAULT_SHORTLIST_SIZE, SearchOptions
from partnerhub.matching.reasons import Explainer, Explanation, pick_sentence, uncovered_sentence
from partnerhub.matching.scoring import Scores, balanced_picks, score
from partnerhub.matching.snapshot import SECTORS
from partnerhub.matching.targets import MatchTarget
from partnerhub.registry.models import Organisation


@dataclass(frozen=True)
class Recommendation:
    """One organisation worth inviting, its score and the reasons for it."""

    rank: int
    organisation: Organisation
    score: float
    explanations: list[Explanation]
    why_chosen: str = ""


@dataclass(frozen=True)
class Recommendations:
    """The best organisations for a target, best first; ``candidates`` passed the filters."""

    target: MatchTarget
    options: SearchOptions
    candidates: int
    results: list[Recommendation]


@dataclass(frozen=True)
class Shortlist:
    """A small set of organisations covering every sector it can, with why each is in it."""

    target: MatchTarget
    options: SearchOptions
    size: int
    candidates: int
    results: list[Recommendation]
    sectors: list[str]  # covered by the shortlist, in Sector order
    notes: list[str]  # sectors no candidate comes from


def check_search(target: MatchTarget, options: SearchOptions) -> None:
    """Refuse a search that cannot be made: a radius around a target without territory."""
    if options.radius != Radius.ANY and options.territory is None and target.territory is None:
        if target.kind == TargetKind.PARTNERSHIP:
            message = _(
                "This partnership has no territory: give one (territory) or search without a "
                "radius."
            )
        else:
            message = _(
                "This problem has no territory: give one (territory) or search without a radius."
            )
        raise ValidationError({"radius": ValidationError(message, code="no_territory")})


def _recommendations(scores: Scores, positions: list[int], why: list[str]) -> list[Recommendation]:
    ids = [int(scores.index.snapshot.organisation_ids[p]) for p in positions]
    organisations = Organisation.objects.select_related("seat").in_bulk(ids)
    explainer = Explainer(scores)
    results: list[Recommendation] = []
    for position, pk, reason in zip(positions, ids, why, strict=True):
        organisation = organisations.get(pk)
        if organisation is None:  # removed since the index was built
            continue
        results.append(
            Recommendation(
                rank=len(results) + 1,
                organisation=organisation,
                score=float(scores.total[position]),
                explanations=explainer.explain(position),
                why_chosen=reason,
            )
        )
    return results


def recommend_partners(
    target: MatchTarget, options: SearchOptions | None = None
) -> Recommendations:
    """The ``options.limit`` organisations most worth inviting to ``target``, best first.

    Only active organisations that pass the filters; never those already involved, the
    facilitating hub or ``options.exclude_ids``. The same data gives the same answer;
    equal scores are ordered by id.
    """
    options = options or SearchOptions()
    check_search(target, options)
    scores = score(get_index(), target, options)
    positions = [int(p) for p in scores.ranked(options.limit)]
    return Recommendations(
        target=target,
        options=options,
        candidates=scores.candidates,
        results=_recommendations(scores, positions, [""] * len(positions)),
    )


def balanced_shortlist(
    target: MatchTarget, options: SearchOptions | None = None, size: int = DEFAULT_SHORTLIST_SIZE
) -> Shortlist:
    """The best ``size`` organisations that together cover the public, private and civil
    sectors — every sector some candidate comes from (see ``scoring.balanced_picks``)."""
    options = options or SearchOptions()
    check_search(target, options)
    scores = score(get_index(), target, options)
    picks, uncovered = balanced_picks(scores, size)
    results = _recommendations(
        scores, [pick.position for pick in picks], [pick_sentence(pick) for pick in picks]
    )
    covered = {result.organisation.sector for result in results}
    return Shortlist(
        target=target,
        options=options,
        size=size,
        candidates=scores.candidates,
        results=results,
        sectors=[sector for sector in SECTORS if sector in covered],
        notes=[uncovered_sentence(sector) for sector in uncovered],
    )
