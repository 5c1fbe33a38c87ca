"""Export specs of every record type, by name or by model.

Reuse them for any list export::

    from partnerhub.opendata.exporters import export_response
    from partnerhub.opendata.specs import get_spec

    export_response(filtered_queryset, get_spec("projects"), "csv", public=True)

``public=True`` (the default everywhere) narrows the queryset to published records and
drops staff-only columns; pass ``public=False`` only for staff.
"""

from django.db.models import Model

from partnerhub.opendata.specs.activity import EVENTS, PROBLEMS
from partnerhub.opendata.specs.base import Column, ExportSpec, ForeignKey, StaffOnlyExportError
from partnerhub.opendata.specs.partnerships import MEMBERSHIPS, PARTNERSHIPS
from partnerhub.opendata.specs.projects import INDICATORS, PROGRAMMES, PROJECT_PARTNERS, PROJECTS
from partnerhub.opendata.specs.registry import ORGANISATIONS, PEOPLE, TERRITORIAL_UNITS

__all__ = [
    "ALL_SPECS",
    "PUBLIC_SPECS",
    "Column",
    "ExportSpec",
    "ForeignKey",
    "StaffOnlyExportError",
    "get_spec",
    "get_spec_for",
]

# In the order of the data package: referenced resources before the ones referring to them.
ALL_SPECS: tuple[ExportSpec, ...] = (
    TERRITORIAL_UNITS,
    ORGANISATIONS,
    PEOPLE,
    PARTNERSHIPS,
    MEMBERSHIPS,
    PROGRAMMES,
    PROJECTS,
    PROJECT_PARTNERS,
    INDICATORS,
    EVENTS,
    PROBLEMS,
)
SPECS_BY_NAME = {spec.name: spec for spec in ALL_SPECS}
SPECS_BY_MODEL: dict[type[Model], ExportSpec] = {spec.model: spec for spec in ALL_SPECS}
PUBLIC_SPECS: tuple[ExportSpec, ...] = tuple(spec for spec in ALL_SPECS if not spec.staff_only)


def get_spec(name: str) -> ExportSpec:
    """The export spec called ``name`` (``KeyError`` for an unknown name)."""
    return SPECS_BY_NAME[name]


def get_spec_for(model: type[Model]) -> ExportSpec:
    """The export spec of ``model`` (``KeyError`` for a model that has none)."""
    return SPECS_BY_MODEL[model]
