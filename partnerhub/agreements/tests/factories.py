"""Factories of agreements, their versions and content."""

from __future__ import annotations

from decimal import Decimal

import factory
from django.utils import timezone

from partnerhub.agreements.choices import ResponsibilityLevel
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.core.choices import Currency
from partnerhub.core.tests.factories import BaseFactory, MembershipFactory, PartnershipFactory


class AgreementFactory(BaseFactory[Agreement]):
    class Meta:
        model = Agreement

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Partnership agreement {n}")


class AgreementVersionFactory(BaseFactory[AgreementVersion]):
    """Version 1, a draft."""

    class Meta:
        model = AgreementVersion

    agreement = factory.SubFactory(AgreementFactory)
    number = 1


class AgreementActivityFactory(BaseFactory[AgreementActivity]):
    class Meta:
        model = AgreementActivity

    version = factory.SubFactory(AgreementVersionFactory)
    title = factory.Sequence(lambda n: f"Transport for elderly residents {n}")
    position = factory.Sequence(lambda n: n)


def _member_of_version(path: str) -> factory.SubFactory:
    return factory.SubFactory(
        MembershipFactory, partnership=factory.SelfAttribute(f"..{path}.agreement.partnership")
    )


class ResponsibilityFactory(BaseFactory[Responsibility]):
    class Meta:
        model = Responsibility

    activity = factory.SubFactory(AgreementActivityFactory)
    membership = _member_of_version("activity.version")
    level = ResponsibilityLevel.LEAD


class CommitmentFactory(BaseFactory[Commitment]):
    class Meta:
        model = Commitment

    version = factory.SubFactory(AgreementVersionFactory)
    membership = _member_of_version("version")
    money = Decimal("1500.00")
    currency = Currency.EUR
    hours = Decimal("40")


class SignatureFactory(BaseFactory[Signature]):
    class Meta:
        model = Signature

    version = factory.SubFactory(AgreementVersionFactory)
    membership = _member_of_version("version")
    signer_name = "Ana Novak"
    signed_at = factory.LazyFunction(timezone.now)
