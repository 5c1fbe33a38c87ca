"""A row of the benchmark's table, and how its figures are written."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BenchRow:
    """One figure: ours, the baseline measured in the same run, the ratio, the target."""

    key: str
    label: str
    ours: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    verdict: str = "—"
    values: dict[str, float] = field(default_factory=dict)


def thousands(value: float) -> str:
    """ "4 455": thousands apart with a space, as the report writes every count."""
    return f"{value:,.0f}".replace(",", " ")
