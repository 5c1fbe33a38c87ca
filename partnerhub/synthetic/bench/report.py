"""Printing a benchmark report and keeping it in ``docs/benchmarks.md``.

Each run owns one section of the file, between ``<!-- bench:<scale>-<database>:begin -->``
and ``…:end -->``, and rewrites only that section: the national runs on SQLite and on
PostgreSQL sit side by side with the analysis written around them by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.utils.translation import gettext as _

from partnerhub.synthetic.bench.runner import BenchReport, BenchRow

FILE_HEADER = """# Benchmarks

Sections between `bench:` markers are written by `partnerhub bench`; everything else is
written by hand.
"""


def _headers() -> list[str]:
    return [
        _("Measure"),
        _("Partnerhub"),
        _("Baseline (same run)"),
        _("Ratio"),
        _("Target"),
        _("Verdict"),
    ]


def _cells(row: BenchRow) -> list[str]:
    return [row.label, row.ours, row.baseline, row.ratio, row.target, row.verdict]


def section_key(report: BenchReport) -> str:
    return f"{report.config.scale}-{report.vendor}"


def render_text(report: BenchReport) -> str:
    """The results as an aligned plain-text table for the terminal."""
    table = [_headers(), *(_cells(row) for row in report.rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) for line in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return [line(header), "|" + "---|" * len(header), *(line(r) for r in rows)]


def render_markdown(report: BenchReport) -> str:
    """The section of ``docs/benchmarks.md`` for this run, markers included."""
    key = section_key(report)
    config = report.config
    lines = [
        f"<!-- bench:{key}:begin -->",
        "",
        "### "
        + _("%(scale)s scale on %(database)s: %(organisations)s organisations")
        % {
            "scale": config.scale.capitalize(),
            "database": "PostgreSQL" if report.vendor == "postgresql" else "SQLite",
            "organisations": f"{config.organisations:,}".replace(",", " "),
        },
        "",
        _(
            "`partnerhub bench --scale %(scale)s`: seed %(seed)d, %(queries)d queries per "
            "scenario, import of %(import_rows)s organisations. Peak memory of the bench "
            "process: %(memory).0f MiB."
        )
        % {
            "scale": config.scale,
            "seed": config.seed,
            "queries": config.queries,
            "import_rows": f"{config.import_rows:,}".replace(",", " "),
            "memory": report.peak_memory_mib,
        },
        "",
        *_markdown_table([_("Machine"), ""], [[k, v] for k, v in report.machine.rows()]),
        "",
        *_markdown_table(_headers(), [_cells(row) for row in report.rows]),
        "",
        *_candidates(report),
        _("Synthetic rows in the database:")
        + " "
        + ", ".join(
            f"{label} {count:,}".replace(",", " ")
            for label, count in report.dataset.counts.items()
            if count
        )
        + ".",
        "",
        f"<!-- bench:{key}:end -->",
    ]
    return "\n".join(lines) + "\n"


def _candidates(report: BenchReport) -> list[str]:
    if not report.candidates:
        return []
    lines = [_("Candidate indexes (created in the bench database only, then dropped):"), ""]
    lines += [f"- `{index.create}` — {index.serves}" for index in report.candidates]
    return [*lines, ""]


def write_section(path: Path, report: BenchReport) -> None:
    """Replace this run's section of ``path`` (or add it), leaving the rest untouched."""
    key = section_key(report)
    section = render_markdown(report)
    text = path.read_text(encoding="utf-8") if path.exists() else FILE_HEADER
    pattern = re.compile(
        rf"<!-- bench:{re.escape(key)}:begin -->.*?<!-- bench:{re.escape(key)}:end -->\n?",
        re.DOTALL,
    )
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
