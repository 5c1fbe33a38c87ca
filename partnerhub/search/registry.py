"""Which records the search finds, and what of each record it reads.

One ``SearchSpec`` per searchable model: the fields whose words form the entry's title (its
names and identifiers, ranked first) and its body (descriptions), the territorial unit the
record belongs to, and whether anonymous visitors may see it. Personal data (a person's
e-mail, phone, address) is never indexed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Programme, Project
from partnerhub.registry.models import Organisation, Person
from partnerhub.search.choices import SearchKind
from partnerhub.search.text import join_normalised
from partnerhub.territory.choices import Level


@dataclass(frozen=True)
class SearchSpec:
    """How one model is indexed."""

    kind: str
    model: type[models.Model]
    title_fields: tuple[str, ...]
    body_fields: tuple[str, ...]
    # The records of a queryset anonymous visitors may see, as the domain defines it.
    public: Callable[[Any], models.QuerySet[Any]]
    # A foreign key to territory.TerritorialUnit: its path is copied for "within a unit"
    # searches, and its name and the names of the units it lies within (county,
    # voivodeship or region) join the body: "walbrzych" finds what is seated in Wałbrzych
    # or in any municipality of the Wałbrzych county.
    territory_field: str | None = None

    def title(self, instance: models.Model) -> str:
        return join_normalised(getattr(instance, name) for name in self.title_fields)

    def body(self, instance: models.Model) -> str:
        parts = [getattr(instance, name) for name in self.body_fields]
        parts.extend(self.place_names(instance))
        return join_normalised(parts)

    def place_names(self, instance: models.Model) -> list[str]:
        """The record's unit and the units above it, up to (not including) the country."""
        names = []
        unit = self.territory(instance)
        for _level in range(PLACE_LEVELS):
            if unit is None or unit.level == Level.COUNTRY:
                break  # a country names too much to help a search
            names.append(unit.name)
            unit = unit.parent
        return names

    def territory(self, instance: models.Model) -> Any:
        return getattr(instance, self.territory_field) if self.territory_field else None

    def territory_path(self, instance: models.Model) -> str:
        unit = self.territory(instance)
        return unit.path if unit is not None else ""

    def queryset(self) -> models.QuerySet[Any]:
        """Every record of this kind with what indexing reads, in one query.

        Each record carries ``search_is_public``, computed by the domain's own queryset
        method (``published()``, ``public()``), so the index never redefines "public".
        """
        records = self.model._default_manager.all()
        if self.territory_field:
            above = "__parent" * PLACE_LEVELS
            records = records.select_related(f"{self.territory_field}{above}")
        public = self.public(self.model._default_manager.all())
        return records.annotate(
            search_is_public=models.Exists(public.filter(pk=models.OuterRef("pk")))
        ).order_by("pk")


#: How many levels of territory a record's entry names: its unit and two above (a
#: municipality, its county, its voivodeship).
PLACE_LEVELS = 3


def _all(records: models.QuerySet[Any]) -> models.QuerySet[Any]:
    return records


def _none(records: models.QuerySet[Any]) -> models.QuerySet[Any]:
    return records.none()


SPECS: tuple[SearchSpec, ...] = (
    SearchSpec(
        kind=SearchKind.ORGANISATION,
        model=Organisation,
        title_fields=(
            "name",
            "short_name",
            "krs",
            "nip",
            "regon",
            "si_registration_number",
            "si_tax_number",
        ),
        body_fields=("description",),
        # The registry of organisations is public (only people's data is personal).
        public=_all,
        territory_field="seat",
    ),
    SearchSpec(
        kind=SearchKind.PARTNERSHIP,
        model=Partnership,
        title_fields=("name", "short_name"),
        body_fields=("goal", "description"),
        public=lambda records: records.published(),
        territory_field="territory",
    ),
    SearchSpec(
        kind=SearchKind.PROGRAMME,
        model=Programme,
        title_fields=("title",),
        body_fields=("problem", "objectives", "actions", "target_groups_text"),
        public=lambda records: records.published(),
        territory_field="territory",
    ),
    SearchSpec(
        kind=SearchKind.PROJECT,
        model=Project,
        title_fields=("title", "acronym"),
        body_fields=("problem", "activities", "beneficiaries", "description"),
        public=lambda records: records.published(),
        territory_field="seat",
    ),
    SearchSpec(
        kind=SearchKind.EVENT,
        model=Event,
        title_fields=("title",),
        body_fields=("place", "description"),
        public=lambda records: records.published(),
        territory_field="territory",
    ),
    SearchSpec(
        kind=SearchKind.PROBLEM,
        model=LocalProblem,
        title_fields=("title",),
        body_fields=("description",),
        public=lambda records: records.public(),
        territory_field="territory",
    ),
    SearchSpec(
        kind=SearchKind.PERSON,
        model=Person,
        title_fields=("first_name", "last_name"),
        # Never e-mail, phone or address: personal data stays out of the index.
        body_fields=("title",),
        public=_none,
        territory_field="territory",
    ),
)
# In the order of SearchKind, so rebuilds and reports list kinds as searches rank them.
assert [spec.kind for spec in SPECS] == list(SearchKind.values)

_BY_KIND = {spec.kind: spec for spec in SPECS}
_BY_MODEL = {spec.model: spec for spec in SPECS}


def get_spec(kind: str) -> SearchSpec:
    """The spec of a kind code (``KeyError`` for an unknown kind)."""
    return _BY_KIND[kind]


def is_searchable(model: type[models.Model]) -> bool:
    """Whether records of ``model`` have search index entries (for generic write paths)."""
    return model._meta.concrete_model in _BY_MODEL


def get_spec_for_model(model: type[models.Model]) -> SearchSpec:
    """The spec of a searchable model or of its proxy (``LookupError`` otherwise)."""
    concrete = model._meta.concrete_model
    if concrete not in _BY_MODEL:
        raise LookupError(f"{model._meta.label} is not searchable")
    return _BY_MODEL[concrete]
