"""Factories of the consultation records added with backing and evidence."""

from __future__ import annotations

import factory

from partnerhub.consultation.choices import SupportKind
from partnerhub.consultation.models import ProblemLink, ProblemSupport
from partnerhub.core.tests.factories import BaseFactory, LocalProblemFactory, OrganisationFactory


class ProblemLinkFactory(BaseFactory[ProblemLink]):
    class Meta:
        model = ProblemLink

    problem = factory.SubFactory(LocalProblemFactory)
    url = factory.Sequence(lambda n: f"https://example.org/study-{n}")
    title = factory.Sequence(lambda n: f"Study of bus connections {n}")


class ProblemSupportFactory(BaseFactory[ProblemSupport]):
    """An organisation backing a problem; pass ``organisation=None, person=...`` for a person."""

    class Meta:
        model = ProblemSupport

    problem = factory.SubFactory(LocalProblemFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    person = None
    kind = SupportKind.SEES_IT_TOO
