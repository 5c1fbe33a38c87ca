"""Every screen in English, Polish and Slovenian: the catalogues are complete and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["pl", "sl"]
PLURAL_FORMS = {"pl": 3, "sl": 4}


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    catalogue = _catalogue(language)
    assert len(catalogue) > 300
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language: str) -> None:
    """The committed .mo is compiled from the committed .po (``make messages``)."""
    catalogue = _catalogue(language)
    with translation.override(language):
        stale = [
            entry.msgid
            for entry in catalogue.translated_entries()
            if not entry.msgid_plural
            and not entry.msgctxt
            and translation.gettext(entry.msgid) != entry.msgstr
        ]
    assert stale == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_header(language: str) -> None:
    header = _catalogue(language).metadata["Plural-Forms"]
    assert f"nplurals={PLURAL_FORMS[language]};" in header.replace(" ", "")


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("pl", 1, 0),
        ("pl", 3, 1),
        ("pl", 5, 2),
        ("pl", 22, 1),
        ("pl", 12, 2),
        ("sl", 1, 0),
        ("sl", 2, 1),
        ("sl", 3, 2),
        ("sl", 5, 3),
        ("sl", 101, 0),
        ("sl", 102, 1),
    ],
)
def test_plural_messages_pick_the_right_form(language: str, count: int, expected: int) -> None:
    entry = next(e for e in _catalogue(language) if e.msgid_plural)
    with translation.override(language):
        text = ngettext(entry.msgid, entry.msgid_plural, count)
    assert text == entry.msgstr_plural[expected]
