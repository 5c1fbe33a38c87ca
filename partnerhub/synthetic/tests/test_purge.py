"""Purging removes every synthetic row and nothing else: the demo cases survive."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models.deletion import ProtectedError

from partnerhub.demo.services import load_demo_data
from partnerhub.projects.services import create_project
from partnerhub.registry.models import Organisation
from partnerhub.search.models import SearchEntry
from partnerhub.search.selectors import search
from partnerhub.synthetic.conventions import MARKER
from partnerhub.synthetic.services import generate_synthetic_data, has_synthetic_data
from partnerhub.synthetic.tests.helpers import TINY, row_counts

pytestmark = pytest.mark.django_db


def test_purge_removes_only_synthetic_rows_and_the_demo_cases_survive() -> None:
    load_demo_data()
    before = row_counts()
    generate_synthetic_data(TINY, seed=5)
    assert row_counts() != before

    out = StringIO()
    call_command("generate_data", "--purge", stdout=out)

    assert row_counts() == before
    assert not has_synthetic_data()
    assert "Deleted" in out.getvalue()


def test_purge_stops_and_deletes_nothing_when_real_data_depends_on_a_synthetic_row() -> None:
    generate_synthetic_data(TINY, seed=5)
    lead = Organisation.objects.filter(description__startswith=MARKER).first()
    create_project(title="A real project", lead_organisation=lead)
    before = row_counts()

    with pytest.raises(ProtectedError):
        call_command("generate_data", "--purge", stdout=StringIO())

    assert row_counts() == before


def test_generated_records_are_searchable_and_leave_the_index_when_purged() -> None:
    load_demo_data()
    generate_synthetic_data(TINY, seed=5)
    organisation = Organisation.objects.filter(description__startswith=MARKER).first()
    assert organisation is not None
    hits = search(organisation.name, kinds=["organisation"], limit=1000)
    assert ("organisation", organisation.pk) in {(h.kind, h.object_id) for h in hits}

    call_command("generate_data", "--purge", stdout=StringIO())

    indexed_organisations = set(
        SearchEntry.objects.filter(kind="organisation").values_list("object_id", flat=True)
    )
    assert indexed_organisations == set(Organisation.objects.values_list("pk", flat=True))
    assert organisation.pk not in indexed_organisations
