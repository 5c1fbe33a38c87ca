"""``generate_synthetic_data``: the counts asked for, valid rows, the same data for a seed."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db.models import Count
from stdnum.pl import nip, regon
from stdnum.si import ddv, maticna

from partnerhub.partnerships.models import Partnership
from partnerhub.registry.models import Organisation
from partnerhub.synthetic.conventions import MARKER
from partnerhub.synthetic.plan import GenerationPlan
from partnerhub.synthetic.selectors import count_synthetic, dataset_fingerprint, synthetic_tables
from partnerhub.synthetic.services import (
    GenerationReport,
    SyntheticDataError,
    generate_synthetic_data,
    purge_synthetic_data,
)
from partnerhub.synthetic.tests.helpers import TINY

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated() -> GenerationReport:
    return generate_synthetic_data(TINY, seed=7)


def test_the_requested_counts_are_created(generated: GenerationReport) -> None:
    counts = count_synthetic()

    assert counts["registry.Organisation"] == TINY.organisations
    assert counts["registry.Person"] == TINY.persons
    assert counts["consultation.LocalProblem"] == TINY.problems
    assert counts["partnerships.Partnership"] == TINY.partnerships
    assert counts["projects.Project"] == TINY.projects
    assert counts["events.AttendanceCount"] == TINY.attendance
    assert counts["events.Registration"] == TINY.registrations
    # 3 to 5 sectors counted per event
    assert TINY.attendance / 5 <= counts["events.Event"] <= TINY.attendance / 3 + 1
    assert counts["projects.ProjectPartner"] >= TINY.projects  # a lead partner each
    assert counts["results.Indicator"] >= TINY.projects
    assert generated.rows == sum(counts.values())


def test_every_partnership_has_3_to_40_members(generated: GenerationReport) -> None:
    sizes = Partnership.objects.annotate(n=Count("memberships")).values_list("n", flat=True)

    assert len(sizes) == TINY.partnerships
    assert all(3 <= n <= 40 for n in sizes), sorted(sizes)


def test_a_sample_of_every_generated_table_passes_full_clean(generated: GenerationReport) -> None:
    validated = 0
    for _model, rows in synthetic_tables():
        for row in rows.order_by("pk")[:15]:
            row.full_clean()
            validated += 1

    assert validated > 250


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data() -> None:
    generate_synthetic_data(TINY, seed=3)
    first = dataset_fingerprint()
    purge_synthetic_data()
    generate_synthetic_data(TINY, seed=3)
    again = dataset_fingerprint()
    purge_synthetic_data()
    generate_synthetic_data(TINY, seed=4)

    assert again == first
    assert dataset_fingerprint() != first


def test_organisations_look_like_polish_and_slovenian_ones(generated: GenerationReport) -> None:
    organisations = list(Organisation.objects.all())
    text = " ".join(f"{o.name} {o.description}" for o in organisations)
    countries = Counter(o.country for o in organisations)
    sectors = Counter(o.sector for o in organisations)

    assert set("łąęóśż") <= set(text)
    assert {"č", "š", "ž"} <= set(text)
    assert countries["PL"] > countries["SI"] > 0
    assert sectors["civil"] > sectors["private"] > sectors["public"] > 0
    assert all(o.description.startswith(MARKER) for o in organisations)
    assert all(o.seat_id for o in organisations)


def test_registry_ids_have_valid_check_digits_and_never_repeat(
    generated: GenerationReport,
) -> None:
    checks = {
        "nip": nip.is_valid,
        "regon": regon.is_valid,
        "si_registration_number": maticna.is_valid,
        "si_tax_number": ddv.is_valid,
        "krs": lambda v: len(v) == 10 and v.isdigit(),
    }
    for field, is_valid in checks.items():
        values = [v for v in Organisation.objects.values_list(field, flat=True) if v]
        assert values, field
        assert all(is_valid(v) for v in values), field
        assert len(set(values)) == len(values), field


def test_generating_twice_is_refused(generated: GenerationReport) -> None:
    with pytest.raises(SyntheticDataError, match="purge"):
        generate_synthetic_data(TINY, seed=7)


def test_an_impossible_plan_is_refused() -> None:
    with pytest.raises(SyntheticDataError):
        generate_synthetic_data(GenerationPlan.for_organisations(2), seed=1)
    assert count_synthetic()["registry.Organisation"] == 0
