"""Registry identifiers: real ids pass, wrong shapes and wrong check digits are refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from partnerhub.core.tests.factories import (
    valid_krs,
    valid_maticna,
    valid_nip,
    valid_regon,
    valid_si_tax_number,
)
from partnerhub.registry.validators import (
    validate_http_url,
    validate_krs,
    validate_nip,
    validate_regon,
    validate_si_registration_number,
    validate_si_tax_number,
)

NIP_MESSAGE = "Enter a valid NIP: 10 digits with a correct check digit."
REGON_MESSAGE = "Enter a valid REGON: 9 or 14 digits with a correct check digit."
KRS_MESSAGE = "A KRS number has exactly 10 digits."
MATICNA_MESSAGE = (
    "Enter a valid registration number (matična številka): 7 or 10 digits with a correct "
    "check digit."
)
DAVCNA_MESSAGE = "Enter a valid tax number (davčna številka): 8 digits with a correct check digit."


@pytest.mark.parametrize(
    ("validator", "value"),
    [
        (validate_nip, "5252248481"),
        (validate_nip, "8567346215"),
        (validate_regon, "192598184"),  # 9 digits: a national entity
        (validate_regon, "123456785"),
        (validate_regon, "12345678512347"),  # 14 digits: a local unit
        (validate_krs, "0000012345"),
        (validate_si_registration_number, "5300231"),  # 7 digits: the company
        (validate_si_registration_number, "9331310"),
        (validate_si_registration_number, "9331310000"),  # 10 digits: a business unit
        (validate_si_tax_number, "50223054"),
        (validate_si_tax_number, "15012557"),
    ],
)
def test_real_identifiers_are_accepted(validator: Callable[[str], None], value: str) -> None:
    validator(value)


@pytest.mark.parametrize(
    ("validator", "value", "message"),
    [
        # wrong check digit
        (validate_nip, "5252248482", NIP_MESSAGE),
        (validate_nip, "8567346216", NIP_MESSAGE),
        (validate_regon, "192598183", REGON_MESSAGE),
        (validate_regon, "12345678612342", REGON_MESSAGE),  # first check digit wrong
        (validate_regon, "12345678512348", REGON_MESSAGE),  # last check digit wrong
        (validate_si_registration_number, "5300232", MATICNA_MESSAGE),
        (validate_si_registration_number, "9331320000", MATICNA_MESSAGE),
        (validate_si_tax_number, "50223055", DAVCNA_MESSAGE),
        # wrong shape: length, separators, country prefixes (ids are stored as bare digits)
        (validate_nip, "525224848", NIP_MESSAGE),
        (validate_nip, "525-224-84-81", NIP_MESSAGE),
        (validate_nip, "PL5252248481", NIP_MESSAGE),
        (validate_regon, "1925981840", REGON_MESSAGE),
        (validate_krs, "12345", KRS_MESSAGE),
        (validate_krs, "00000123456", KRS_MESSAGE),
        (validate_krs, "000001234A", KRS_MESSAGE),
        (validate_si_registration_number, "53002310", MATICNA_MESSAGE),
        (validate_si_tax_number, "5022305", DAVCNA_MESSAGE),
        (validate_si_tax_number, "SI50223054", DAVCNA_MESSAGE),
    ],
)
def test_wrong_identifiers_are_refused_with_a_clear_message(
    validator: Callable[[str], None], value: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        validator(value)
    assert caught.value.messages == [message]


@pytest.mark.parametrize(
    ("make", "validator"),
    [
        (valid_nip, validate_nip),
        (valid_regon, validate_regon),
        (valid_krs, validate_krs),
        (valid_maticna, validate_si_registration_number),
        (valid_si_tax_number, validate_si_tax_number),
    ],
)
def test_factory_identifiers_are_valid_and_distinct(
    make: Callable[[int], str], validator: Callable[[str], None]
) -> None:
    values = [make(n) for n in range(200)]
    for value in values:
        validator(value)
    assert len(set(values)) == len(values)


@pytest.mark.parametrize("url", ["https://example.org", "http://gmina.example.pl/ngo"])
def test_web_addresses_over_http_are_accepted(url: str) -> None:
    validate_http_url(url)


@pytest.mark.parametrize("url", ["ftp://example.org/file", "javascript:alert(1)", "file:///etc"])
def test_other_address_schemes_are_refused(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_http_url(url)
    assert caught.value.messages == ["Only http:// and https:// addresses are allowed."]
