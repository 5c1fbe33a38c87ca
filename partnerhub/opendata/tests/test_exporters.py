"""CSV, XLSX and JSON exports: streamed, injection-safe, typed, and constant in queries."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, cast
from unittest import mock

import openpyxl
import pytest
from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from pytest_django.fixtures import DjangoAssertNumQueries

from partnerhub.core.choices import Visibility
from partnerhub.core.tests.factories import (
    AttendanceCountFactory,
    EventFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ThematicAreaFactory,
)
from partnerhub.opendata.exporters import export_response
from partnerhub.opendata.specs import (
    ALL_SPECS,
    Column,
    ExportSpec,
    StaffOnlyExportError,
    get_spec,
    get_spec_for,
)
from partnerhub.opendata.tests.helpers import body as streamed_body
from partnerhub.registry.models import Organisation
from partnerhub.territory.models import TerritorialUnit

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil")'


def body(response: HttpResponseBase) -> bytes:
    assert isinstance(response, StreamingHttpResponse | FileResponse)
    return streamed_body(response)


def csv_records(response: HttpResponseBase) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))


def xlsx_rows(response: HttpResponseBase) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    return list(workbook.active.iter_rows(values_only=True))


def export(spec: ExportSpec, export_format: str = "csv", **options: Any) -> HttpResponseBase:
    """An export of every record of the spec's model."""
    return export_response(spec.model._default_manager.all(), spec, export_format, **options)


def counting_spec(read: list[int]) -> ExportSpec:
    """A spec whose one column notes every record it reads."""

    def note(organisation: Organisation) -> int:
        read.append(organisation.pk)
        return organisation.pk

    return ExportSpec(
        name="organisations",
        title="Organisations",
        model=Organisation,
        columns=(Column("id", "ID", "integer", value=note),),
    )


@pytest.mark.parametrize("export_format", ["csv", "json"])
def test_csv_and_json_stream_records_as_they_are_read(export_format: str) -> None:
    OrganisationFactory.create_batch(30)
    read: list[int] = []
    queryset = Organisation.objects.order_by("pk")
    response = export_response(queryset, counting_spec(read), export_format, chunk_size=10)

    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    # The whole queryset is never loaded (iterator(), not a cached evaluation).
    with mock.patch.object(QuerySet, "_fetch_all", side_effect=AssertionError("loaded whole")):
        chunks = iter(cast(Iterator[bytes], response.streaming_content))
        next(chunks)  # the opening: CSV header or "["
        assert read == []
        next(chunks)
        assert len(read) == 10  # only the first chunk has been read when it is sent
        rest = b"".join(chunks)
    assert len(read) == 30
    assert rest


