"""After a person is erased, nothing Partnerhub shows or keeps names them; counts stay right."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from partnerhub.audit.models import AuditEvent, AuditEventKind
from partnerhub.consultation.models import LocalProblem
from partnerhub.events.models import AttendanceCount, Registration
from partnerhub.opendata.exporters import FORMATS
from partnerhub.opendata.specs import ALL_SPECS, PUBLIC_SPECS
from partnerhub.privacy.models import Consent, Erasure
from partnerhub.privacy.scrub import historical_models, text_fields
from partnerhub.privacy.services import ERASED_FIRST_NAME, erase_person
from partnerhub.privacy.tests.conftest import EMAIL, NAME, Subject
from partnerhub.registry.models import Person
from partnerhub.search.selectors import search

pytestmark = pytest.mark.django_db


def text_of(response: object) -> str:
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    else:
        data = response.content  # type: ignore[attr-defined]
    if response["Content-Type"].startswith("application/zip"):  # type: ignore[index]
        archive = zipfile.ZipFile(io.BytesIO(data))
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    if "spreadsheet" in response["Content-Type"]:  # type: ignore[index]
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return data.decode("utf-8")


def history_url(record: object) -> str:
    opts = record._meta  # type: ignore[attr-defined]
    return reverse(
        "audit:history",
        kwargs={"app_label": opts.app_label, "model_name": opts.model_name, "pk": record.pk},  # type: ignore[attr-defined]
    )


def pages(s: Subject) -> Iterator[str]:
    """Every page that showed the person before the erasure, for a site administrator."""
    yield reverse("api:person-list")
    yield reverse("api:person-detail", args=[s.person.pk])
    yield reverse("api:membership-list")
    yield reverse("api:membership-detail", args=[s.membership.pk])
    yield reverse("api:affiliation-list")
    yield reverse("api:localproblem-list")
    yield reverse("api:localproblem-detail", args=[s.problem.pk])
    yield reverse("opendata:popolo")
    yield reverse("opendata:popolo-staff")
    yield reverse("opendata:data-package")
    for spec in ALL_SPECS:
        for export_format in FORMATS:
            kwargs = {"resource": spec.name, "export_format": export_format}
            yield reverse("opendata:staff-list-export", kwargs=kwargs)
            if spec in PUBLIC_SPECS:
                yield reverse("opendata:list-export", kwargs=kwargs)
    for record in (s.person, s.membership, s.affiliation, s.registration, s.problem):
        yield history_url(record)
    yield reverse("admin:index")
    yield reverse("admin:registry_person_change", args=[s.person.pk])
    yield reverse("admin:registry_person_history", args=[s.person.pk])
    yield reverse("admin:registry_person_changelist")
    yield reverse("admin:auth_user_change", args=[s.user.pk])
    yield reverse("admin:auth_user_changelist")
    yield reverse("admin:consultation_localproblem_change", args=[s.problem.pk])
    yield reverse("admin:partnerships_membership_change", args=[s.membership.pk])


def shown(client: Client, s: Subject) -> dict[str, str]:
    texts = {}
    for url in pages(s):
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = text_of(response)
    return texts


def attendance_by_sector() -> tuple[Counter[str], Counter[str]]:
    registrations = Counter(Registration.objects.values_list("sector", flat=True))
    counts: Counter[str] = Counter()
    for sector, count in AttendanceCount.objects.values_list("sector", "count"):
        counts[sector] += count
    return registrations, counts


def test_after_erasure_nothing_names_the_person(
    subject: Subject,
    superuser: User,
    client: Client,
    settings: Settings,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.OPEN_DATA_DIR = tmp_path
    client.force_login(superuser)
    full_name = f"{NAME[0]} {NAME[1]}"
    before = shown(client, subject)
    assert any(full_name in text or NAME[1] in text for text in before.values())
    assert any(EMAIL in text for text in before.values())
    assert search(NAME[1], public_only=False)
    totals = attendance_by_sector()

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(subject.person, by=superuser)

    after = shown(client, subject)
    leaks = {
        url: [secret for secret in subject.secrets if secret in text] for url, text in after.items()
    }
    assert {url: found for url, found in leaks.items() if found} == {}
    assert "jan.nowicki@example.pl" in after[reverse("api:person-list")]  # others stay
    for secret in subject.secrets:
        assert search(secret, public_only=False) == [], secret
    assert search("Nowicki", public_only=False)
    for model in historical_models():
        fields = text_fields(model)
        for row in model._default_manager.values_list(*fields) if fields else []:
            text = " ".join(value or "" for value in row)
            assert not [s for s in subject.secrets if s in text], model._meta.label
    assert attendance_by_sector() == totals


def test_the_record_stays_anonymous_and_links_are_cut(subject: Subject, superuser: User) -> None:
    registrations = Registration.objects.filter(person=subject.person).count()

    summary = erase_person(subject.person, by=superuser)

    person = Person.objects.get(pk=subject.person.pk)
    assert person.first_name == ERASED_FIRST_NAME
    # A random marker of 8 hex digits, not the id (which would let anyone link the records).
    assert re.fullmatch(r"[0-9a-f]{8}", person.last_name)
    assert person.last_name != str(person.pk)
    assert (person.email, person.phone, person.address, person.title) == ("", "", "", "")
    assert person.user is None and person.territory is None and not person.areas.exists()
    user = User.objects.get(pk=subject.user.pk)
    assert not user.is_active and not user.has_usable_password()
    assert (user.email, user.first_name, user.last_name) == ("", "", "")
    assert user.username.startswith("erased-")
    assert not Consent.objects.in_force().filter(user=user).exists()
    problem = LocalProblem.objects.get(pk=subject.problem.pk)
    assert problem.raised_by_person is None and problem.submitted_by is None
    assert "[erased]" in problem.description
    assert Registration.objects.filter(person=person).count() == registrations
    assert summary.account_scrubbed and summary.problems_unlinked == 1
    erasure = Erasure.objects.get(person=person)
    assert (erasure.erased_by, erasure.account) == (superuser, user)
    event = AuditEvent.objects.get(kind=AuditEventKind.ERASURE)
    assert event.actor == superuser and event.object_id == person.pk
    assert NAME[1] not in str(event.summary)
    latest = Person.history.filter(id=person.pk).latest("history_date")
    assert (latest.history_user, latest.history_change_reason) == (superuser, "erasure")


def test_a_person_is_erased_once(subject: Subject, superuser: User) -> None:
    erase_person(subject.person, by=superuser)

    with pytest.raises(ValidationError):
        erase_person(subject.person, by=superuser)


def test_the_erase_page_is_for_site_admins_and_asks_for_confirmation(
    subject: Subject, superuser: User, client: Client
) -> None:
    url = reverse("privacy:erase", args=[subject.person.pk])
    client.force_login(subject.hub_staff)
    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "on"}).status_code == 404

    client.force_login(superuser)
    assert client.get(url).status_code == 200
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 200
    assert not Erasure.objects.exists()

    confirmed = client.post(url, {"confirm": "on"})

    assert confirmed.status_code == 302
    assert Erasure.objects.filter(person=subject.person).exists()
    assert NAME[1] not in client.get(url).content.decode()


def test_the_erase_person_command(subject: Subject) -> None:
    out = StringIO()

    call_command("erase_person", str(subject.person.pk), stdout=out)

    assert f"Person #{subject.person.pk} erased." in out.getvalue()
    assert Person.objects.get(pk=subject.person.pk).first_name == ERASED_FIRST_NAME
    assert Erasure.objects.get().erased_by is None
