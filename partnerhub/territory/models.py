"""Territorial units: a tree from country to municipality, each with its official code."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.territory.choices import Level, MunicipalityType

PATH_SEPARATOR = "/"


class TerritorialUnitQuerySet(AccessQuerySet["TerritorialUnit"]):
    def in_country(self, country: str) -> TerritorialUnitQuerySet:
        return self.filter(country=country.upper())

    def at_level(self, level: str) -> TerritorialUnitQuerySet:
        return self.filter(level=level)

    def within(self, unit: TerritorialUnit) -> TerritorialUnitQuerySet:
        """The unit itself and every unit below it in the tree."""
        return self.filter(Q(pk=unit.pk) | Q(path__startswith=unit.path + PATH_SEPARATOR))

    def by_code(self, country: str, code: str) -> TerritorialUnit:
        return self.get(country=country.upper(), code=code)


class TerritorialUnit(models.Model):
    """A country, region, county or municipality with its official code.

    ``code`` is the official code within the country: TERYT for Poland (voivodeship 2
    digits, county 4, municipality 7 including the type digit), the municipality number for
    Slovenia (3 digits), the NUTS code for statistical regions and ISO 3166-1 alpha-2 for
    countries. ``path`` holds the codes from the country down, so "everything within this
    unit" is one indexed prefix query at any depth.
    """

    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2"))
    level = models.CharField(_("level"), max_length=24, choices=Level.choices)
    code = models.CharField(_("official code"), max_length=16)
    name = models.CharField(_("name"), max_length=200)
    municipality_type = models.CharField(
        _("municipality type"), max_length=1, choices=MunicipalityType.choices, blank=True
    )
    nuts_code = models.CharField(_("NUTS code"), max_length=8, blank=True, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,  # a unit with units inside it is never removed by accident
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField(_("path"), max_length=255, editable=False, db_index=True)

    history = HistoricalRecords()
    objects = TerritorialUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("territorial unit")
        verbose_name_plural = _("territorial units")
        ordering = ["country", "path"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "code"],
                name="territory_unique_code_per_country",
                violation_error_message=_("A unit with this code already exists in this country."),
            ),
        ]

    def __str__(self) -> str:
        if self.level == Level.MUNICIPALITY and self.municipality_type:
            return f"{self.name} ({self.get_municipality_type_display()})"
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.country = self.country.upper()
        self.path = self.build_path()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def build_path(self) -> str:
        if self.parent_id is None:
            return (
                f"{self.country}{PATH_SEPARATOR}{self.code}"
                if self.level != Level.COUNTRY
                else self.code
            )
        parent = self.parent
        assert parent is not None
        return f"{parent.path}{PATH_SEPARATOR}{self.code}"

    def ancestors(self) -> list[TerritorialUnit]:
        """The units above this one, from the country down (one query)."""
        parts = self.path.split(PATH_SEPARATOR)[:-1]
        if not parts:
            return []
        prefixes = [PATH_SEPARATOR.join(parts[: i + 1]) for i in range(len(parts))]
        by_path = {u.path: u for u in TerritorialUnit.objects.filter(path__in=prefixes)}
        return [by_path[p] for p in prefixes if p in by_path]

    def ancestor_at(self, level: str) -> TerritorialUnit | None:
        if self.level == level:
            return self
        return next((u for u in self.ancestors() if u.level == level), None)