def test_csv_header_is_the_column_names_and_values_are_plain() -> None:
    organisation = OrganisationFactory.create(name="Fundacja Test", founded_on="2020-05-04")
    response = export_response(Organisation.objects.all(), get_spec("organisations"), "csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="organisations.csv"'
    [record] = csv_records(response)
    assert record["id"] == str(organisation.pk)
    assert record["name"] == "Fundacja Test"
    assert record["founded_on"] == "2020-05-04"
    assert record["is_hub"] == "false"
    assert record["seat_code"] == ""


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_formula_in_any_text_cell_is_neutralised(export_format: str) -> None:
    area = ThematicAreaFactory.create(code="=cmd")
    OrganisationFactory.create(name=EVIL, short_name="@SUM(1)", description="-1+1", areas=[area])
    spec = get_spec("organisations")
    response = export_response(Organisation.objects.all(), spec, export_format)

    if export_format == "csv":
        [record] = csv_records(response)
        cells = dict(record)
    else:
        header, row = xlsx_rows(response)
        cells = dict(zip(header, row, strict=True))
    assert cells["name"] == "'" + EVIL
    assert cells["short_name"] == "'@SUM(1)"
    assert cells["description"] == "'-1+1"
    assert cells["areas"] == "'=cmd"


def test_xlsx_writes_numbers_as_numbers_and_dates_as_dates() -> None:
    ProjectFactory.create(title="-minus", total_cost=Decimal("137476.00"), grant=None)
    negative = ExportSpec(
        name="projects",
        title="Projects",
        model=get_spec("projects").model,
        columns=(
            Column("title", "title"),
            Column("balance", "balance", "number", value=lambda p: Decimal("-5.00")),
            Column("total_cost", "total cost", "number"),
            Column("start", "start", "date"),
        ),
    )
    response = export(negative, "xlsx")
    assert isinstance(response, FileResponse)
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    row = next(workbook.active.iter_rows(min_row=2))
    title, balance, total_cost, start = row
    assert title.value == "'-minus"
    assert balance.data_type == "n"
    assert balance.value == -5
    assert total_cost.value == 137476
    assert start.is_date
    assert start.value.date().isoformat() == "2024-01-01"


def test_csv_writes_a_negative_number_unquoted() -> None:
    ProjectFactory.create()
    spec = ExportSpec(
        name="projects",
        title="Projects",
        model=get_spec("projects").model,
        columns=(Column("balance", "balance", "number", value=lambda p: Decimal("-5.00")),),
    )
    response = export(spec)
    assert body(response) == b"balance\r\n-5.00\r\n"


def test_json_is_an_array_of_objects_keyed_by_column_name() -> None:
    project = ProjectFactory.create(title=EVIL, total_cost=Decimal("137476.00"), currency="EUR")
    response = export_response(project.__class__.objects.all(), get_spec("projects"), "json")

    assert response["Content-Type"] == "application/json"
    [record] = json.loads(body(response))
    assert record["id"] == project.pk
    assert record["title"] == EVIL  # JSON is no spreadsheet: text stays as it is
    assert record["total_cost"] == "137476.00"
    assert record["currency"] == "EUR"
    assert record["start"] == "2024-01-01"
    assert record["activity_types"] == []


def test_public_exports_hold_published_records_and_no_staff_columns() -> None:
    ProjectFactory.create(title="Public one")
    ProjectFactory.create(title="Internal one", visibility=Visibility.INTERNAL)
    spec = get_spec("projects")

    public = csv_records(export(spec))
    staff = csv_records(export(spec, public=False))

    assert [r["title"] for r in public] == ["Public one"]
    assert "visibility" not in public[0]
    assert sorted(r["title"] for r in staff) == ["Internal one", "Public one"]


def test_a_link_to_an_unpublished_record_is_blank_in_public_exports() -> None:
    internal = PartnershipFactory.create(visibility=Visibility.INTERNAL)
    published = PartnershipFactory.create()
    ProjectFactory.create(title="A", partnership=internal)
    ProjectFactory.create(title="B", partnership=published)
    spec = get_spec("projects")

    public = {r["title"]: r for r in csv_records(export(spec))}
    staff = {r["title"]: r for r in csv_records(export(spec, public=False))}
    assert public["A"]["partnership_id"] == ""
    assert public["B"]["partnership_id"] == str(published.pk)
    assert staff["A"]["partnership_id"] == str(internal.pk)


def test_people_are_never_exported_publicly() -> None:
    PersonFactory.create()
    spec = get_spec("people")
    with pytest.raises(StaffOnlyExportError):
        export(spec)
    [record] = csv_records(export(spec, public=False))
    assert set(record) == {
        "id", "first_name", "last_name", "title", "territory_id", "territory_code",
        "territory_name", "areas",
    }  # fmt: skip


def test_public_memberships_are_organisations_only() -> None:
    membership = MembershipFactory.create()
    MembershipFactory.create(
        partnership=membership.partnership, organisation=None, person=PersonFactory.create()
    )
    spec = get_spec("memberships")
    public = csv_records(export(spec))
    staff = csv_records(export(spec, public=False))

    assert [r["organisation_id"] for r in public] == [str(membership.organisation_id)]
    assert "person_name" not in public[0]
    assert len(staff) == 2
    assert any(r["person_name"] for r in staff)


def test_an_unknown_format_is_refused_before_anything_is_read() -> None:
    with pytest.raises(ValueError, match="pdf"):
        export_response(Organisation.objects.all(), get_spec("organisations"), "pdf")


def test_a_spec_refuses_another_models_queryset() -> None:
    spec = get_spec("organisations")
    with pytest.raises(TypeError):
        list(spec.records(TerritorialUnit.objects.all(), public=True))


def _grow_projects(count: int) -> None:
    for _ in range(count):
        project = ProjectFactory.create()
        project.areas.add(ThematicAreaFactory.create())
        ProjectPartnerFactory.create(project=project)


def _grow_events(count: int) -> None:
    for _ in range(count):
        event = EventFactory.create()
        event.organisers.add(OrganisationFactory.create())
        AttendanceCountFactory.create(event=event)


def _grow_partnerships(count: int) -> None:
    for _ in range(count):
        MembershipFactory.create(partnership=PartnershipFactory.create())


@pytest.mark.parametrize(
    ("resource", "grow"),
    [("projects", _grow_projects), ("events", _grow_events), ("partnerships", _grow_partnerships)],
)
def test_queries_stay_constant_as_records_grow(
    resource: str,
    grow: Callable[[int], None],
    django_assert_max_num_queries: DjangoAssertNumQueries,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    spec = get_spec(resource)

    grow(2)
    with django_assert_max_num_queries(10) as few:
        body(export(spec))
    grow(8)
    with django_assert_num_queries(len(few.captured_queries)):
        body(export(spec))


def test_every_spec_is_found_by_its_model() -> None:
    assert all(get_spec_for(spec.model) is spec for spec in ALL_SPECS)
