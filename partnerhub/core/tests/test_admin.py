"""The staff admin: every page of every registered model opens, and writes use the services."""

from __future__ import annotations

from unittest import mock

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.core import checks
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse

from partnerhub.core import admin as core_admin
from partnerhub.core.services import save_validated
from partnerhub.core.tests.factories import UserFactory, factory_for
from partnerhub.core.tests.helpers import inline_management_data
from partnerhub.registry.models import Organisation

pytestmark = pytest.mark.django_db

# Partnerhub's own models (django-axes and the audit trail register their own admin pages).
REGISTERED = sorted(
    (model for model in admin.site._registry if model.__module__.startswith("partnerhub.")),
    key=lambda model: model._meta.label,
)


def _url(model: type[models.Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_domain_model_is_edited_in_the_admin() -> None:
    """Registered with its own pages, or edited as an inline of a registered model."""
    domain_apps = {"registry", "partnerships", "projects", "results", "events", "consultation"}
    inlined = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in domain_apps
        and not model.__name__.startswith("Historical")  # the audit trail, read-only
        and model not in admin.site._registry
        and model not in inlined
    ]
    assert missing == []


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_every_admin_page_opens(staff_client: Client, model: type[models.Model]) -> None:
    record = factory_for(model).create()
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = superuser_of(staff_client)
    # Some records are only made by a service (an agreement's versions): no add page.
    adds = [_url(model, "add")] if model_admin.has_add_permission(request) else []
    for url in (
        _url(model, "changelist"),
        *adds,
        _url(model, "change", record.pk),
        _url(model, "delete", record.pk),
        _url(model, "history", record.pk),
    ):
        response = staff_client.get(url)
        assert response.status_code == 200, url


def superuser_of(client: Client) -> User:
    return User.objects.get(pk=client.session["_auth_user_id"])


def test_admin_pages_are_for_staff_only(client: Client) -> None:
    response = client.get(_url(Organisation, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_staff_flag_alone_does_not_open_the_admin(client: Client) -> None:
    """Only site administrators use the admin: its lists are not narrowed by roles."""
    client.force_login(UserFactory.create(is_staff=True, is_superuser=False))
    for url in (reverse("admin:index"), _url(Organisation, "changelist")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login"))


def test_an_admin_save_goes_through_save_validated(staff_client: Client, superuser: User) -> None:
    url = _url(Organisation, "add")
    data = inline_management_data(staff_client, url) | {
        "name": "Fundacja Nowa",
        "sector": "civil",
        "legal_form": "foundation",
        "country": "PL",
        "nip": "5252248481",
        "status": "active",
    }
    with mock.patch.object(core_admin, "save_validated", wraps=save_validated) as service:
        response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    org = Organisation.objects.get(name="Fundacja Nowa")
    service.assert_called_once_with(org, by=superuser)


def test_the_admin_shows_a_rule_broken_in_clean_on_its_field(staff_client: Client) -> None:
    url = _url(Organisation, "add")
    data = inline_management_data(staff_client, url) | {
        "name": "Zavod Novi",
        "sector": "civil",
        "legal_form": "other",
        "country": "SI",
        "nip": "5252248481",
        "status": "active",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "nip": ["This identifier applies only to organisations registered in PL."]
    }
    assert not Organisation.objects.exists()


def test_the_admin_configuration_passes_djangos_checks() -> None:
    """Autocomplete targets have search fields, listed fields exist, inlines have their keys."""
    assert checks.run_checks(tags=[checks.Tags.admin]) == []
