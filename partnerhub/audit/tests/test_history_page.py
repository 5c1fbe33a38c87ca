"""The History tab: who may read it, what it shows, and that nobody can rewrite it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.audit.models import AuditEvent
from partnerhub.core.tests import factories as f
from partnerhub.partnerships.choices import PartnershipKind
from partnerhub.partnerships.models import Partnership
from partnerhub.partnerships.services import delete_partnership, update_partnership
from partnerhub.registry.models import Organisation, Person
from partnerhub.registry.services import update_organisation, update_person

pytestmark = pytest.mark.django_db


def history_url(record: object) -> str:
    opts = record._meta  # type: ignore[attr-defined]
    return reverse(
        "audit:history",
        kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": record.pk},  # type: ignore[attr-defined]
    )


@dataclass
class Pilot:
    hub: Organisation
    partnership: Partnership
    other: Partnership
    person: Person
    editor: User
    coordinator: User
    other_coordinator: User
    representative: User


@pytest.fixture
def pilot() -> Pilot:
    hub = f.OrganisationFactory.create(name="Stičišče", is_hub=True)
    member = f.OrganisationFactory.create(name="Društvo")
    partnership = f.PartnershipFactory.create(name="Pilot Postojna", hub=hub)
    other = f.PartnershipFactory.create(name="Pilot Kranj")
    person = f.PersonFactory.create(first_name="Maja", last_name="Novak", email="maja@example.si")
    f.MembershipFactory.create(partnership=partnership, organisation=None, person=person)
    f.AffiliationFactory.create(person=person, organisation=member)
    editor = f.UserFactory.create(username="hub-editor")
    coordinator = f.UserFactory.create(username="coordinator")
    other_coordinator = f.UserFactory.create(username="other-coordinator")
    representative = f.UserFactory.create(username="representative")
    grant_role(editor, Role.HUB_STAFF, organisation=hub)
    grant_role(coordinator, Role.COORDINATOR, partnership=partnership)
    grant_role(other_coordinator, Role.COORDINATOR, partnership=other)
    grant_role(representative, Role.REPRESENTATIVE, organisation=member)
    return Pilot(
        hub, partnership, other, person, editor, coordinator, other_coordinator, representative
    )


def get(client: Client, user: User | None, url: str) -> object:
    if user is not None:
        client.force_login(user)
    return client.get(url)


def test_the_coordinator_sees_who_changed_what(client: Client, pilot: Pilot) -> None:
    update_partnership(
        pilot.partnership, name="Pilot Postojna 2", kind=PartnershipKind.NETWORK, by=pilot.editor
    )

    response = get(client, pilot.coordinator, history_url(pilot.partnership))

    assert response.status_code == 200  # type: ignore[attr-defined]
    entries = response.context["entries"]  # type: ignore[attr-defined]
    assert [entry.kind_code for entry in entries] == ["changed", "created"]
    changed = entries[0]
    assert changed.who == "hub-editor"
    assert {(c.label, c.old, c.new) for c in changed.changes} == {
        ("Name", "Pilot Postojna", "Pilot Postojna 2"),
        ("Kind", "Local partnership", "Network"),
    }
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "hub-editor" in page
    assert "<del>Local partnership</del> → <ins>Network</ins>" in page


@pytest.mark.parametrize("who", ["other_coordinator", "anonymous", "representative"])
def test_others_get_404(client: Client, pilot: Pilot, who: str) -> None:
    user = getattr(pilot, who, None)
    update_partnership(pilot.partnership, name="Pilot Postojna 2", by=pilot.editor)

    response = get(client, user, history_url(pilot.partnership))

    assert response.status_code == 404  # type: ignore[attr-defined]


def test_an_unknown_model_or_one_without_history_is_404(client: Client, superuser: User) -> None:
    client.force_login(superuser)
    for url in ("/history/registry/nothing/1/", f"/history/auth/user/{superuser.pk}/"):
        assert client.get(url).status_code == 404


def test_changes_made_by_a_command_name_the_command(client: Client, superuser: User) -> None:
    from partnerhub.audit.services import command_run

    organisation = f.OrganisationFactory.create(name="Fundacja")
    with command_run("import-registry"):
        update_organisation(organisation, short_name="FUN")

    response = get(client, superuser, history_url(organisation))

    assert response.context["entries"][0].who == "command: import-registry"  # type: ignore[attr-defined]


def test_contact_details_only_for_those_who_may_change_the_person(
    client: Client, pilot: Pilot
) -> None:
    update_person(pilot.person, email="maja.novak@example.si", title="Mentor", by=pilot.editor)
    url = history_url(pilot.person)

    # Hub staff keep the registry of their partnerships' members; a representative of the
    # organisation the person works for reads the person's record but may not change it.
    assert pilot.editor.has_perm("registry.change_person", pilot.person)
    assert not pilot.representative.has_perm("registry.change_person", pilot.person)
    for_hub_staff = get(client, pilot.editor, url)
    client.logout()
    for_representative = get(client, pilot.representative, url)

    hub_staff_page = for_hub_staff.content.decode()  # type: ignore[attr-defined]
    representative_page = for_representative.content.decode()  # type: ignore[attr-defined]
    assert "<del>maja@example.si</del> → <ins>maja.novak@example.si</ins>" in hub_staff_page
    assert for_representative.status_code == 200  # type: ignore[attr-defined]
    assert "Mentor" in representative_page
    assert "maja.novak@example.si" not in representative_page
    assert "maja@example.si" not in representative_page


def test_the_history_of_a_deleted_record_is_for_site_admins(
    client: Client, pilot: Pilot, superuser: User
) -> None:
    url = history_url(pilot.other)
    delete_partnership(pilot.other, by=superuser)

    assert get(client, pilot.other_coordinator, url).status_code == 404  # type: ignore[attr-defined]
    client.logout()
    response = get(client, superuser, url)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.context["entries"][0].kind_code == "deleted"  # type: ignore[attr-defined]


def test_fifty_entries_a_page_and_queries_do_not_grow(client: Client, superuser: User) -> None:
    organisation = f.OrganisationFactory.create(name="Fundacja 0")
    client.force_login(superuser)

    def queries_for_page(number: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(history_url(organisation), {"page": number})
        assert response.status_code == 200
        return len(queries)

    update_organisation(organisation, name="Fundacja 1", by=superuser)
    few = queries_for_page(1)
    for n in range(2, 56):
        update_organisation(organisation, name=f"Fundacja {n}", by=superuser)

    first = client.get(history_url(organisation))
    second = client.get(history_url(organisation), {"page": 2})

    assert len(first.context["entries"]) == 50
    assert first.context["entries"][0].changes[0].new == "Fundacja 55"
    assert len(second.context["entries"]) == 6  # 54 more changes and the creation
    assert (
        second.context["entries"][0].changes[0].old,
        second.context["entries"][0].changes[0].new,
    ) == ("Fundacja 4", "Fundacja 5")
    assert queries_for_page(1) == few


def render_link(user: User, record: object) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template('{% include "audit/_history_link.html" with record=record %}')
    return template.render(Context({"request": request, "record": record})).strip()


def test_the_history_link_is_shown_only_to_readers(pilot: Pilot) -> None:
    link = render_link(pilot.coordinator, pilot.partnership)

    assert link == f'<a class="history-link" href="{history_url(pilot.partnership)}">History</a>'
    assert render_link(pilot.other_coordinator, pilot.partnership) == ""


def test_the_admin_shows_history_and_refuses_to_edit_it(staff_client: Client, pilot: Pilot) -> None:
    update_partnership(pilot.partnership, name="Renamed", by=pilot.editor)
    version = pilot.partnership.history.earliest("history_date")
    admin_history = reverse("admin:partnerships_partnership_history", args=[pilot.partnership.pk])
    version_url = reverse(
        "admin:partnerships_partnership_simple_history",
        args=[pilot.partnership.pk, version.history_id],
    )

    assert staff_client.get(admin_history).status_code == 200
    assert staff_client.get(version_url).status_code == 200
    response = staff_client.post(version_url, {"name": "Pilot Postojna", "_change_history": "1"})

    assert response.status_code == 403
    pilot.partnership.refresh_from_db()
    assert pilot.partnership.name == "Renamed"
    no_admin_for_history: list[Callable[[], str]] = [
        lambda: reverse("admin:partnerships_historicalpartnership_changelist"),
        lambda: reverse("admin:audit_auditevent_add"),
    ]
    for url in no_admin_for_history:
        with pytest.raises(NoReverseMatch):
            url()


def test_no_api_endpoint_reads_or_writes_the_audit_trail() -> None:
    from partnerhub.api.urls import router

    exposed = {viewset.queryset.model for _prefix, viewset, _name in router.registry}  # type: ignore[attr-defined]

    assert exposed  # the API lists its record types
    assert not [model for model in exposed if hasattr(model, "instance_type")]
    assert AuditEvent not in exposed


def test_audit_events_are_listed_for_site_admins_only(
    client: Client, pilot: Pilot, superuser: User
) -> None:
    from partnerhub.audit.services import command_run

    with command_run("import-teryt") as run:
        run.summary = {"file": "TERC.xml", "created": 22}
    url = reverse("audit:events")

    assert get(client, pilot.editor, url).status_code == 404  # type: ignore[attr-defined]
    client.logout()
    assert client.get(url).status_code == 404
    response = get(client, superuser, url)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "import-teryt" in response.content.decode()  # type: ignore[attr-defined]
    assert "created: 22" in response.content.decode()  # type: ignore[attr-defined]


def test_history_tables_have_no_history_page_of_their_own(client: Client, superuser: User) -> None:
    organisation = f.OrganisationFactory.create()
    version = organisation.history.get()
    client.force_login(superuser)

    response = client.get(f"/history/registry/historicalorganisation/{version.history_id}/")

    assert response.status_code == 404


def test_a_change_of_thematic_areas_is_in_the_history(client: Client, superuser: User) -> None:
    """Many-to-many fields are tracked too: which areas were added or taken away."""
    seniors = f.ThematicAreaFactory.create(name_en="Seniors")
    youth = f.ThematicAreaFactory.create(name_en="Youth")
    organisation = f.OrganisationFactory.create(name="Fundacja Obszarów")
    update_organisation(organisation, areas=[seniors], by=superuser)
    update_organisation(organisation, areas=[youth], by=superuser)
    client.force_login(superuser)

    entries = client.get(history_url(organisation)).context["entries"]

    latest = {change.field: change for change in entries[0].changes}
    assert (latest["areas"].old, latest["areas"].new) == (str(seniors), str(youth))
    first_change = {change.field: change for change in entries[1].changes}
    assert first_change["areas"].new == str(seniors)
