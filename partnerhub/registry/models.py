"""Stakeholders: organisations of the three sectors, people, and who works where."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet
from partnerhub.core.choices import Sector
from partnerhub.core.models import TimeStampedModel, Vocabulary
from partnerhub.core.validation import END_BEFORE_START, check_period, raise_if
from partnerhub.registry.choices import LegalForm, OrganisationStatus
from partnerhub.registry.validators import (
    REGISTRY_ID_COUNTRY,
    validate_country_code,
    validate_http_url,
    validate_krs,
    validate_nip,
    validate_regon,
    validate_si_registration_number,
    validate_si_tax_number,
)

WRONG_COUNTRY = _("This identifier applies only to organisations registered in %(country)s.")


ID_TAKEN = {
    "krs": _("An organisation with this KRS number already exists."),
    "nip": _("An organisation with this NIP already exists."),
    "regon": _("An organisation with this REGON already exists."),
    "si_registration_number": _("An organisation with this registration number already exists."),
    "si_tax_number": _("An organisation with this tax number already exists."),
}


class ThematicArea(Vocabulary):
    """An area of activity (social economy, education, tourism, …) in three languages."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")


class OrganisationQuerySet(AccessQuerySet["Organisation"]):
    def active(self) -> OrganisationQuerySet:
        return self.filter(status=OrganisationStatus.ACTIVE)

    def in_sector(self, sector: str) -> OrganisationQuerySet:
        return self.filter(sector=sector)


def _unique_id(field: str, message: StrOrPromise) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["country", field],
        condition=~Q(**{field: ""}),
        name=f"registry_org_unique_{field}",
        violation_error_message=message,
    )


class Organisation(TimeStampedModel):
    """Any actor of a partnership: NGO, firm, public body, university, informal group.

    Registry identifiers are unique within a country and checked with their checksums;
    Polish identifiers belong to Polish organisations and Slovenian ones to Slovenian.
    Foreign organisations (any ISO country) are allowed without identifiers.
    """

    name = models.CharField(_("name"), max_length=300, db_index=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices, db_index=True)
    legal_form = models.CharField(
        _("legal form"), max_length=32, choices=LegalForm.choices, default=LegalForm.OTHER
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        default="PL",
        validators=[validate_country_code],
        help_text=_("ISO 3166-1 alpha-2 code"),
    )
    krs = models.CharField(_("KRS"), max_length=10, blank=True, validators=[validate_krs])
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[validate_nip])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    si_registration_number = models.CharField(
        _("registration number (matična številka)"),
        max_length=10,
        blank=True,
        validators=[validate_si_registration_number],
    )
    si_tax_number = models.CharField(
        _("tax number (davčna številka)"),
        max_length=8,
        blank=True,
        validators=[validate_si_tax_number],
    )
    seat = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=16, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_http_url])
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    areas = models.ManyToManyField(
        ThematicArea, verbose_name=_("areas of activity"), blank=True, related_name="organisations"
    )
    description = models.TextField(_("description"), blank=True)
    founded_on = models.DateField(_("founded"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.ACTIVE,
        db_index=True,
    )
    dissolved_on = models.DateField(_("dissolved"), null=True, blank=True)
    is_hub = models.BooleanField(
        _("facilitating hub"),
        default=False,
        help_text=_(
            "Runs partnerships for others (a regional NGO hub, a social economy support centre…)."
        ),
    )

    history = HistoricalRecords(m2m_fields=["areas"])
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            *(_unique_id(field, message) for field, message in ID_TAKEN.items()),
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(founded_on__isnull=True)
                | Q(dissolved_on__gte=F("founded_on")),
                name="registry_org_dissolved_after_founded",
                violation_error_message=_(
                    "An organisation cannot be dissolved before it was founded."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status=OrganisationStatus.DISSOLVED) | Q(dissolved_on__isnull=True),
                name="registry_org_dissolved_date_needs_status",
                violation_error_message=_("Only a dissolved organisation has a dissolution date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:organisation-detail", kwargs={"pk": self.pk})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.country = (self.country or "").upper()  # "pl" and "PL" are one country
        super().save(*args, **kwargs)

    def _check_ids_unique_in_country(self, errors: dict[str, list[ValidationError]]) -> None:
        """Say on the field itself which registry id is taken (the constraint says it globally)."""
        others = Organisation.objects.filter(country=self.country).exclude(pk=self.pk)
        for field, message in ID_TAKEN.items():
            value = getattr(self, field)
            if value and field not in errors and others.filter(**{field: value}).exists():
                errors.setdefault(field, []).append(ValidationError(message, code="unique"))

    def clean_fields(self, exclude: Any = None) -> None:
        self.country = (self.country or "").upper()
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        for field, country in REGISTRY_ID_COUNTRY.items():
            if getattr(self, field) and self.country != country:
                errors.setdefault(field, []).append(
                    ValidationError(
                        WRONG_COUNTRY,
                        code="wrong_country",
                        params={"country": country},
                    )
                )
        self._check_ids_unique_in_country(errors)
        check_period(errors, self.founded_on, self.dissolved_on, end_field="dissolved_on")
        if self.dissolved_on and self.status != OrganisationStatus.DISSOLVED:
            errors.setdefault("status", []).append(
                ValidationError(
                    _("Only a dissolved organisation has a dissolution date."), code="status"
                )
            )
        raise_if(errors)


class Person(TimeStampedModel):
    """A person who takes part: separate from organisations, so people can change jobs.

    Fields listed in ``PERSONAL_DATA_FIELDS`` are personal data: never public, never in
    public exports, anonymised on erasure.
    """

    PERSONAL_DATA_FIELDS = ("email", "phone", "address")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, db_index=True)
    title = models.CharField(_("title or function"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail (personal data)"), blank=True)
    phone = models.CharField(_("phone (personal data)"), max_length=40, blank=True)
    address = models.CharField(_("address (personal data)"), max_length=300, blank=True)
    territory = models.ForeignKey(
        "territory.TerritorialUnit",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    areas = models.ManyToManyField(
        ThematicArea, verbose_name=_("areas of expertise"), blank=True, related_name="people"
    )
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,  # deleting an account keeps the person's record
        null=True,
        blank=True,
        related_name="person",
    )

    history = HistoricalRecords(m2m_fields=["areas"])
    objects = AccessQuerySet["Person"].as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Affiliation(TimeStampedModel):
    """A person's role in an organisation over a period."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    is_representative = models.BooleanField(
        _("represents the organisation"),
        default=False,
        help_text=_("May act on the organisation's behalf (answer invitations, sign agreements)."),
    )
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)

    history = HistoricalRecords()
    objects = AccessQuerySet["Affiliation"].as_manager()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["person", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="registry_affiliation_end_after_start",
                violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.organisation}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        check_period(errors, self.start, self.end)
        raise_if(errors)
