"""The same scores, computed one organisation at a time in plain Python.

Slow and obvious: a loop over every organisation, with dictionaries and sets instead of the
index's arrays. The tests compare the index with it on generated data, and the bench
measures it as the brute-force baseline. It shares only the loaded data (``RegistrySnapshot``)
and the formulas' constants with the index, not the code that computes them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from partnerhub.matching.choices import Component, Radius
from partnerhub.matching.options import SearchOptions
from partnerhub.matching.scoring import (
    DOMINANT_SHARE,
    NETWORK_SATURATION,
    RADIUS_MINIMUM,
    SCORE_DECIMALS,
    TERRITORY_SCORES,
    THEMATIC_AREA_SHARE,
    TRACK_RECORD_SATURATION,
)
from partnerhub.matching.snapshot import SECTORS, UNKNOWN, RegistrySnapshot
from partnerhub.matching.targets import MatchTarget
from partnerhub.matching.text import inverse_document_frequency, term_counts, term_frequency


@dataclass(frozen=True)
class ReferenceResult:
    organisation_id: int
    score: float
    components: dict[str, float]


class ReferenceScorer:
    """Brute force over the organisations of one snapshot (built once, asked many times)."""

    def __init__(self, snapshot: RegistrySnapshot) -> None:
        self.snapshot = snapshot
        self.ids = [int(i) for i in snapshot.organisation_ids]
        size = len(self.ids)
        area_ids = [int(a) for a in snapshot.area_ids]
        vocabulary = snapshot.vocabulary
        indptr, term_ids, counts = (a.tolist() for a in snapshot.document_terms)
        documents = [
            {vocabulary[term_ids[i]]: counts[i] for i in range(indptr[d], indptr[d + 1])}
            for d in range(size)
        ]
        frequency: Counter[str] = Counter()
        for document in documents:
            frequency.update(document.keys())
        self.idf = {term: inverse_document_frequency(n, size) for term, n in frequency.items()}
        self.vectors = [self._unit_vector(document) for document in documents]
        self.areas: list[set[int]] = [set() for _ in range(size)]
        for organisation, area in zip(
            *(a.tolist() for a in snapshot.organisation_areas), strict=True
        ):
            self.areas[organisation].add(area_ids[area])
        self.record_areas: dict[int, set[int]] = {}
        for record, area in zip(*(a.tolist() for a in snapshot.record_areas), strict=True):
            self.record_areas.setdefault(record, set()).add(area_ids[area])
        self.records: list[set[int]] = [set() for _ in range(size)]
        self.participants: dict[int, set[int]] = {}
        for organisation, record in zip(
            *(a.tolist() for a in snapshot.participations), strict=True
        ):
            self.records[organisation].add(record)
            self.participants.setdefault(record, set()).add(organisation)
        self.geography = list(zip(*snapshot.geography.tolist(), strict=True))
        self.sectors = [SECTORS[s] if s >= 0 else "" for s in snapshot.sectors.tolist()]
        self.active = snapshot.active.tolist()
        self.partnership_records = {
            int(pk): position for position, pk in enumerate(snapshot.partnership_ids)
        }

    def _unit_vector(self, counts: dict[str, int]) -> dict[str, float]:
        weights = {t: term_frequency(c) * self.idf[t] for t, c in counts.items() if t in self.idf}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()} if norm else {}

    def rank(self, target: MatchTarget, options: SearchOptions) -> list[ReferenceResult]:
        """The ``options.limit`` best eligible organisations, by score then id."""
        results = [r for r in self.score_all(target, options) if r is not None]
        results.sort(key=lambda r: (-r.score, r.organisation_id))
        return results[: options.limit]

    def score_all(
        self, target: MatchTarget, options: SearchOptions
    ) -> list[ReferenceResult | None]:
        """Every organisation's result (``None`` for those the filters leave out)."""
        known_areas = set(self.snapshot.area_ids.tolist())
        target_areas = {a for a in target.area_ids if a in known_areas}
        query = self._unit_vector(dict(term_counts(target.text)))
        unit = options.territory or target.territory
        place: tuple[int, ...] | None = None
        if unit is not None:
            known = self.snapshot.unit_geography.get(unit.pk)
            place = (
                known.as_row()
                if known
                else (UNKNOWN, UNKNOWN, UNKNOWN, self.snapshot.country_code(unit.country))
            )
        counts = Counter(m.sector for m in target.members)
        involved = sum(counts.values())
        target_record = self.partnership_records.get(target.partnership_id or -1, UNKNOWN)
        member_ids = set(target.member_ids)
        member_positions = [i for i, pk in enumerate(self.ids) if pk in member_ids]
        worked_with: Counter[int] = Counter()
        for member in member_positions:
            partners: set[int] = set()
            for record in self.records[member] - {target_record}:
                partners |= self.participants[record]
            partners.discard(member)
            worked_with.update(partners)
        excluded = set(options.exclude_ids) | set(target.member_ids) | {target.hub_id}

        results: list[ReferenceResult | None] = []
        for position, pk in enumerate(self.ids):
            sector = self.sectors[position]
            # Thematic fit
            area_fit = (
                len(self.areas[position] & target_areas) / len(target_areas)
                if target_areas
                else 0.0
            )
            vector = self.vectors[position]
            text_fit = sum(w * vector.get(t, 0.0) for t, w in query.items())
            if target_areas and query:
                thematic = THEMATIC_AREA_SHARE * area_fit + (1 - THEMATIC_AREA_SHARE) * text_fit
            else:
                thematic = area_fit if target_areas else text_fit
            # Territorial proximity
            proximity = 0.0
            if place is not None:
                here = self.geography[position]
                for column in range(4):
                    if place[column] != UNKNOWN and here[column] == place[column]:
                        proximity = TERRITORY_SCORES[column]
                        break
            # Sector complementarity
            if not involved or not counts[sector]:
                complementarity = 1.0 if sector else 0.0
            else:
                complementarity = max(0.0, DOMINANT_SHARE - counts[sector] / involved)
            # Track record
            experience = sum(
                1
                for record in self.records[position]
                if record != target_record
                and (not target_areas or self.record_areas.get(record, set()) & target_areas)
            )
            track_record = min(
                1.0, math.log(1 + experience) / math.log(1 + TRACK_RECORD_SATURATION)
            )
            # Network proximity
            network = (
                min(1.0, worked_with[position] / min(len(member_positions), NETWORK_SATURATION))
                if member_positions
                else 0.0
            )
            components = {
                Component.THEMATIC.value: thematic,
                Component.TERRITORY.value: proximity,
                Component.SECTOR.value: complementarity,
                Component.TRACK_RECORD.value: track_record,
                Component.NETWORK.value: network,
            }
            total = round(
                sum(options.weights[name] * value for name, value in components.items()),
                SCORE_DECIMALS,
            )
            eligible = (
                self.active[position]
                and pk not in excluded
                and (options.sector is None or sector == options.sector)
                and (options.radius == Radius.ANY or proximity >= RADIUS_MINIMUM[options.radius])
            )
            results.append(ReferenceResult(pk, total, components) if eligible else None)
        return results
