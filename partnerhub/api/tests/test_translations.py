"""The API speaks the client's language: its catalogue (``partnerhub/api/locale``) is complete."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation
from rest_framework.test import APIClient

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLURAL_FORMS = {"pl": 3, "sl": 4}


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_every_message_is_translated_compiled_and_not_fuzzy(language: str) -> None:
    catalogue = _catalogue(language)
    # The app's own strings; those of the domain apps' filters and serializers live in the
    # main catalogue (partnerhub/locale), checked by partnerhub/tests/test_translations.py.
    assert len(catalogue) > 35
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert f"nplurals={PLURAL_FORMS[language]};" in catalogue.metadata["Plural-Forms"].replace(
        " ", ""
    )
    compiled = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    assert {e.msgid: e.msgstr for e in compiled if e.msgid} == {
        e.msgid: e.msgstr for e in catalogue.translated_entries()
    }
    with translation.override(language):
        # Another catalogue may translate the same words first ("Search"): still translated.
        english = [
            entry.msgid
            for entry in catalogue.translated_entries()
            if entry.msgstr != entry.msgid and translation.gettext(entry.msgid) == entry.msgid
        ]
    assert english == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "detail", "cursor"),
    [
        ("pl", "Nieprawidłowe dane.", "Nieprawidłowy kursor."),
        ("sl", "Neveljavni podatki.", "Neveljaven kazalec."),
        ("en", "Invalid input.", "Invalid cursor."),
    ],
)
def test_errors_are_in_the_clients_language(
    anonymous: APIClient, language: str, detail: str, cursor: str
) -> None:
    response = anonymous.get("/api/organisations/", {"cursor": "x"}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 400
    assert response.json()["detail"] == detail
    assert response.json()["errors"] == {"cursor": [cursor]}
