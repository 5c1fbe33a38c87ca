"""Agreements: a draft, a responsibility matrix, commitments, sign-off and new versions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from partnerhub.agreements.choices import ResponsibilityLevel, VersionStatus
from partnerhub.agreements.models import (
    Agreement,
    AgreementActivity,
    AgreementVersion,
    Commitment,
    Responsibility,
    Signature,
)
from partnerhub.agreements.services import (
    add_activity,
    assign_responsibility,
    create_agreement,
    delete_agreement,
    open_for_signature,
    remove_activity,
    revise_agreement,
    set_commitment,
    sign_agreement,
    update_activity,
)
from partnerhub.agreements.tests.conftest import Pilot
from partnerhub.agreements.tests.factories import (
    AgreementActivityFactory,
    AgreementVersionFactory,
    ResponsibilityFactory,
    SignatureFactory,
)
from partnerhub.core.tests.factories import MembershipFactory
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.partnerships.services import remove_membership

pytestmark = pytest.mark.django_db

LEAD, RESPONSIBLE, CONTRIBUTES, INFORMED = ResponsibilityLevel.values


def _draft(pilot: Pilot) -> AgreementVersion:
    """An agreement of the pilot with one activity led by the NGO, and the firm's commitment."""
    agreement = create_agreement(
        pilot.partnership, title="Dogovor o partnerstvu", note="Prvi osnutek", by=pilot.coordinator
    )
    version = agreement.versions.get()
    transport = add_activity(version, title="Prevozi starejših", by=pilot.coordinator)
    assign_responsibility(transport, pilot.ngo, LEAD, by=pilot.coordinator)
    assign_responsibility(transport, pilot.firm, RESPONSIBLE, by=pilot.coordinator)
    assign_responsibility(transport, pilot.municipality, INFORMED, by=pilot.coordinator)
    set_commitment(
        version,
        pilot.firm,
        in_kind="Kombi in voznik ob sredah",
        hours=Decimal("120"),
        by=pilot.coordinator,
    )
    return version


def _open(pilot: Pilot) -> AgreementVersion:
    version = _draft(pilot)
    return open_for_signature(version, by=pilot.hub_staff)


# --- drafting ------------------------------------------------------------------------------


def test_an_agreement_starts_as_an_empty_draft_made_by_the_facilitator(pilot: Pilot) -> None:
    agreement = create_agreement(pilot.partnership, title="Dogovor", by=pilot.hub_staff)
    [version] = agreement.versions.all()
    assert (version.number, version.status, version.created_by) == (1, "draft", pilot.hub_staff)
    assert agreement.current_version() == version


@pytest.mark.parametrize("who", ["ngo_representative", "stranger"])
def test_members_and_strangers_do_not_draft_the_agreement(pilot: Pilot, who: str) -> None:
    with pytest.raises(PermissionDenied):
        create_agreement(pilot.partnership, title="Dogovor", by=getattr(pilot, who))
    version = _draft(pilot)
    with pytest.raises(PermissionDenied):
        add_activity(version, title="Moja aktivnost", by=getattr(pilot, who))
    assert not Agreement.objects.exclude(versions=version).exists()
    assert version.activities.count() == 1


def test_activities_are_listed_in_order(pilot: Pilot) -> None:
    version = _draft(pilot)
    add_activity(version, title="Zbiranje potreb", by=pilot.coordinator)
    add_activity(version, title="Promocija", position=0, by=pilot.coordinator)
    assert list(version.activities.values_list("title", "position")) == [
        ("Promocija", 0),
        ("Prevozi starejših", 1),
        ("Zbiranje potreb", 2),
    ]


def test_one_part_per_member_and_one_lead_per_activity(pilot: Pilot) -> None:
    version = _draft(pilot)
    transport = version.activities.get()
    changed = assign_responsibility(transport, pilot.firm, CONTRIBUTES, by=pilot.coordinator)
    assert transport.responsibilities.filter(membership=pilot.firm).get() == changed
    assert changed.level == CONTRIBUTES

    errors = error_messages(
        lambda: assign_responsibility(transport, pilot.firm, LEAD, by=pilot.coordinator)
    )
    assert errors == {"__all__": ["This activity already has a lead."]}
    assert transport.responsibilities.get(membership=pilot.firm).level == CONTRIBUTES


