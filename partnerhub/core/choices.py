"""Choices shared by several domains."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """The three sectors of a cross-sector partnership."""

    PUBLIC = "public", _("Public sector")
    PRIVATE = "private", _("Private sector")
    CIVIL = "civil", _("Civil sector (NGO)")


class Visibility(models.TextChoices):
    """Whether a record is shown to the public or only to those involved."""

    PUBLISHED = "published", _("Published")
    INTERNAL = "internal", _("Internal")


class Currency(models.TextChoices):
    EUR = "EUR", _("Euro (EUR)")
    PLN = "PLN", _("Polish złoty (PLN)")


class DatePrecision(models.TextChoices):
    """How precisely a period's dates are known (sources often give only a year)."""

    DAY = "day", _("Exact dates")
    MONTH = "month", _("Month only")
    YEAR = "year", _("Year only")
