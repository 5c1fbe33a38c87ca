"""Text similarity: the words of a description as terms, weighted TF-IDF.

Words are normalised as the search normalises them (``partnerhub.search.text``: lower
case, diacritics folded, ł → l), so "Starejši" and "starejsi" are one word. Polish and
Slovenian inflect heavily ("seniorzy", "seniorów", "seniorom"); instead of a stemmer per
language, a term is the first ``TERM_LENGTH`` letters of a word, which joins most forms of
one word in both languages (and in English) at the cost of a few collisions between
unrelated long words. Short words (mostly conjunctions and prepositions) and numbers (years
in "founded in 2005") carry no topic and are left out.

Weights: ``1 + ln(count)`` for a term's frequency in a text, and the smoothed inverse
document frequency ``ln((1 + N) / (1 + df)) + 1`` over the N organisations of the index;
each vector is divided by its Euclidean length, so the similarity of two texts (the sum of
the products of their shared terms' weights) is their cosine, from 0 to 1.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from partnerhub.search.text import words

TERM_LENGTH = 6
MIN_WORD_LENGTH = 3

_WRITTEN_WORD = re.compile(r"\w+")


def terms(text: str) -> list[str]:
    """The terms of ``text`` in order, repeated as often as they occur."""
    # Whitespace separates words before and after normalising, so a text's terms are its
    # pieces' terms: the index normalises each distinct piece of all texts only once.
    return [term for piece in text.split() for term in piece_terms(piece)]


def piece_terms(piece: str) -> tuple[str, ...]:
    """The terms of a text without whitespace."""
    return tuple(
        word[:TERM_LENGTH]
        for word in words(piece)
        if len(word) >= MIN_WORD_LENGTH and not word.isdigit()
    )


def term_counts(text: str) -> Counter[str]:
    return Counter(terms(text))


def written_forms(text: str) -> dict[str, str]:
    """Each term of ``text`` → the first word it comes from, as written (in lower case).

    Reasons show "starejši", not the term "starej" it was matched by.
    """
    forms: dict[str, str] = {}
    for written in _WRITTEN_WORD.findall(text):
        for term in terms(written):
            forms.setdefault(term, written.lower())
    return forms


def term_frequency(count: int) -> float:
    """Sublinear: the tenth mention of a word adds less than the second."""
    return 1.0 + math.log(count)


def inverse_document_frequency(document_frequency: int, documents: int) -> float:
    """Rare terms weigh more; smoothed, so a term in every document still weighs 1."""
    return math.log((1 + documents) / (1 + document_frequency)) + 1.0
