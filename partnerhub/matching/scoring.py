"""Scores of every organisation for one target, computed at once over the index's arrays.

Each component is a number from 0 to 1; the score is their weighted sum (weights sum to 1):

* **thematic fit** — the share of the target's areas the organisation works in, and the
  cosine similarity of its name and description with the target's text (TF-IDF, see
  ``text.py``); half each (``THEMATIC_AREA_SHARE``), or the one there is when the target
  has no areas or no known words;
* **territorial proximity** — the nearest unit the seat shares with the target's
  territory: the municipality 1, the county 0.75, the region (voivodeship or statistical
  region) 0.5, the country 0.25, none 0 (``TERRITORY_SCORES``);
* **sector complementarity** — 1 for a sector none of the members comes from; for a
  sector present, ``0.5 − its share of the members`` and never below 0, so a sector that
  is half of the members or more (it dominates) scores 0; 1 for everyone when there are no
  members yet;
* **track record** — partnerships and projects the organisation took part in (member,
  partner or lead) that share an area with the target (all of them when the target has no
  areas), the target partnership itself left out, on a log scale: ``ln(1 + n) / ln(1 + 10)``,
  1 from ten on (``TRACK_RECORD_SATURATION``);
* **network proximity** — how many of the current members it has already worked with (a
  shared partnership or project), out of three or of all members when fewer
  (``NETWORK_SATURATION``): ``min(1, k / min(members, 3))``; 0 without members.

Totals are rounded to ``SCORE_DECIMALS`` decimals, so equal scores are equal whatever the
floating-point noise, and ties are broken by the organisation's id (lowest first).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from partnerhub.core.choices import Sector
from partnerhub.matching.choices import Component, Radius
from partnerhub.matching.index import BitArray, FloatArray, OrganisationIndex
from partnerhub.matching.options import SearchOptions
from partnerhub.matching.snapshot import (
    COUNTRY,
    COUNTY,
    MUNICIPALITY,
    REGION,
    SECTOR_CODE,
    SECTORS,
    UNKNOWN,
    Geography,
    IntArray,
)
from partnerhub.matching.targets import MatchTarget
from partnerhub.matching.text import term_counts

THEMATIC_AREA_SHARE = 0.5
TERRITORY_SCORES = {MUNICIPALITY: 1.0, COUNTY: 0.75, REGION: 0.5, COUNTRY: 0.25}
#: The least proximity a radius lets through.
RADIUS_MINIMUM: dict[str, float] = {
    Radius.MUNICIPALITY: TERRITORY_SCORES[MUNICIPALITY],
    Radius.COUNTY: TERRITORY_SCORES[COUNTY],
    Radius.REGION: TERRITORY_SCORES[REGION],
    Radius.COUNTRY: TERRITORY_SCORES[COUNTRY],
    Radius.ANY: 0.0,
}
DOMINANT_SHARE = 0.5
TRACK_RECORD_SATURATION = 10
NETWORK_SATURATION = 3
SCORE_DECIMALS = 9

BoolArray = np.ndarray[Any, np.dtype[np.bool_]]


def sector_complementarity(counts: dict[str, int]) -> dict[str, float]:
    """The sector component of an organisation of each sector, given the members' sectors."""
    total = sum(counts.values())
    if not total:
        return dict.fromkeys(Sector.values, 1.0)
    return {
        sector: 1.0 if not counts[sector] else max(0.0, DOMINANT_SHARE - counts[sector] / total)
        for sector in Sector.values
    }


def track_record_score(count: int) -> float:
    return min(1.0, math.log1p(count) / math.log1p(TRACK_RECORD_SATURATION))


