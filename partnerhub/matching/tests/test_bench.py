"""The recommendation benchmark at a tiny scale: it runs and agrees with the brute force.

Benchmarks are commands, never timed assertions: nothing here depends on how fast it ran.
"""

from __future__ import annotations

import pytest

from partnerhub.synthetic.bench.recommendation import recommendation_rows
from partnerhub.synthetic.services import generate_synthetic_data
from partnerhub.synthetic.tests.helpers import TINY


@pytest.mark.django_db
def test_the_benchmark_rows_and_the_brute_force_agree() -> None:
    generate_synthetic_data(TINY, seed=3)

    rows = {row.key: row for row in recommendation_rows(12, seed=3)}

    assert list(rows) == ["recommendation", "recommendation_scoring", "recommendation_index"]
    assert rows["recommendation"].values["cases"] == 12
    assert "p95" in rows["recommendation"].ours and "brute force" in rows["recommendation"].baseline
    scoring = rows["recommendation_scoring"].values
    assert scoring["baseline_cases"] == 12  # a small registry: every case
    assert scoring["mismatches"] == 0
    assert rows["recommendation_index"].values["terms"] > 0
