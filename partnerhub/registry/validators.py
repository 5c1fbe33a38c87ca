"""Validators for the registry identifiers of Poland and Slovenia.

Checksums come from python-stdnum; KRS has no check digit, so only its shape is checked.
"""

from importlib import import_module

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

validate_krs = RegexValidator(r"^\d{10}$", _("A KRS number has exactly 10 digits."), "invalid_krs")


@deconstructible
class ChecksumValidator:
    """Checks an identifier's shape and its check digit with a python-stdnum module."""

    def __init__(self, module: str, shape: str, message: StrOrPromise, code: str) -> None:
        self.module = module
        self.shape = shape
        self.message = message
        self.code = code

    def __call__(self, value: str) -> None:
        RegexValidator(self.shape, self.message, self.code)(value)
        if not import_module(self.module).is_valid(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChecksumValidator) and (self.module, self.shape, self.code) == (
            other.module,
            other.shape,
            other.code,
        )

    def __hash__(self) -> int:
        return hash((self.module, self.shape, self.code))


validate_nip = ChecksumValidator(
    "stdnum.pl.nip",
    r"^\d{10}$",
    _("Enter a valid NIP: 10 digits with a correct check digit."),
    "invalid_nip",
)
validate_regon = ChecksumValidator(
    "stdnum.pl.regon",
    r"^(\d{9}|\d{14})$",
    _("Enter a valid REGON: 9 or 14 digits with a correct check digit."),
    "invalid_regon",
)
validate_si_registration_number = ChecksumValidator(
    "stdnum.si.maticna",
    r"^(\d{7}|\d{10})$",
    _(
        "Enter a valid registration number (matična številka): "
        "7 or 10 digits with a correct check digit."
    ),
    "invalid_si_registration_number",
)
validate_si_tax_number = ChecksumValidator(
    "stdnum.si.ddv",
    r"^\d{8}$",
    _("Enter a valid tax number (davčna številka): 8 digits with a correct check digit."),
    "invalid_si_tax_number",
)


def validate_country_code(value: str) -> None:
    """An ISO 3166-1 alpha-2 country code in upper case, e.g. PL, SI, PT."""
    if not (len(value) == 2 and value.isupper() and pycountry.countries.get(alpha_2=value)):
        raise ValidationError(
            _("Enter a two-letter ISO country code in capitals, such as PL or SI."),
            code="country",
        )


def validate_http_url(value: str) -> None:
    """Only web addresses a browser opens safely: http or https."""
    if value and not value.lower().startswith(("http://", "https://")):
        raise ValidationError(_("Only http:// and https:// addresses are allowed."), code="scheme")


# Which identifier fields belong to which country, for the cross-field check in clean().
REGISTRY_ID_COUNTRY = {
    "krs": "PL",
    "nip": "PL",
    "regon": "PL",
    "si_registration_number": "SI",
    "si_tax_number": "SI",
}
