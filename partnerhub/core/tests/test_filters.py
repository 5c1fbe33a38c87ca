"""The shared filter building blocks: which filters de-duplicate, and the territory filter."""

from __future__ import annotations

import pytest

from partnerhub.core.filters import crosses_to_many
from partnerhub.core.tests.factories import (
    OrganisationFactory,
    TerritorialUnitFactory,
    ThematicAreaFactory,
)
from partnerhub.projects.filters import ProjectFilterSet
from partnerhub.projects.models import Project
from partnerhub.registry.filters import OrganisationFilterSet
from partnerhub.registry.models import Organisation
from partnerhub.territory.choices import Level


def test_only_paths_through_to_many_relations_cross_them() -> None:
    assert not crosses_to_many(Organisation, "sector")
    assert not crosses_to_many(Organisation, "seat__path")
    assert not crosses_to_many(Organisation, "seat__path__startswith")
    assert crosses_to_many(Organisation, "areas__code")
    assert crosses_to_many(Organisation, "affiliations__person")
    assert not crosses_to_many(Project, "support_area__code")
    assert crosses_to_many(Project, "partners__organisation")


@pytest.mark.django_db
def test_own_column_choices_do_not_de_duplicate_but_relations_do() -> None:
    own = OrganisationFilterSet(
        {"sector": ["civil", "public"], "legal_form": ["association"]},
        queryset=Organisation.objects.all(),
    ).qs
    assert not own.query.distinct
    projects = ProjectFilterSet(
        {"status": ["completed"], "reach": ["local", "regional"]}, queryset=Project.objects.all()
    ).qs
    assert not projects.query.distinct
    area = ThematicAreaFactory.create()
    across = OrganisationFilterSet({"area": [area.code]}, queryset=Organisation.objects.all()).qs
    assert across.query.distinct


@pytest.mark.django_db
def test_a_sector_in_a_territory_finds_each_organisation_once_at_any_level() -> None:
    region = TerritorialUnitFactory.create(level=Level.VOIVODESHIP)
    county = TerritorialUnitFactory.create(parent=region, level=Level.COUNTY)
    municipality = TerritorialUnitFactory.create(parent=county, level=Level.MUNICIPALITY)
    elsewhere = TerritorialUnitFactory.create(level=Level.VOIVODESHIP)
    areas = ThematicAreaFactory.create_batch(2)
    inside = [
        OrganisationFactory.create(sector="civil", seat=unit, areas=areas)
        for unit in (region, county, municipality)
    ]
    OrganisationFactory.create(sector="public", seat=municipality)
    OrganisationFactory.create(sector="civil", seat=elsewhere)
    found = OrganisationFilterSet(
        {"sector": ["civil"], "territory": str(region.pk)}, queryset=Organisation.objects.all()
    ).qs
    assert sorted(found.values_list("pk", flat=True)) == sorted(o.pk for o in inside)
    in_municipality = OrganisationFilterSet(
        {"territory": str(municipality.pk), "area": [areas[0].code, areas[1].code]},
        queryset=Organisation.objects.all(),
    ).qs
    assert list(in_municipality.values_list("pk", flat=True)) == [inside[2].pk]