@dataclass(frozen=True)
class TextQuery:
    """The target's text as weighted terms of the index's vocabulary (length 1)."""

    term_ids: IntArray
    weights: FloatArray

    @classmethod
    def of(cls, index: OrganisationIndex, text: str) -> TextQuery:
        known = sorted(
            (index.term_lookup[term], count)
            for term, count in term_counts(text).items()
            if term in index.term_lookup
        )
        term_ids = np.array([t for t, _ in known], dtype=np.int64)
        counts = np.array([c for _, c in known], dtype=np.float64)
        weights = (1.0 + np.log(counts)) * index.idf[term_ids] if len(known) else counts
        norm = math.sqrt(float(weights @ weights)) if len(known) else 0.0
        return cls(term_ids, weights / norm if norm else weights)

    def similarity(self, index: OrganisationIndex) -> FloatArray:
        """The cosine of every organisation's text with this one."""
        indptr, documents, weights = index.postings
        if not len(self.term_ids):
            return np.zeros(index.size)
        slices = [slice(indptr[t], indptr[t + 1]) for t in self.term_ids]
        similarity = np.bincount(
            np.concatenate([documents[s] for s in slices]),
            weights=np.concatenate(
                [weights[s] * w for s, w in zip(slices, self.weights, strict=True)]
            ),
            minlength=index.size,
        )
        return similarity.astype(np.float64, copy=False)


@dataclass(frozen=True, eq=False)
class Scores:
    """Every organisation's components and score for one target, by index position.

    The details (shared areas, matched level, experience, members worked with) are kept
    for the reasons shown with the results.
    """

    index: OrganisationIndex
    target: MatchTarget
    options: SearchOptions
    components: dict[str, FloatArray]
    total: FloatArray
    eligible: BoolArray
    target_areas: BitArray
    area_count: int
    text_query: TextQuery
    geography: Geography | None
    experience: IntArray
    worked_with: dict[int, IntArray]  # member position → positions of those it worked with

    def level(self, position: int) -> int:
        """The nearest level an organisation's seat shares with the target (or ``UNKNOWN``)."""
        if self.geography is None:
            return UNKNOWN
        row = self.geography.as_row()
        for level in (MUNICIPALITY, COUNTY, REGION, COUNTRY):
            if (
                row[level] != UNKNOWN
                and self.index.snapshot.geography[level, position] == row[level]
            ):
                return level
        return UNKNOWN

    @property
    def candidates(self) -> int:
        return int(self.eligible.sum())

    def ranked(self, limit: int, among: BoolArray | None = None) -> IntArray:
        """Positions of the ``limit`` best eligible organisations: score down, then id up."""
        if limit < 1:
            return np.empty(0, dtype=np.int64)
        mask = self.eligible if among is None else self.eligible & among
        positions = np.flatnonzero(mask)
        if limit < len(positions):
            values = self.total[positions]
            best = np.argpartition(-values, limit - 1)[:limit]
            # Keep every organisation tied with the last one, so ties are decided by id.
            positions = positions[values >= values[best].min()]
        order = np.lexsort((positions, -self.total[positions]))
        return positions[order][:limit]


def _territory(
    index: OrganisationIndex, target: MatchTarget, options: SearchOptions
) -> tuple[Geography | None, FloatArray]:
    unit = options.territory or target.territory
    proximity = np.zeros(index.size)
    if unit is None:
        return None, proximity
    snapshot = index.snapshot
    where = snapshot.unit_geography.get(unit.pk) or Geography(
        country=snapshot.country_code(unit.country)
    )
    row = where.as_row()
    # Farthest level first, so a nearer level shared overwrites it.
    for level in (COUNTRY, REGION, COUNTY, MUNICIPALITY):
        if row[level] != UNKNOWN:
            proximity[snapshot.geography[level] == row[level]] = TERRITORY_SCORES[level]
    return where, proximity


def _network(
    index: OrganisationIndex, members: IntArray, target_record: int
) -> tuple[FloatArray, dict[int, IntArray]]:
    hits = np.zeros(index.size, dtype=np.int64)
    worked_with: dict[int, IntArray] = {}
    for member in members.tolist():
        records = index.records_of_organisation(member)
        records = records[records != target_record]
        partners = np.unique(index.organisations_in(records))
        partners = partners[partners != member]
        worked_with[member] = partners
        hits[partners] += 1
    if not len(members):
        return np.zeros(index.size), worked_with
    return np.minimum(1.0, hits / min(len(members), NETWORK_SATURATION)), worked_with


