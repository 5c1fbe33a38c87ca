"""Figures with their units read in each language's plural forms."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from partnerhub.results.choices import Unit
from partnerhub.results.quantities import format_quantity


@pytest.mark.parametrize(
    ("language", "value", "figure", "expected"),
    [
        ("pl", 1, "1", "1 godzina"),
        ("pl", 22, "22", "22 godziny"),
        ("pl", 328, "328", "328 godzin"),
        ("pl", Decimal("1.5"), "1,5", "1,5 godziny"),
        ("sl", 1, "1", "1 ura"),
        ("sl", 2, "2", "2 uri"),
        ("sl", 3, "3", "3 ure"),
        ("sl", 5, "5", "5 ur"),
        ("sl", Decimal("1.5"), "1,5", "1,5 ure"),
        ("en", 1, "1", "1 hour"),
        ("en", 40, "40", "40 hours"),
    ],
)
def test_hours_in_every_language(
    language: str, value: Decimal | int, figure: str, expected: str
) -> None:
    with translation.override(language):
        assert format_quantity(figure, value, Unit.HOURS) == expected


def test_symbols_take_no_plural() -> None:
    with translation.override("pl"):
        assert format_quantity("12,5", Decimal("12.5"), Unit.PERCENT) == "12,5\xa0%"
