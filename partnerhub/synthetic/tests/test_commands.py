"""``partnerhub generate-data``: sizes from the command line, a clear refusal on a rerun."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnerhub.synthetic.selectors import count_synthetic

pytestmark = pytest.mark.django_db

ARGS = [
    "--organisations=60",
    "--partnerships=5",
    "--projects=10",
    "--attendance=40",
    "--problems=8",
    "--persons=6",
    "--registrations=4",
    "--batch-size=7",
    "--seed=9",
    "--no-progress",
]


def test_generate_data_writes_the_sizes_given_in_small_batches() -> None:
    out = StringIO()
    call_command("generate_data", *ARGS, stdout=out)

    counts = count_synthetic()
    assert counts["registry.Organisation"] == 60
    assert counts["partnerships.Partnership"] == 5
    assert counts["projects.Project"] == 10
    assert counts["events.AttendanceCount"] == 40
    assert counts["consultation.LocalProblem"] == 8
    assert "Generated" in out.getvalue()
    assert "registry.Organisation: 60 rows (bulk insert at" in out.getvalue()


def test_a_second_run_is_refused_until_the_data_is_purged() -> None:
    call_command("generate_data", *ARGS, stdout=StringIO())

    with pytest.raises(CommandError, match="purge"):
        call_command("generate_data", *ARGS, stdout=StringIO())

    call_command("generate_data", "--purge", stdout=StringIO())
    call_command("generate_data", *ARGS, stdout=StringIO())
    assert count_synthetic()["registry.Organisation"] == 60
