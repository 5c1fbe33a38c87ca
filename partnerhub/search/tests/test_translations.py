"""The search's own words in Polish and Slovenian (``partnerhub/search/locale``)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import ngettext

from partnerhub.search.choices import SearchKind
from partnerhub.search.models import SearchEntry

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLURAL_FORMS = {"pl": 3, "sl": 4}


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_the_catalogue_is_complete_and_compiled(language: str) -> None:
    catalogue = _catalogue(language)
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    plural_forms = catalogue.metadata["Plural-Forms"].replace(" ", "")
    assert f"nplurals={PLURAL_FORMS[language]};" in plural_forms
    compiled = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    assert {e.msgid: e.msgstr for e in compiled if e.msgid and not e.msgid_plural} == {
        e.msgid: e.msgstr for e in catalogue.translated_entries() if not e.msgid_plural
    }


@pytest.mark.parametrize(
    ("language", "kind", "entries", "rebuilt"),
    [
        ("pl", "Problem lokalny", "wpisy indeksu wyszukiwania", "5 wpisów"),
        ("sl", "Lokalni problem", "vnosi iskalnega indeksa", "5 vnosov"),
    ],
)
def test_labels_and_messages_are_translated(
    language: str, kind: str, entries: str, rebuilt: str
) -> None:
    with translation.override(language):
        assert str(SearchKind.PROBLEM.label) == kind
        assert str(SearchEntry._meta.verbose_name_plural) == entries
        message = ngettext(
            "Search index rebuilt: %(count)d entry.",
            "Search index rebuilt: %(count)d entries.",
            5,
        )
        assert rebuilt in message % {"count": 5}
