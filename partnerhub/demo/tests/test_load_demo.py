"""``load_demo`` puts the five cases into the database with the figures their sources state."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.http import HttpRequest
from django.test import RequestFactory

from partnerhub.access.models import RoleAssignment
from partnerhub.consultation.models import LocalProblem
from partnerhub.core.choices import Sector
from partnerhub.events.models import Event
from partnerhub.partnerships.models import Partnership
from partnerhub.projects.models import Project
from partnerhub.registry.models import Organisation
from partnerhub.registry.services import create_organisation
from partnerhub.results.models import Goal

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "partnerhub-demo"


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo() -> str:
    return run_load_demo()


def row_counts() -> dict[str, int]:
    """Rows of every model of every Partnerhub app, plus users and groups."""
    models = [m for m in apps.get_models() if m.__module__.startswith("partnerhub.")]
    models += [User, Group]
    return {m._meta.label: m._default_manager.count() for m in models}


def test_kuznia_card_has_every_field_as_on_the_card(demo: str) -> None:
    project = Project.objects.get(title="Kuźnia Ekspertów – wsparcie III sektora Warmii i Mazur")

    assert project.support_area is not None
    assert project.support_area.code == "civic-sector-development"
    assert project.seat is not None
    assert (project.seat.country, project.seat.code, project.seat.name) == (
        "PL",
        "2861011",
        "Elbląg",
    )
    voivodeship = project.seat.ancestor_at("voivodeship")
    assert voivodeship is not None
    assert voivodeship.code == "28"
    assert project.partners.count() == 0
    assert project.partner_count == 0
    assert project.lead_organisation is None
    assert project.start == datetime.date(2021, 4, 1)
    assert project.end == datetime.date(2023, 9, 30)
    assert project.period_precision == "day"
    assert project.status == "completed"
    assert project.currency == "EUR"
    assert project.total_cost == Decimal("137476.00")
    assert project.grant == Decimal("137476.00")
    assert project.cofinancing is None
    assert project.reach == "regional"
    assert list(project.activity_types.all()) == []
    assert list(project.target_groups.all()) == []
    assert project.problem
    assert project.activities
    assert project.beneficiaries
    assert project.funding_programme is not None
    assert project.funding_programme.instrument == "eea_norway_grants"
    assert "wnioskiem" in project.description  # the funding link is marked as inferred


def test_kuznia_indicators_are_exact(demo: str) -> None:
    project = Project.objects.get(title__startswith="Kuźnia Ekspertów")
    indicators = {
        (i.kind, i.unit, i.achieved, i.achieved_qualifier, i.target)
        for i in project.indicators.all()
    }
    assert indicators == {
        ("output", "hours", Decimal("328.00"), "exact", None),
        ("output", "hours", Decimal("511.00"), "exact", None),
        ("output", "sessions", Decimal("27.00"), "exact", None),
        ("output", "projects", Decimal("20.00"), "exact", None),
        ("output", "documents", Decimal("6.00"), "exact", None),
        ("result", "organisations", Decimal("337.00"), "over", None),
    }
    names = dict(project.indicators.values_list("name", "achieved"))
    assert names["Szkolenia"] == Decimal(328)
    assert names["Doradztwo"] == Decimal(511)


def test_muflon_has_12_members_2006_to_2010_and_an_equal_project_over_8_million_pln(
    demo: str,
) -> None:
    muflon = Partnership.objects.get(name="Partnerstwo Muflon")

    assert muflon.member_count == 12
    assert muflon.declared_member_count == 12
    assert (muflon.start, muflon.end) == (datetime.date(2006, 1, 1), datetime.date(2010, 12, 31))
    assert muflon.period_precision == "year"
    project = muflon.projects.get()
    assert project.funding_programme is not None
    assert project.funding_programme.instrument == "equal"
    assert project.currency == "PLN"
    assert project.total_cost == Decimal("8000000.00")
    outcomes = dict(muflon.indicators.values_list("unit", "achieved_qualifier"))
    assert outcomes == {"groups": "over", "organisations": "exact"}
    assert set(muflon.indicators.values_list("achieved", flat=True)) == {Decimal(30), Decimal(16)}


def test_owes_network_grew_out_of_muflon(demo: str) -> None:
    owes = Partnership.objects.get(short_name="Sieć OWES")

    assert list(owes.grew_out_of.values_list("name", flat=True)) == ["Partnerstwo Muflon"]
    assert owes.kind == "network"
    ngos = owes.indicators.get(unit="organisations")
    assert (ngos.achieved, ngos.achieved_qualifier) == (Decimal(10), "at_least")
    assert owes.indicators.get(unit="partnerships").achieved == Decimal(6)


def test_subregion_sudety_has_exactly_its_11_named_members(demo: str) -> None:
    sudety = Partnership.objects.get(name="Partnerstwo Subregion Sudety")

    assert sudety.memberships.count() == 11
    assert sudety.member_count == 11
    assert set(sudety.memberships.values_list("organisation__name", flat=True)) == {
        "Urząd Województwa Dolnośląskiego",
        "Gmina Świeradów-Zdrój",
        "Gmina Karpacz",
        "Gmina Szklarska Poręba",
        "KGHM Towarzystwo Funduszy Inwestycyjnych S.A.",
        "Uzdrowisko Świeradów-Czerniawa sp. z o.o.",
        "Interferie S.A.",
        "Grupa Kapitałowa Sobiesław Zasada S.A.",
        "Stowarzyszenie Forum Aktywności Lokalnej",
        "Centrum Wspierania Inicjatyw Pozarządowych",
        "Uniwersytet Ekonomiczny we Wrocławiu",
    }
    assert (sudety.kind, sudety.start, sudety.period_precision) == (
        "public_private_partnership",
        datetime.date(2014, 9, 1),
        "month",
    )


def test_organisations_shared_between_cases_exist_once(demo: str) -> None:
    for name in (
        "Stowarzyszenie Forum Aktywności Lokalnej",
        "Uzdrowisko Świeradów-Czerniawa sp. z o.o.",
        "Urząd Marszałkowski Województwa Dolnośląskiego",
    ):
        assert Organisation.objects.filter(name=name).count() == 1
    fal = Organisation.objects.get(short_name="FAL")
    assert Partnership.objects.with_member(fal.pk).count() >= 10
    spa = Organisation.objects.get(name="Uzdrowisko Świeradów-Czerniawa sp. z o.o.")
    assert set(Partnership.objects.with_member(spa.pk).values_list("name", flat=True)) == {
        "Klaster Polski Radon",
        "Partnerstwo Subregion Sudety",
    }


def test_3p4sse_has_12_partners_5_workshops_74_participants_6_priorities_4_goals(demo: str) -> None:
    project = Project.objects.get(acronym="3P4SSE")

    assert project.partner_count == 12
    assert set(project.partners.values_list("organisation__short_name", flat=True)) == {
        "DOPS",
        "ARLEG",
    }
    workshops = Event.objects.filter(project=project, event_type="workshop")
    assert workshops.count() == 5
    assert set(workshops.values_list("territory__code", flat=True)) == {
        "IT",
        "HR",
        "SI",
        "HU",
        "PL",
    }
    assert all(start is None for start in workshops.values_list("start", flat=True))
    participants = project.indicators.get(unit="persons")
    assert (participants.achieved, participants.achieved_qualifier) == (Decimal(74), "exact")
    goals = Goal.objects.filter(project=project)
    assert goals.filter(kind="priority").count() == 6
    assert goals.filter(kind="action_plan_goal").count() == 4
    assert set(goals.values_list("territory__code", flat=True)) == {"02"}


def test_postojna_pilot_has_all_three_sectors_and_its_hub(demo: str) -> None:
    hub = Organisation.objects.get(name="Regionalno stičišče NVO Primorsko-notranjske regije")
    pilot = Partnership.objects.get(hub=hub)

    balance = pilot.sector_balance()
    assert balance.is_three_sector
    assert set(balance.present) == {Sector.PUBLIC, Sector.PRIVATE, Sector.CIVIL}
    assert (pilot.kind, pilot.stage) == ("local_partnership", "building")
    assert (hub.is_hub, hub.country, hub.address, hub.postal_code) == (
        True,
        "SI",
        "Vilharjeva ulica 14",
        "6230",
    )
    assert hub.seat is not None
    assert hub.seat.code == "094"
    problem = pilot.problems.get()
    assert problem.status == "published"
    assert LocalProblem.objects.public().filter(pk=problem.pk).exists()
    goal = hub.goals.get(indicator__isnull=False)
    assert goal.indicator is not None
    assert goal.indicator.target == Decimal(1)


def test_swppg_targets_and_programmes(demo: str) -> None:
    teams = Partnership.objects.get(
        memberships__organisation__short_name="SWPPG", kind="project_consortium"
    )

    assert teams.memberships.filter(person__isnull=False, role="partner").count() == 8
    assert teams.memberships.filter(person__isnull=False, role="expert").exists()
    assert teams.programmes.filter(status="draft").count() == 4
    targets = dict(teams.indicators.values_list("unit", "target"))
    assert targets["counties"] == Decimal(18)
    assert targets["persons"] == Decimal(18)
    assert targets["events"] == Decimal(4)
    assert not teams.indicators.filter(achieved__isnull=False).exists()
    network = Partnership.objects.get(name="Sieć Działamy Razem")
    assert network.memberships.filter(organisation__short_name="SWPPG").exists()


def test_running_load_demo_again_changes_nothing(demo: str) -> None:
    before = row_counts()

    output = run_load_demo()

    assert row_counts() == before
    assert "skipped" in output
    assert "coordinator" in output  # the logins are printed even when skipped


def sign_in_request() -> HttpRequest:
    """django-axes (brute-force protection) needs the request of every sign-in."""
    return RequestFactory().post("/accounts/login/")


def test_demo_users_exist_and_can_log_in(demo: str) -> None:
    for username in ("admin", "hub", "coordinator", "representative", "citizen"):
        assert (
            authenticate(sign_in_request(), username=username, password=DEMO_PASSWORD) is not None
        ), username
        assert username in demo
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.get(username="hub").is_staff  # the admin is for site administrators
    assert not User.objects.get(username="citizen").is_staff
    assert User.objects.get(username="hub").groups.filter(name="Hub staff").exists()
    roles = {
        (a.user.username, a.role, str(a.organisation or a.partnership))
        for a in RoleAssignment.objects.select_related("user", "organisation", "partnership")
    }
    assert roles == {
        ("hub", "hub_staff", "Regionalno stičišče NVO Primorsko-notranjske regije"),
        ("coordinator", "coordinator", "Pilotno lokalno partnerstvo Postojna"),
        ("representative", "representative", "Stowarzyszenie Forum Aktywności Lokalnej"),
    }
    representative = User.objects.get(username="representative")
    affiliation = representative.person.affiliations.get()
    assert affiliation.is_representative
    assert affiliation.organisation.short_name == "FAL"


def test_load_demo_leaves_a_database_with_organisations_alone() -> None:
    create_organisation(name="Stowarzyszenie Istniejące", sector=Sector.CIVIL)
    before = row_counts()

    output = run_load_demo()

    assert row_counts() == before
    assert "skipped" in output


def test_an_existing_user_keeps_its_password() -> None:
    User.objects.create_user(username="admin", password="someone-elses-password")

    output = run_load_demo()

    assert Organisation.objects.exists()
    assert authenticate(sign_in_request(), username="admin", password=DEMO_PASSWORD) is None
    assert (
        authenticate(sign_in_request(), username="admin", password="someone-elses-password")
        is not None
    )
    assert authenticate(sign_in_request(), username="hub", password=DEMO_PASSWORD) is not None
    assert "keep their own passwords: admin" in output
