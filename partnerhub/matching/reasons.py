"""Why an organisation is recommended: each score component in plain, translated words.

Messages use named placeholders and ``ngettext`` where a number decides the form (Polish
has three plural forms, Slovenian four). A sentence that names the target ("the problem's
areas", "which the partnership lacks") has one message per kind of target, so translators
never assemble a sentence from pieces.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_stubs_ext import StrOrPromise

from partnerhub.core.choices import Sector
from partnerhub.matching.choices import Component, TargetKind
from partnerhub.matching.scoring import DOMINANT_SHARE, Pick, Scores
from partnerhub.matching.snapshot import COUNTRY, COUNTY, MUNICIPALITY, REGION, SECTORS
from partnerhub.matching.text import written_forms
from partnerhub.territory.choices import Level
from partnerhub.territory.models import TerritorialUnit

MAX_WORDS_SHOWN = 5


@dataclass(frozen=True)
class Explanation:
    """One component of one recommendation: its value, weight, points and reasons."""

    component: str
    label: StrOrPromise
    value: float
    weight: float
    points: float
    reasons: list[str]


def _areas_sentence(kind: str, count: int, areas: str) -> str:
    if kind == TargetKind.PARTNERSHIP:
        message = ngettext(
            "Works in %(count)d of the partnership's areas: %(areas)s",
            "Works in %(count)d of the partnership's areas: %(areas)s",
            count,
        )
    else:
        message = ngettext(
            "Works in %(count)d of the problem's areas: %(areas)s",
            "Works in %(count)d of the problem's areas: %(areas)s",
            count,
        )
    return message % {"count": count, "areas": areas}


def _no_areas_sentence(kind: str) -> str:
    if kind == TargetKind.PARTNERSHIP:
        return _("Works in none of the partnership's areas")
    return _("Works in none of the problem's areas")


def _words_sentence(kind: str, words: str) -> str:
    if kind == TargetKind.PARTNERSHIP:
        return _("Its name or description shares words with the partnership: %(words)s") % {
            "words": words
        }
    return _("Its name or description shares words with the problem: %(words)s") % {"words": words}


def _no_words_sentence(kind: str) -> str:
    if kind == TargetKind.PARTNERSHIP:
        return _("Its name and description share no words with the partnership")
    return _("Its name and description share no words with the problem")


def _brings_sector(kind: str, sector: str) -> str:
    if kind == TargetKind.PARTNERSHIP:
        messages = {
            Sector.PUBLIC: _("Brings the public sector, which the partnership lacks"),
            Sector.PRIVATE: _("Brings the private sector, which the partnership lacks"),
            Sector.CIVIL: _("Brings the civil sector, which the partnership lacks"),
        }
    else:
        messages = {
            Sector.PUBLIC: _("Brings the public sector, which those involved so far lack"),
            Sector.PRIVATE: _("Brings the private sector, which those involved so far lack"),
            Sector.CIVIL: _("Brings the civil sector, which those involved so far lack"),
        }
    return messages[Sector(sector)]


def covers_sentence(sector: str) -> str:
    """Why a shortlist holds an organisation that covers a sector."""
    messages = {
        Sector.PUBLIC: _("The best-ranked public-sector candidate: covers the public sector"),
        Sector.PRIVATE: _("The best-ranked private-sector candidate: covers the private sector"),
        Sector.CIVIL: _("The best-ranked civil-sector candidate: covers the civil sector"),
    }
    return messages[Sector(sector)]


def uncovered_sentence(sector: str) -> str:
    """Why a shortlist misses a sector."""
    messages = {
        Sector.PUBLIC: _("No public-sector organisation matches this search."),
        Sector.PRIVATE: _("No private-sector organisation matches this search."),
        Sector.CIVIL: _("No civil-sector organisation matches this search."),
    }
    return messages[Sector(sector)]


def pick_sentence(pick: Pick) -> str:
    if pick.covers is not None:
        return covers_sentence(pick.covers)
    return _("Chosen for its score among the remaining candidates")


class Explainer:
    """Reasons for the recommendations of one search (names loaded once, in one query)."""

    def __init__(self, scores: Scores) -> None:
        self.scores = scores
        self.index = scores.index
        self.target = scores.target
        self.kind = scores.target.kind
        # The target's areas in its own order (the vocabulary's), by position in the index.
        position_of = {int(pk): p for p, pk in enumerate(self.index.snapshot.area_ids)}
        self.areas = [
            (position_of[area.pk], area.name)
            for area in self.target.areas
            if area.pk in position_of
        ]
        self.forms = written_forms(self.target.text)
        self.member_names = {member.organisation_id: member.name for member in self.target.members}
        self.unit_names = self._unit_names()

    def _unit_names(self) -> dict[int, str]:
        """The target's municipality, county, region and country by name (one query)."""
        geography = self.scores.geography
        if geography is None:
            return {}
        ids = {
            MUNICIPALITY: geography.municipality,
            COUNTY: geography.county,
            REGION: geography.region,
        }
        unit = self.scores.options.territory or self.target.territory
        assert unit is not None
        found = {
            u.pk: u
            for u in TerritorialUnit.objects.filter(pk__in=[i for i in ids.values() if i >= 0])
            | TerritorialUnit.objects.filter(country=unit.country, level=Level.COUNTRY)
        }
        names = {column: found[pk].name for column, pk in ids.items() if pk in found}
        country = next((u for u in found.values() if u.level == Level.COUNTRY), None)
        names[COUNTRY] = country.name if country is not None else unit.country
        return names

    def explain(self, position: int) -> list[Explanation]:
        weights = self.scores.options.weights
        reasons = {
            Component.THEMATIC: self.thematic(position),
            Component.TERRITORY: self.territory(position),
            Component.SECTOR: self.sector(position),
            Component.TRACK_RECORD: self.track_record(position),
            Component.NETWORK: self.network(position),
        }
        explanations = []
        for component in Component:
            value = float(self.scores.components[component.value][position])
            explanations.append(
                Explanation(
                    component=component.value,
                    label=component.label,
                    value=value,
                    weight=weights[component.value],
                    points=weights[component.value] * value,
                    reasons=reasons[component],
                )
            )
        return explanations

    def thematic(self, position: int) -> list[str]:
        found = []
        if self.scores.area_count:
            shared = set(self.index.shared_areas(position, self.scores.target_areas))
            names = [name for p, name in self.areas if p in shared]
            found.append(
                _areas_sentence(self.kind, len(names), ", ".join(names))
                if names
                else _no_areas_sentence(self.kind)
            )
        query = self.scores.text_query
        if len(query.term_ids):
            words = self._shared_words(position)
            found.append(
                _words_sentence(self.kind, ", ".join(words))
                if words
                else _no_words_sentence(self.kind)
            )
        return found

    def _shared_words(self, position: int) -> list[str]:
        """The target's words the organisation's text shares, the weightiest first."""
        indptr, documents, weights = self.index.postings
        query = self.scores.text_query
        shared = []
        for term, query_weight in zip(query.term_ids.tolist(), query.weights.tolist(), strict=True):
            start, end = indptr[term], indptr[term + 1]
            at = start + int(np.searchsorted(documents[start:end], position))
            if at < end and documents[at] == position:
                shared.append((-query_weight * float(weights[at]), term))
        vocabulary = self.index.snapshot.vocabulary
        words = [self.forms.get(vocabulary[term], vocabulary[term]) for _, term in sorted(shared)]
        return words[:MAX_WORDS_SHOWN]

    def territory(self, position: int) -> list[str]:
        if self.scores.geography is None:
            return [_("No territory to compare the seat with")]
        level = self.scores.level(position)
        name = self.unit_names.get(level, "")
        messages = {
            MUNICIPALITY: _("Seated in the same municipality (%(unit)s)"),
            COUNTY: _("Seated in the same county (%(unit)s)"),
            REGION: _("Seated in the same region (%(unit)s)"),
            COUNTRY: _("Seated in the same country (%(unit)s)"),
        }
        if level in messages:
            return [messages[level] % {"unit": name}]
        return [_("Seated in another country, or its seat is not known")]

    def sector(self, position: int) -> list[str]:
        code = int(self.index.snapshot.sectors[position])
        if code < 0:
            return []
        sector = SECTORS[code]
        counts = self.target.sector_counts()
        total = sum(counts.values())
        if not total:
            return [_("No organisation is involved yet: every sector is still missing")]
        if not counts[sector]:
            return [_brings_sector(self.kind, sector)]
        values = {
            "sector": Sector(sector).label,
            "count": counts[sector],
            "total": total,
        }
        if counts[sector] / total >= DOMINANT_SHARE:
            message = ngettext(
                "%(sector)s: already %(count)d of the %(total)d organisations involved, "
                "half or more",
                "%(sector)s: already %(count)d of the %(total)d organisations involved, "
                "half or more",
                total,
            )
        else:
            message = ngettext(
                "%(sector)s: %(count)d of the %(total)d organisations involved",
                "%(sector)s: %(count)d of the %(total)d organisations involved",
                total,
            )
        return [message % values]

    def track_record(self, position: int) -> list[str]:
        count = int(self.scores.experience[position])
        if self.scores.area_count:
            message = ngettext(
                "Took part in %(count)d partnership or project in the same areas",
                "Took part in %(count)d partnerships or projects in the same areas",
                count,
            )
        else:
            message = ngettext(
                "Took part in %(count)d partnership or project",
                "Took part in %(count)d partnerships or projects",
                count,
            )
        return [message % {"count": count}]

    def network(self, position: int) -> list[str]:
        if not self.target.members:
            return [_("No organisation is involved yet to have worked with")]
        ids = self.index.snapshot.organisation_ids
        names = sorted(
            self.member_names.get(int(ids[member]), "")
            for member, partners in self.scores.worked_with.items()
            if _contains(partners, position)
        )
        if not names:
            return [_("Has not worked with any of the organisations involved")]
        message = ngettext(
            "Has worked with %(count)d of the organisations involved: %(names)s",
            "Has worked with %(count)d of the organisations involved: %(names)s",
            len(names),
        )
        return [message % {"count": len(names), "names": ", ".join(names)}]


def _contains(sorted_positions: np.ndarray, position: int) -> bool:
    at = int(np.searchsorted(sorted_positions, position))
    return at < len(sorted_positions) and int(sorted_positions[at]) == position
