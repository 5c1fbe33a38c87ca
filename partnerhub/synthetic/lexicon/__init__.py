"""Words and sentence patterns for synthetic records, one lexicon per country.

Names and descriptions are built from patterns that read as real Polish and Slovenian
records do (grammatical forms chosen so a place name can be inserted in the nominative),
filled with places, people's names and vocabulary terms. Placeholders: ``{place}``,
``{region}``, ``{motto}`` (a name in quotation marks), ``{plain}`` (an unquoted name),
``{cause}``, ``{trade}``, ``{surname}``, ``{first}``, ``{last}``, ``{saint}``, ``{n}``,
``{year}``, ``{topic}``, ``{areas}``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific the builders need for one country."""

    country: str
    language: str
    faker_locale: str
    currency: str
    org_names: dict[str, tuple[str, ...]]
    big_municipality: str
    mottos: tuple[str, ...]
    plain_names: tuple[str, ...]
    causes: tuple[str, ...]
    trades: tuple[str, ...]
    saints: tuple[str, ...]
    universities: tuple[tuple[str, str], ...]
    intros: dict[str, tuple[str, ...]]
    areas_sentence: str
    extra_sentences: tuple[str, ...]
    person_titles: tuple[str, ...]
    partnership_names: tuple[str, ...]
    partnership_goals: tuple[str, ...]
    project_prefixes: tuple[str, ...]
    topics: tuple[str, ...]
    project_problems: tuple[str, ...]
    indicators: tuple[tuple[str, str, str], ...]
    problem_titles: tuple[str, ...]
    problem_descriptions: tuple[str, ...]
    rejection_reasons: tuple[str, ...]
    event_titles: dict[str, tuple[str, ...]]
    responsibilities: tuple[str, ...]


def get_lexicon(country: str) -> Lexicon:
    """The lexicon of ``country`` ("PL" or "SI")."""
    from partnerhub.synthetic.lexicon import pl, sl

    return {"PL": pl.LEXICON, "SI": sl.LEXICON}[country]
