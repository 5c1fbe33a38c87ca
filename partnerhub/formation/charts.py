"""A partnership's health check over time, as the chart draws it and as its table lists it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from partnerhub.formation.choices import MAX_SCORE, MIN_SCORE
from partnerhub.formation.selectors import SurveyResults, health_factor_labels


def health_chart(series: list[SurveyResults]) -> dict[str, Any]:
    """The data of the health chart (``formation/health-chart.js``): one line per factor and
    one for the overall mean, a point per survey."""
    lines = [
        {"name": label, "values": [results.means[factor] for results in series]}
        for factor, label in health_factor_labels().items()
    ]
    lines.append(
        {"name": _("Overall"), "values": [_rounded(results.overall) for results in series]}
    )
    return {
        "kind": "line",
        "labels": [results.opened_on.isoformat() for results in series],
        "series": lines,
        "min": MIN_SCORE,
        "max": MAX_SCORE,
    }


def health_table(series: list[SurveyResults]) -> list[tuple[str, list[float | None]]]:
    """The accessible table next to the chart: a row per factor, then the overall mean."""
    rows: list[tuple[str, list[float | None]]] = [
        (label, [results.means[factor] for results in series])
        for factor, label in health_factor_labels().items()
    ]
    rows.append((_("Overall"), [_rounded(results.overall) for results in series]))
    return rows


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