def test_only_members_of_the_partnership_take_part(pilot: Pilot) -> None:
    version = _draft(pilot)
    outsider = MembershipFactory.create()  # a member of another partnership
    errors = error_messages(
        lambda: assign_responsibility(
            version.activities.get(), outsider, CONTRIBUTES, by=pilot.coordinator
        )
    )
    assert errors == {
        "membership": ["Only members of the agreement's partnership take part in it."]
    }
    errors = error_messages(
        lambda: set_commitment(version, outsider, hours=Decimal(5), by=pilot.coordinator)
    )
    assert list(errors) == ["membership"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"money": Decimal("500")}, "currency"),
        ({"money": Decimal("-1"), "currency": "EUR"}, "money"),
        ({"hours": Decimal("-3")}, "hours"),
        ({}, "__all__"),
    ],
)
def test_a_commitment_names_something_and_nothing_negative(
    pilot: Pilot, values: dict[str, object], field: str
) -> None:
    version = _draft(pilot)
    errors = error_messages(
        lambda: set_commitment(version, pilot.ngo, by=pilot.coordinator, **values)  # type: ignore[arg-type]
    )
    assert field in errors
    assert not version.commitments.filter(membership=pilot.ngo).exists()


def test_a_commitment_is_replaced_not_duplicated(pilot: Pilot) -> None:
    version = _draft(pilot)
    set_commitment(
        version, pilot.municipality, money=Decimal("2000"), currency="EUR", by=pilot.coordinator
    )
    set_commitment(
        version, pilot.municipality, money=Decimal("2500"), currency="EUR", by=pilot.coordinator
    )
    assert list(version.commitments.filter(membership=pilot.municipality).values_list("money")) == [
        (Decimal("2500.00"),)
    ]


# --- opening for signature -----------------------------------------------------------------


def test_a_draft_needs_activities_each_with_exactly_one_lead(pilot: Pilot) -> None:
    agreement = create_agreement(pilot.partnership, title="Dogovor", by=pilot.coordinator)
    version = agreement.versions.get()
    with pytest.raises(ValidationError) as caught:
        open_for_signature(version, by=pilot.coordinator)
    assert caught.value.messages == ["List at least one activity before opening for signature."]

    add_activity(version, title="Prevozi", by=pilot.coordinator)
    informed = add_activity(version, title="Obveščanje", by=pilot.coordinator)
    assign_responsibility(informed, pilot.ngo, RESPONSIBLE, by=pilot.coordinator)
    with pytest.raises(ValidationError) as caught:
        open_for_signature(version, by=pilot.coordinator)
    assert caught.value.messages == [
        "Give these activities exactly one lead each: Prevozi, Obveščanje."
    ]
    assert AgreementVersion.objects.get(pk=version.pk).status == VersionStatus.DRAFT


def test_an_opened_version_is_frozen(pilot: Pilot) -> None:
    version = _open(pilot)
    assert version.status == VersionStatus.OPEN and version.opened_at is not None
    transport = version.activities.get()

    refusals = [
        lambda: add_activity(version, title="Nova", by=pilot.coordinator),
        lambda: update_activity(transport, title="Drugače", by=pilot.coordinator),
        lambda: remove_activity(transport, by=pilot.coordinator),
        lambda: assign_responsibility(transport, pilot.municipality, LEAD, by=pilot.coordinator),
        lambda: set_commitment(version, pilot.ngo, hours=Decimal(1), by=pilot.coordinator),
        lambda: open_for_signature(version, by=pilot.coordinator),
    ]
    for refusal in refusals:
        with pytest.raises(ValidationError) as caught:
            refusal()
        assert caught.value.code == "frozen"
    assert list(AgreementActivity.objects.values_list("title", flat=True)) == ["Prevozi starejših"]
    assert Responsibility.objects.count() == 3
    assert Commitment.objects.count() == 1


# --- signing -------------------------------------------------------------------------------


def test_each_member_organisation_signs_and_then_the_version_is_signed(pilot: Pilot) -> None:
    version = _open(pilot)
    for membership in pilot.organisation_members:
        signature = sign_agreement(version, membership, by=pilot.representative_of(membership))
        assert signature.signed_by == pilot.representative_of(membership)
        assert signature.signer_name.endswith("Demo")
    assert version.status == VersionStatus.SIGNED
    assert version.signed_at is not None
    assert Signature.objects.count() == 3  # the volunteer, a person, does not sign


def test_signing_twice_is_refused_and_changes_nothing(pilot: Pilot) -> None:
    version = _open(pilot)
    sign_agreement(version, pilot.ngo, by=pilot.ngo_representative)
    with pytest.raises(ValidationError) as caught:
        sign_agreement(version, pilot.ngo, by=pilot.ngo_representative)
    assert caught.value.code == "already_signed"
    today = timezone.localdate().isoformat()
    assert caught.value.messages == [f"Društvo Skupaj already signed this version on {today}."]
    assert Signature.objects.count() == 1
    assert AgreementVersion.objects.get(pk=version.pk).status == VersionStatus.OPEN


