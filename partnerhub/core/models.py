"""Abstract building blocks shared by the domain models."""

from typing import Any

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerhub.access.visibility import AccessQuerySet


class TimeStampedModel(models.Model):
    """A record that knows when it was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VocabularyQuerySet(AccessQuerySet[Any]):
    def active(self) -> "VocabularyQuerySet":
        return self.filter(is_active=True)


class Vocabulary(models.Model):
    """A controlled term with its name in English, Polish and Slovenian.

    Terms are identified by a stable ``code`` so data, imports and the API never depend on
    a translated label.
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_pl = models.CharField(_("name (Polish)"), max_length=200)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=200)
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords(inherit=True)
    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English."""
        language = (get_language() or "en")[:2]
        return str(getattr(self, f"name_{language}", "") or self.name_en)
