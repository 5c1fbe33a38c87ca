"""Factories of invitations, stage transitions and health checks."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from partnerhub.core.tests.factories import (
    BaseFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
)
from partnerhub.formation.models import HealthResponse, HealthSurvey, Invitation, StageTransition
from partnerhub.formation.services import token_digest
from partnerhub.partnerships.choices import Stage


class InvitationFactory(BaseFactory[Invitation]):
    """A pending invitation, valid for a week; its token is ``token-<n>``."""

    class Meta:
        model = Invitation

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    token_digest = factory.Sequence(lambda n: token_digest(f"token-{n}"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class StageTransitionFactory(BaseFactory[StageTransition]):
    class Meta:
        model = StageTransition

    partnership = factory.SubFactory(PartnershipFactory, stage=Stage.BUILDING)
    from_stage = Stage.SCOPING
    to_stage = Stage.BUILDING
    date = datetime.date(2024, 2, 1)


class HealthSurveyFactory(BaseFactory[HealthSurvey]):
    """A survey open from a week ago to a week from now."""

    class Meta:
        model = HealthSurvey

    partnership = factory.SubFactory(PartnershipFactory)
    opened_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


class HealthResponseFactory(BaseFactory[HealthResponse]):
    class Meta:
        model = HealthResponse

    survey = factory.SubFactory(HealthSurveyFactory)
    membership = factory.SubFactory(
        MembershipFactory, partnership=factory.SelfAttribute("..survey.partnership")
    )
    shared_goals = 4
    trust = 4
    communication = 3
    fair_share = 3
    resources = 2
    leadership = 4
    results = 3
