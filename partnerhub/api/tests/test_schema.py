"""The OpenAPI schema: served, documented locally, and equal to the committed snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.test import Client
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer

SNAPSHOT = Path(__file__).resolve().parents[1] / "schema.yaml"
REFRESH = "make api-schema"


def generated_schema() -> str:
    """The schema as ``manage.py spectacular`` writes it (in English)."""
    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return OpenApiYamlRenderer().render(schema, renderer_context={}).decode("utf-8")


def test_the_schema_equals_the_committed_snapshot() -> None:
    """An API change is deliberate: refresh the snapshot with `make api-schema` and commit it."""
    assert SNAPSHOT.exists(), f"No schema snapshot: run `{REFRESH}`."
    assert generated_schema() == SNAPSHOT.read_text(encoding="utf-8"), (
        f"The API schema differs from partnerhub/api/schema.yaml: review the change, then run "
        f"`{REFRESH}` and commit the snapshot."
    )


@pytest.mark.django_db
def test_the_schema_is_served_as_openapi_3(client: Client) -> None:
    response = client.get("/api/schema/")

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/projects/{id}/" in schema["paths"]
    assert set(schema["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_the_documentation_is_served_without_a_cdn(client: Client, page: str) -> None:
    response = client.get(page)

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn." not in html
    assert "unpkg" not in html


@pytest.mark.django_db
def test_the_browsable_root_lists_collections_and_the_schema(client: Client) -> None:
    body = client.get("/api/", headers={"Accept": "application/json"}).json()

    assert body["projects"].endswith("/api/projects/")
    assert body["schema"].endswith("/api/schema/")
    assert body["docs"].endswith("/api/docs/")
    assert client.get("/api/", headers={"Accept": "text/html"}).status_code == 200
