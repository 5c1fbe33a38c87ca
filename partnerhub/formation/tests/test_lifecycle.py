"""A partnership's lifecycle: stages change one step at a time, each change on record."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from partnerhub.core.tests.factories import PartnershipFactory
from partnerhub.core.tests.helpers import error_messages, violates
from partnerhub.formation.models import StageTransition
from partnerhub.formation.services import allowed_next_stages, move_partnership_to_stage
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.formation.tests.factories import StageTransitionFactory
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import Partnership
from partnerhub.partnerships.services import create_partnership, update_partnership

pytestmark = pytest.mark.django_db

S = Stage


@pytest.mark.parametrize(
    ("current", "allowed"),
    [
        (S.SCOPING, (S.BUILDING, S.CLOSED)),
        (S.BUILDING, (S.FORMALISED, S.CLOSED)),
        (S.FORMALISED, (S.IMPLEMENTING, S.CLOSED)),
        (S.IMPLEMENTING, (S.REVIEWING, S.CLOSED)),
        (S.REVIEWING, (S.SUSTAINING, S.IMPLEMENTING, S.CLOSED)),
        (S.SUSTAINING, (S.CLOSED,)),
        (S.CLOSED, ()),
    ],
)
def test_forward_one_step_back_from_reviewing_and_closed_from_anywhere(
    current: str, allowed: tuple[str, ...]
) -> None:
    assert allowed_next_stages(current) == allowed


def _stage(partnership: Partnership) -> str:
    return Partnership.objects.get(pk=partnership.pk).stage


@pytest.mark.parametrize("who", ["hub_staff", "coordinator"])
def test_the_facilitator_moves_the_partnership_and_the_move_is_recorded(
    pilot: Pilot, who: str
) -> None:
    user = getattr(pilot, who)
    day = timezone.localdate() - datetime.timedelta(days=3)

    transition = move_partnership_to_stage(
        pilot.partnership, S.FORMALISED, by=user, note="Dogovor podpisan.", on=day
    )

    assert pilot.partnership.stage == _stage(pilot.partnership) == S.FORMALISED
    assert (transition.from_stage, transition.to_stage, transition.date) == (
        S.BUILDING,
        S.FORMALISED,
        day,
    )
    assert (transition.by, transition.note) == (user, "Dogovor podpisan.")
    change = pilot.partnership.history.filter(stage=S.FORMALISED).get()
    assert change.history_user == user


def test_a_whole_lifecycle_with_a_review_loop(pilot: Pilot) -> None:
    path = [S.FORMALISED, S.IMPLEMENTING, S.REVIEWING, S.IMPLEMENTING, S.REVIEWING, S.SUSTAINING]
    for stage in [*path, S.CLOSED]:
        move_partnership_to_stage(pilot.partnership, stage, by=pilot.coordinator)
    history = pilot.partnership.stage_transitions.values_list("from_stage", "to_stage")
    assert list(history) == list(zip([S.BUILDING, *path], [*path, S.CLOSED], strict=True))


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.BUILDING, S.IMPLEMENTING),  # skipping a stage
        (S.BUILDING, S.SCOPING),  # back, other than reviewing → implementing
        (S.SUSTAINING, S.REVIEWING),
        (S.CLOSED, S.SCOPING),  # closed stays closed
        (S.CLOSED, S.CLOSED),
        (S.BUILDING, S.BUILDING),
        (S.BUILDING, "dissolved"),  # not a stage
    ],
)
def test_an_illegal_transition_is_refused_and_changes_nothing(
    pilot: Pilot, current: str, target: str
) -> None:
    Partnership.objects.filter(pk=pilot.partnership.pk).update(stage=current)
    pilot.partnership.refresh_from_db()

    errors = error_messages(
        lambda: move_partnership_to_stage(pilot.partnership, target, by=pilot.hub_staff)
    )

    assert list(errors) == ["stage"]
    assert errors["stage"][0].startswith("A partnership cannot move from")
    assert _stage(pilot.partnership) == current
    assert not StageTransition.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "firm_representative"])
def test_only_the_facilitator_or_coordinator_moves_the_partnership(pilot: Pilot, who: str) -> None:
    with pytest.raises(PermissionDenied):
        move_partnership_to_stage(pilot.partnership, S.FORMALISED, by=getattr(pilot, who))
    assert _stage(pilot.partnership) == S.BUILDING
    assert not StageTransition.objects.exists()


def test_a_move_is_not_dated_in_the_future_nor_before_the_previous_one(pilot: Pilot) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    errors = error_messages(
        lambda: move_partnership_to_stage(
            pilot.partnership, S.FORMALISED, by=pilot.hub_staff, on=tomorrow
        )
    )
    assert list(errors) == ["date"]

    move_partnership_to_stage(
        pilot.partnership, S.FORMALISED, by=pilot.hub_staff, on=datetime.date(2024, 5, 1)
    )
    errors = error_messages(
        lambda: move_partnership_to_stage(
            pilot.partnership, S.IMPLEMENTING, by=pilot.hub_staff, on=datetime.date(2024, 4, 1)
        )
    )
    assert errors == {
        "date": ["The previous stage change was on 2024-05-01: this one cannot be earlier."]
    }
    assert _stage(pilot.partnership) == S.FORMALISED


def test_editing_a_partnership_does_not_change_its_stage(pilot: Pilot) -> None:
    errors = error_messages(
        lambda: update_partnership(pilot.partnership, stage=S.IMPLEMENTING, by=pilot.hub_staff)
    )
    assert list(errors) == ["stage"]
    assert _stage(pilot.partnership) == S.BUILDING

    # A whole-record form sends the stage unchanged: that is fine.
    update_partnership(pilot.partnership, stage=S.BUILDING, goal="Prevozi za starejše.")
    assert Partnership.objects.get(pk=pilot.partnership.pk).goal == "Prevozi za starejše."


def test_a_partnership_is_still_created_in_any_initial_stage() -> None:
    partnership = create_partnership(name="Klaster", kind="cluster", stage=S.IMPLEMENTING)
    assert partnership.stage == S.IMPLEMENTING


def test_the_stage_history_is_public_when_the_partnership_is(pilot: Pilot) -> None:
    public = PartnershipFactory.create(visibility="published", stage=S.BUILDING)
    shown = StageTransitionFactory.create(partnership=public)
    hidden = StageTransitionFactory.create(partnership=pilot.partnership)

    assert list(StageTransition.objects.visible_to(None)) == [shown]
    assert set(StageTransition.objects.visible_to(pilot.coordinator)) == {shown, hidden}
    assert list(StageTransition.objects.editable_by(pilot.coordinator)) == []


def test_the_database_refuses_a_transition_to_the_same_stage() -> None:
    with violates("formation_transition_changes_stage"):
        StageTransitionFactory.create(from_stage=S.BUILDING, to_stage=S.BUILDING)


def test_an_unknown_partnership_cannot_be_moved() -> None:
    ghost = Partnership(pk=987654321, stage=S.BUILDING)
    with pytest.raises(Partnership.DoesNotExist):
        move_partnership_to_stage(ghost, S.FORMALISED, by=None)
    assert not StageTransition.objects.exists()
