"""Roles beyond the matrix: projects a hub leads, adding before the parent is known."""

from __future__ import annotations

import pytest

from partnerhub.access.choices import Role
from partnerhub.access.predicates import may_add_any
from partnerhub.access.services import end_role, grant_role
from partnerhub.core.choices import Visibility
from partnerhub.core.tests import factories as f
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Project

pytestmark = pytest.mark.django_db


def test_hub_staff_manage_a_project_their_hub_leads_outside_any_partnership() -> None:
    hub = f.OrganisationFactory.create(is_hub=True)
    project = f.ProjectFactory.create(
        lead_organisation=hub, partnership=None, programme=None, visibility=Visibility.INTERNAL
    )
    staff = f.UserFactory.create()
    grant_role(staff, Role.HUB_STAFF, organisation=hub)

    assert staff.has_perm("projects.change_project", project)
    assert staff.has_perm("projects.delete_project", project)
    assert Project.objects.visible_to(staff).filter(pk=project.pk).exists()


def test_only_hub_staff_could_start_a_partnership() -> None:
    organisation = f.OrganisationFactory.create()
    representative = f.UserFactory.create()
    grant_role(representative, Role.REPRESENTATIVE, organisation=organisation)
    hub_staff = f.UserFactory.create()
    grant_role(hub_staff, Role.HUB_STAFF, organisation=f.OrganisationFactory.create(is_hub=True))

    assert not may_add_any(representative, Partnership)
    assert may_add_any(hub_staff, Partnership)


def test_an_ended_role_reaches_nothing() -> None:
    partnership = f.PartnershipFactory.create(visibility=Visibility.INTERNAL)
    user = f.UserFactory.create()
    assignment = grant_role(user, Role.COORDINATOR, partnership=partnership)
    assert user.has_perm("partnerships.change_partnership", partnership)

    end_role(assignment, on=assignment.start)
    from partnerhub.access.scope import forget_scope

    forget_scope(user)
    # Ended today: still in force today, over tomorrow.
    import datetime

    import time_machine

    with time_machine.travel(assignment.start + datetime.timedelta(days=1)):
        forget_scope(user)
        assert not user.has_perm("partnerships.change_partnership", partnership)
        assert not Partnership.objects.visible_to(user).filter(pk=partnership.pk).exists()


def test_hub_staff_are_granted_over_a_hub_only() -> None:
    from django.core.exceptions import ValidationError

    not_a_hub = f.OrganisationFactory.create(is_hub=False)
    with pytest.raises(ValidationError):
        grant_role(f.UserFactory.create(), Role.HUB_STAFF, organisation=not_a_hub)
