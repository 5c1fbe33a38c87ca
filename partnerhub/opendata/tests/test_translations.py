"""The open-data catalogues (``partnerhub/opendata/locale``) are complete and compiled."""

from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import ngettext

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLURAL_FORMS = {"pl": 3, "sl": 4}


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_every_message_is_translated_compiled_and_not_fuzzy(language: str) -> None:
    catalogue = _catalogue(language)
    assert len(catalogue) > 100
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    header = catalogue.metadata["Plural-Forms"].replace(" ", "")
    assert f"nplurals={PLURAL_FORMS[language]};" in header
    with translation.override(language):
        stale = [
            entry.msgid
            for entry in catalogue.translated_entries()
            if not entry.msgid_plural and translation.gettext(entry.msgid) != entry.msgstr
        ]
    assert stale == []


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("pl", 1, "1 rekord"), ("pl", 3, "3 rekordy"), ("pl", 12, "12 rekordów"),
     ("sl", 1, "1 zapis"), ("sl", 2, "2 zapisa"), ("sl", 4, "4 zapisi"), ("sl", 5, "5 zapisov")],
)  # fmt: skip
def test_record_counts_use_the_right_plural(language: str, count: int, expected: str) -> None:
    with translation.override(language):
        text = ngettext("%(counter)s record", "%(counter)s records", count) % {"counter": count}
    assert text == expected
