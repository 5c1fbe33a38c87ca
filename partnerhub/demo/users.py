"""Demo users, one per foreseen role, and the table of their logins.

Each role is a role assignment over its scope (partnerhub.access): the hub user works for
the Postojna hub, the coordinator coordinates the Postojna pilot partnership, the
representative acts for FAL. The Django groups of the same names only label users in the
admin; permissions come from the assignments. Every demo user shares one documented
password, for demonstration only. Users other than the site administrator are linked to an
invented person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerhub.access.choices import Role
from partnerhub.access.services import grant_role
from partnerhub.demo import places
from partnerhub.demo.context import DemoContext
from partnerhub.partnerships.models import Partnership
from partnerhub.registry.services import create_affiliation, create_person

PILOT_PARTNERSHIP = "Pilotno lokalno partnerstvo Postojna"
DEMO_PASSWORD = "partnerhub-demo"  # noqa: S105 - documented demo password, demo users only
EMAIL_DOMAIN = "example.org"

HUB_STAFF = "Hub staff"
PARTNERSHIP_COORDINATORS = "Partnership coordinators"
ORGANISATION_REPRESENTATIVES = "Organisation representatives"
REGISTERED_USERS = "Registered users"
ROLE_GROUPS = (HUB_STAFF, PARTNERSHIP_COORDINATORS, ORGANISATION_REPRESENTATIVES, REGISTERED_USERS)


@dataclass(frozen=True)
class DemoPerson:
    """The invented person behind a demo user, and whom they represent (if anyone)."""

    first_name: str
    last_name: str
    title: str
    organisation_key: str | None = None


@dataclass(frozen=True)
class DemoLogin:
    """One demo user: its role, what to try with it, and how it is set up."""

    username: str
    role: Promise
    try_this: Promise
    group: str | None = None
    is_staff: bool = False
    is_superuser: bool = False
    person: DemoPerson | None = None
    #: The role granted, and over what: an organisation key, or a partnership's name.
    grant: tuple[Role, str] | None = None


DEMO_LOGINS = (
    DemoLogin(
        username="admin",
        role=_("site administrator"),
        try_this=_("Browse and edit every record in the admin (/admin/)."),
        is_staff=True,
        is_superuser=True,
    ),
    DemoLogin(
        username="hub",
        role=_("hub staff (Postojna hub)"),
        try_this=_("Follow the hub's goals and facilitate the Postojna pilot partnership."),
        group=HUB_STAFF,
        person=DemoPerson("Maja", "Zgledna", "sodelavka stičišča (demo oseba)", "postojna_hub"),
        grant=(Role.HUB_STAFF, "postojna_hub"),
    ),
    DemoLogin(
        username="coordinator",
        role=_("partnership coordinator (Postojna pilot)"),
        try_this=_(
            "Coordinate the pilot partnership: members, responsibilities, the local problem."
        ),
        group=PARTNERSHIP_COORDINATORS,
        person=DemoPerson(
            "Luka", "Primer", "koordinator pilotnega partnerstva (demo oseba)", "demo_ngo_postojna"
        ),
        grant=(Role.COORDINATOR, PILOT_PARTNERSHIP),
    ),
    DemoLogin(
        username="representative",
        role=_("organisation representative (FAL)"),
        try_this=_(
            "Act for Forum Aktywności Lokalnej: its portfolio of partnerships and projects."
        ),
        group=ORGANISATION_REPRESENTATIVES,
        person=DemoPerson(
            "Anna", "Przykładowa", "przedstawicielka stowarzyszenia (osoba przykładowa)", "fal"
        ),
        grant=(Role.REPRESENTATIVE, "fal"),
    ),
    DemoLogin(
        username="citizen",
        role=_("registered user"),
        try_this=_("Browse the directory and raise a local problem."),
        group=REGISTERED_USERS,
        person=DemoPerson("Jan", "Demowski", "mieszkaniec (osoba przykładowa)"),
    ),
)


def create_demo_users(ctx: DemoContext) -> list[str]:
    """Create the role groups and the demo users with their invented people.

    A username that already exists is left as it is (its password is not reset); the
    usernames left alone are returned.
    """
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_GROUPS}
    existing = set(
        User.objects.filter(username__in=[d.username for d in DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    )
    for login in DEMO_LOGINS:
        if login.username in existing:
            continue
        user = User(
            username=login.username,
            email=f"{login.username}@{EMAIL_DOMAIN}",
            is_staff=login.is_staff,
            is_superuser=login.is_superuser,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        if login.group:
            user.groups.add(groups[login.group])
        if login.person:
            _create_person(ctx, user, login.person)
        if login.grant:
            _grant(ctx, user, *login.grant)
    return sorted(existing)


def _grant(ctx: DemoContext, user: User, role: Role, scope: str) -> None:
    if role == Role.COORDINATOR:
        grant_role(user, role, partnership=Partnership.objects.get(name=scope))
    else:
        grant_role(user, role, organisation=ctx.organisation(scope))


def _create_person(ctx: DemoContext, user: User, spec: DemoPerson) -> None:
    person = create_person(
        first_name=spec.first_name,
        last_name=spec.last_name,
        title=spec.title,
        user=user,
        territory=None if spec.organisation_key else ctx.unit(places.DOLNOSLASKIE),
    )
    if spec.organisation_key:
        create_affiliation(
            person,
            ctx.organisation(spec.organisation_key),
            role=spec.title,
            is_representative=True,
        )


def login_table() -> str:
    """The demo logins that exist in the database, as a plain-text table for the console."""
    present = set(
        User.objects.filter(username__in=[d.username for d in DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    )
    logins = [login for login in DEMO_LOGINS if login.username in present]
    if not logins:
        return gettext("No demo users exist in this database.")
    header = (gettext("role"), gettext("username"), gettext("password"), gettext("what to try"))
    rows = [header] + [(str(d.role), d.username, DEMO_PASSWORD, str(d.try_this)) for d in logins]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    rule = "  ".join("-" * width for width in [*widths, max(len(row[-1]) for row in rows)])
    lines = [gettext("Demo logins (for demonstration only; change or remove them on a real site):")]
    for number, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]))
        if number == 0:
            lines.append(rule)
    return "\n".join(lines)