def score(index: OrganisationIndex, target: MatchTarget, options: SearchOptions) -> Scores:
    """Score every organisation of ``index`` for ``target`` (see the module docstring)."""
    snapshot = index.snapshot
    size = index.size

    target_areas = index.target_area_bits(target.area_ids)
    area_count = int(np.bitwise_count(target_areas).sum())
    shared = np.bitwise_count(index.area_bits & target_areas).sum(axis=0)
    area_fit = shared / area_count if area_count else np.zeros(size)
    text_query = TextQuery.of(index, target.text)
    text_fit = text_query.similarity(index)
    if area_count and len(text_query.term_ids):
        thematic = THEMATIC_AREA_SHARE * area_fit + (1 - THEMATIC_AREA_SHARE) * text_fit
    else:
        thematic = area_fit if area_count else text_fit

    geography, proximity = _territory(index, target, options)

    by_sector = sector_complementarity(target.sector_counts())
    table = np.array([by_sector[s] for s in SECTORS] + [0.0])  # the last: unknown sector
    complementarity = table[snapshot.sectors]

    target_record = snapshot.partnership_record(target.partnership_id)
    # Records sharing an area with the target (every record when the target has none).
    relevant: BoolArray = np.ones(snapshot.record_count, dtype=np.bool_)
    if area_count:
        np.any(index.record_area_bits & target_areas, axis=0, out=relevant)
    if target_record != UNKNOWN:
        relevant[target_record] = False
    participants, records = snapshot.participations
    experience = np.bincount(participants[relevant[records]], minlength=size)
    track_record = np.minimum(1.0, np.log1p(experience) / math.log1p(TRACK_RECORD_SATURATION))

    members = snapshot.positions(target.member_ids)
    network, worked_with = _network(index, members, target_record)

    components = {
        Component.THEMATIC: thematic,
        Component.TERRITORY: proximity,
        Component.SECTOR: complementarity,
        Component.TRACK_RECORD: track_record,
        Component.NETWORK: network,
    }
    total = np.zeros(size)
    for name, values in components.items():
        total += options.weights[name] * values
    total = np.round(total, SCORE_DECIMALS)

    eligible = snapshot.active.copy()
    excluded = set(options.exclude_ids) | set(target.member_ids)
    if target.hub_id is not None:
        excluded.add(target.hub_id)
    eligible[snapshot.positions(excluded)] = False
    if options.sector is not None:
        eligible &= snapshot.sectors == SECTOR_CODE[options.sector]
    if options.radius != Radius.ANY:
        eligible &= proximity >= RADIUS_MINIMUM[options.radius]

    return Scores(
        index=index,
        target=target,
        options=options,
        components={str(k): v for k, v in components.items()},
        total=total,
        eligible=eligible,
        target_areas=target_areas,
        area_count=area_count,
        text_query=text_query,
        geography=geography,
        experience=experience,
        worked_with=worked_with,
    )


@dataclass(frozen=True)
class Pick:
    """One organisation of a shortlist, and the sector it was chosen to cover (if any)."""

    position: int
    covers: str | None


def balanced_picks(scores: Scores, size: int) -> tuple[list[Pick], list[str]]:
    """The best ``size`` organisations that cover every sector candidates exist for.

    Greedy with a coverage constraint: first the best candidate of each sector to cover —
    sectors the members lack first, then by their best candidate's score — then the best of
    the rest by score. (Since any covering set holds at least one candidate per sector,
    taking each sector's best is also the best covering set.) Returns the picks by score,
    and the sectors no eligible candidate comes from.
    """
    snapshot = scores.index.snapshot
    counts = scores.target.sector_counts()
    best: dict[str, int] = {}
    for sector in SECTORS:
        in_sector = scores.ranked(1, among=snapshot.sectors == SECTOR_CODE[sector])
        if len(in_sector):
            best[sector] = int(in_sector[0])
    uncovered = [s for s in SECTORS if s not in best]
    to_cover = sorted(
        best,
        key=lambda s: (counts[s] > 0, -scores.total[best[s]], SECTORS.index(s)),
    )[:size]
    picks = [Pick(best[sector], sector) for sector in to_cover]
    rest = np.ones(scores.index.size, dtype=np.bool_)
    rest[[pick.position for pick in picks]] = False
    picks += [Pick(int(p), None) for p in scores.ranked(size - len(picks), among=rest)]
    picks.sort(key=lambda pick: (-scores.total[pick.position], pick.position))
    return picks, uncovered