def test_a_representative_signs_only_for_their_own_organisation(pilot: Pilot) -> None:
    version = _open(pilot)
    with pytest.raises(PermissionDenied):
        sign_agreement(version, pilot.firm, by=pilot.ngo_representative)
    for who in (pilot.stranger, pilot.coordinator, pilot.hub_staff):
        with pytest.raises(PermissionDenied):
            sign_agreement(version, pilot.ngo, by=who)
    assert not Signature.objects.exists()


def test_a_draft_is_not_signed_and_people_do_not_sign(pilot: Pilot) -> None:
    draft = _draft(pilot)
    with pytest.raises(ValidationError) as caught:
        sign_agreement(draft, pilot.ngo, by=pilot.ngo_representative)
    assert caught.value.code == "not_open"
    version = open_for_signature(draft, by=pilot.coordinator)
    errors = error_messages(lambda: sign_agreement(version, pilot.volunteer, by=None))
    assert errors == {"membership": ["Only the partnership's current member organisations sign."]}
    assert not Signature.objects.exists()


# --- new versions --------------------------------------------------------------------------


def test_a_change_after_opening_is_a_new_version_and_the_old_one_stays(pilot: Pilot) -> None:
    first = _open(pilot)
    sign_agreement(first, pilot.ngo, by=pilot.ngo_representative)

    second = revise_agreement(first.agreement, note="Dodan prevoz ob petkih", by=pilot.coordinator)

    first.refresh_from_db()
    assert (first.status, second.status, second.number) == ("superseded", "draft", 2)
    assert second.agreement.current_version() == second
    # The new draft starts from the old content, without its signatures.
    assert list(second.activities.values_list("title", flat=True)) == ["Prevozi starejših"]
    assert set(second.activities.get().responsibilities.values_list("membership", "level")) == {
        (pilot.ngo.pk, LEAD),
        (pilot.firm.pk, RESPONSIBLE),
        (pilot.municipality.pk, INFORMED),
    }
    assert second.commitments.get().in_kind == "Kombi in voznik ob sredah"
    assert not second.signatures.exists()
    # The new draft changes; the old version does not.
    update_activity(
        second.activities.get(), title="Prevozi ob sredah in petkih", by=pilot.coordinator
    )
    with pytest.raises(ValidationError):
        update_activity(first.activities.get(), title="Drugače", by=pilot.coordinator)
    assert first.activities.get().title == "Prevozi starejših"
    assert first.signatures.count() == 1


def test_a_draft_is_changed_directly_not_revised(pilot: Pilot) -> None:
    version = _draft(pilot)
    with pytest.raises(ValidationError) as caught:
        revise_agreement(version.agreement, by=pilot.coordinator)
    assert caught.value.code == "draft"
    assert AgreementVersion.objects.count() == 1


def test_an_agreement_that_was_opened_stays_on_record(pilot: Pilot) -> None:
    draft_only = create_agreement(pilot.partnership, title="Osnutek", by=pilot.coordinator)
    delete_agreement(draft_only, by=pilot.hub_staff)
    version = _open(pilot)
    with pytest.raises(ValidationError):
        delete_agreement(version.agreement, by=pilot.hub_staff)
    assert Agreement.objects.filter(pk=version.agreement_id).exists()


def test_a_member_named_in_an_agreement_is_not_deleted(pilot: Pilot) -> None:
    _draft(pilot)
    with pytest.raises(ProtectedError):
        remove_membership(pilot.firm, by=None)


# --- the database's own guards and who sees what ------------------------------------------------


def test_the_database_guards_the_matrix_and_the_versions() -> None:
    lead = ResponsibilityFactory.create()
    with violates("agreements_responsibility_one_lead"):
        ResponsibilityFactory.create(activity=lead.activity)
    with violates("agreements_version_one_current"):
        AgreementVersionFactory.create(agreement=lead.activity.version.agreement, number=2)
    signature = SignatureFactory.create()
    with violates("agreements_signature_once_per_member"):
        SignatureFactory.create(version=signature.version, membership=signature.membership)


def test_the_agreement_is_internal_to_the_partnership(pilot: Pilot) -> None:
    version = _open(pilot)
    other = AgreementActivityFactory.create()  # another partnership's agreement

    for model in (Agreement, AgreementVersion, AgreementActivity, Responsibility, Commitment):
        manager = model._default_manager
        assert manager.visible_to(pilot.firm_representative).exists(), model
        assert not manager.visible_to(pilot.stranger).exists(), model
        assert not manager.visible_to(None).exists(), model
        assert not manager.editable_by(pilot.firm_representative).exists(), model
        assert manager.editable_by(pilot.coordinator).exists(), model
    assert other not in AgreementActivity.objects.visible_to(pilot.hub_staff)
    assert pilot.firm_representative.has_perm("agreements.sign_agreementversion", version)
    assert not pilot.stranger.has_perm("agreements.sign_agreementversion", version)
