"""Normalisation and query terms: what the search treats as the same word."""

from __future__ import annotations

import pytest

from partnerhub.search.text import MAX_WORD_LENGTH, join_normalised, normalise, query_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wałbrzych", "walbrzych"),
        ("WAŁBRZYCH", "walbrzych"),
        ("Łódź", "lodz"),
        ("ŁÓDŹ", "lodz"),
        ("Črnomelj", "crnomelj"),
        ("Świeradów-Zdrój", "swieradow zdroj"),
        ("Zażółć gęślą jaźń", "zazolc gesla jazn"),
        ("Škofja Loka, Žalec, Ćićarija", "skofja loka zalec cicarija"),
        ("Đurđevac", "durdevac"),
        ("Straße", "strasse"),
        ("Ærøskøbing", "aeroskobing"),
        ("Œuvre", "oeuvre"),
        ("İstanbul", "istanbul"),
        ("Fundacja „Nasz Dom” (2024)", "fundacja nasz dom 2024"),
        ("snake_case/and—dashes", "snake case and dashes"),
        ("Київ", "киів"),
        ("  ", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalising_twice_changes_nothing() -> None:
    samples = ["Ǆuro Đaković", "ℌ ﬁ ½", "ß ẞ ſ ı", "Ørsted Łęczyca", "İIıi", "Київ 🎉"]
    for sample in samples:
        once = normalise(sample)
        assert normalise(once) == once
        assert once == once.lower()


def test_overlong_words_are_dropped() -> None:
    assert normalise("a" * (MAX_WORD_LENGTH + 1) + " b") == "b"
    assert normalise("a" * MAX_WORD_LENGTH) == "a" * MAX_WORD_LENGTH


def test_join_normalised_skips_empty_values() -> None:
    assert join_normalised(["Forum Aktywności Lokalnej", "", None, "FAL"]) == (
        "forum aktywnosci lokalnej fal"
    )


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("walbrzych", ["walbrzych"]),
        ("  Wał  ", ["wal"]),
        ("wal walbrzych WAŁB", ["walbrzych"]),  # "wal" and "walb" are implied
        ("fundacja wał", ["fundacja", "wal"]),
        ('"a" OR b* NEAR(c d) -e:f', ["a", "b", "c", "d", "e", "f", "near", "or"]),
        ("title : x AND y", ["and", "title", "x", "y"]),
        ("PL 525-224-84-81", ["5252248481"]),
        ("525 224 84 81", ["5252248481"]),
        ("SI 12345678", ["12345678"]),
        ("2021-2027", ["2021", "2027"]),  # two groups of digits: a period, not an id
        ("12-34", ["12", "34"]),
        ("*:()\"'", []),
        ("", []),
    ],
)
def test_query_terms(query: str, terms: list[str]) -> None:
    assert query_terms(query) == terms
