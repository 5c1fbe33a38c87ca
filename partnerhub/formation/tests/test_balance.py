"""The three-sector balance check: a missing sector, a dominant sector, translated."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.utils import translation

from partnerhub.core.choices import Sector
from partnerhub.core.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)
from partnerhub.formation import selectors
from partnerhub.formation.selectors import check_balance
from partnerhub.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def _partnership(*sectors: str) -> Partnership:
    partnership = PartnershipFactory.create()
    for sector in sectors:
        MembershipFactory.create(
            partnership=partnership, organisation=OrganisationFactory.create(sector=sector)
        )
    return partnership


def _codes(
    partnership: Partnership, threshold: float | None = None
) -> list[tuple[str, str | None]]:
    warnings = check_balance(partnership, dominance_threshold=threshold)
    return [(w.code, w.sector) for w in warnings]


def test_a_balanced_partnership_has_no_warning() -> None:
    assert check_balance(_partnership("public", "private", "civil")) == []


def test_a_partnership_without_organisations_is_told_to_invite_all_three_sectors() -> None:
    partnership = _partnership()
    MembershipFactory.create(
        partnership=partnership, organisation=None, person=PersonFactory.create()
    )
    [warning] = check_balance(partnership)
    assert warning.code == "no_organisations"
    assert "public, private and civil" in warning.message


def test_each_missing_sector_is_named() -> None:
    warnings = check_balance(_partnership("civil", "civil", "public", "public"))
    assert [(w.code, w.sector, w.share) for w in warnings] == [("sector_missing", "private", 0.0)]
    assert warnings[0].message == (
        "No member comes from the private sector: invite a local business."
    )


def test_a_sector_holding_more_than_the_threshold_dominates() -> None:
    partnership = _partnership("civil", "civil", "civil", "civil", "public", "private")
    [warning] = check_balance(partnership)
    assert (warning.code, warning.sector) == ("sector_dominant", "civil")
    assert warning.share == pytest.approx(4 / 6)
    assert warning.message.startswith("The civil sector holds 67% of the member organisations")
    assert "(more than 60%)" in warning.message


def test_exactly_the_threshold_is_not_dominance() -> None:
    partnership = _partnership("civil", "civil", "civil", "public", "private")
    assert _codes(partnership) == []  # 3/5 = 0.6


def test_the_threshold_comes_from_the_setting_or_the_call() -> None:
    partnership = _partnership("civil", "civil", "public", "private")  # civil 50 %
    assert _codes(partnership) == []
    assert _codes(partnership, threshold=0.4) == [("sector_dominant", "civil")]
    with override_settings(PARTNERSHIP_DOMINANCE_THRESHOLD=0.45):
        assert _codes(partnership) == [("sector_dominant", "civil")]


def test_a_one_sector_partnership_gets_both_kinds_of_warning() -> None:
    assert _codes(_partnership(Sector.CIVIL)) == [
        ("sector_missing", "public"),
        ("sector_missing", "private"),
        ("sector_dominant", "civil"),
    ]


@pytest.mark.parametrize("threshold", [0, -0.1, 1.5])
def test_a_threshold_outside_zero_to_one_is_a_programming_error(threshold: float) -> None:
    with pytest.raises(ValueError):
        check_balance(_partnership("civil"), dominance_threshold=threshold)


def test_messages_are_translated_when_the_check_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message goes through gettext at call time, so it follows the active language."""
    monkeypatch.setattr(selectors, "gettext", lambda message: f"[{translation.get_language()}]")
    with translation.override("sl"):
        messages = [w.message for w in check_balance(_partnership("civil"))]
    assert len(messages) == 3
    assert all(message.startswith("[sl]") for message in messages)


def test_the_check_costs_no_query_when_members_are_prefetched(
    django_assert_num_queries: object,
) -> None:
    _partnership("civil", "public")
    partnership = Partnership.objects.prefetch_related("memberships__organisation").get()
    with django_assert_num_queries(0):  # type: ignore[operator]
        assert _codes(partnership) == [("sector_missing", "private")]
