"""Search text: one normalisation and one tokenisation, shared by indexing and querying.

Both database engines only ever see text this module produced: lower-case words made of
letters and digits with diacritics removed, separated by single spaces. SQLite's FTS5
(``ascii`` tokenizer) and PostgreSQL (``string_to_array(text, ' ')``) then split it at the
same spaces, so a record matches the same queries on both engines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters that Unicode does not decompose into a base letter and a combining mark, so
# NFKD alone leaves them as they are ("ł" would never match "l"). Keys are casefolded.
UNDECOMPOSED_LETTERS = {
    "ł": "l",  # Polish
    "đ": "d",  # Slovenian, Croatian, Serbian (Latin)
    "ð": "d",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",  # dotless i
    "ħ": "h",
    "ŀ": "l",
    "ŧ": "t",
    "þ": "th",
    "ŋ": "n",
    "ĸ": "k",
    "ſ": "s",
}
# The same letters in upper case map to the same lower-case replacement.
_UNDECOMPOSED = {
    **UNDECOMPOSED_LETTERS,
    **{
        k.upper(): v
        for k, v in UNDECOMPOSED_LETTERS.items()
        if len(k.upper()) == 1 and not k.upper().isascii()
    },
}
_UNDECOMPOSED_KEYS = frozenset(_UNDECOMPOSED)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Anything that is not a letter or digit separates words ("Świeradów-Zdrój" is two words).
_SEPARATORS = re.compile(r"[\W_]+")
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})

# Longer words are dropped: PostgreSQL refuses lexemes above 2 kB, and no one searches them.
MAX_WORD_LENGTH = 64

# A registry id as people write it: "PL 525-224-84-81", "525 224 84 81", "SI 12345678".
# Two groups of digits ("2021-2027") are a range of years, not an id.
_REGISTRY_ID = re.compile(r"^(?P<country>[A-Za-z]{2}\s*)?\d[\d\s./-]*$")
_MIN_REGISTRY_ID_DIGITS = 7


def normalise(text: str) -> str:
    """``text`` as searched: lower-case words without diacritics, one space between them.

    ``normalise("Świeradów-Zdrój") == "swieradow zdroj"``; ``normalise("Łódź") == "lodz"``.
    """
    return " ".join(words(text))


def words(text: str) -> list[str]:
    """The searchable words of ``text``, in order (see ``normalise``)."""
    folded = _fold(text)
    if folded.isascii():  # the usual case once diacritics are gone; several times faster
        split = folded.translate(_ASCII_SEPARATORS).split()
    else:
        split = _SEPARATORS.split(folded)
    return [w for w in split if w and len(w) <= MAX_WORD_LENGTH]


def _fold(text: str) -> str:
    """Lower case without diacritics: NFKD, marks dropped, casefolded, undecomposed mapped."""
    if text.isascii():
        return text.lower()
    text = _without_undecomposed(_without_marks(unicodedata.normalize("NFKD", text)))
    text = text.casefold()
    if text.isascii():
        return text
    # Casefolding can bring marks back ("İ" → "i" + dot above) and NFKD capitals ("ℌ" → "H").
    return _without_undecomposed(_without_marks(unicodedata.normalize("NFKD", text))).lower()


def _without_undecomposed(text: str) -> str:
    for letter in _UNDECOMPOSED_KEYS.intersection(text):
        text = text.replace(letter, _UNDECOMPOSED[letter])
    return text


def _without_marks(text: str) -> str:
    # Replacing the few distinct marks a text holds is several times faster than
    # filtering every character in Python.
    for mark in set(_NON_ASCII.findall(text)):
        if unicodedata.combining(mark):
            text = text.replace(mark, "")
    return text


def join_normalised(parts: Iterable[object]) -> str:
    """Several field values as one normalised text (empty values are skipped)."""
    return normalise(" ".join(str(p) for p in parts if p))


def query_terms(query: str) -> list[str]:
    """The terms a query is made of; each must begin a word of a matching record.

    Duplicates are dropped and so are terms another term already implies ("wal walbrzych"
    is just "walbrzych"), so the engines' work does not depend on how a query repeats
    itself. A query that reads as a registry id ("525-224-84-81") is one term, its digits.
    Operators of the engines' query languages (quotes, ``*``, ``-``, ``:``, ``NEAR``,
    ``AND``/``OR``) are plain text here: punctuation separates words and "and" is a word.
    """
    registry_id = _REGISTRY_ID.match(query.strip())
    if registry_id:
        groups = re.findall(r"\d+", query)
        digits = "".join(groups)
        if len(digits) >= _MIN_REGISTRY_ID_DIGITS and (registry_id["country"] or len(groups) != 2):
            return [digits]
    terms: list[str] = []
    for word in sorted(set(words(query)), key=lambda w: (-len(w), w)):
        if not any(other.startswith(word) for other in terms):
            terms.append(word)
    return sorted(terms)
