"""Each value is written safely: formulas neutralised, numbers and dates kept as what they are."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from partnerhub.opendata.cells import csv_cell, json_value, neutralise, xlsx_cell, xml_text

DANGEROUS = [
    '=HYPERLINK("http://evil")',
    "+48 600 100 200",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",  # full-width equals sign
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_a_formula_gets_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert csv_cell(text) == "'" + text
    assert xlsx_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Gmina Głuszyca", "5 = five", "", "'already quoted", "e-mail"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert csv_cell(text) == text
    assert xlsx_cell(text) == text


def test_a_list_is_joined_and_neutralised_as_one_cell() -> None:
    assert csv_cell(["education", "tourism"]) == "education;tourism"
    assert csv_cell(["=cmd", "x"]) == "'=cmd;x"
    assert xlsx_cell(["=cmd"]) == "'=cmd"


def test_numbers_are_written_as_numbers_never_neutralised() -> None:
    assert csv_cell(Decimal("-5.00")) == "-5.00"
    assert csv_cell(Decimal("137476.00")) == "137476.00"
    assert csv_cell(Decimal("1E+5")) == "100000"
    assert csv_cell(-3) == "-3"
    assert xlsx_cell(Decimal("-5.00")) == Decimal("-5.00")
    assert xlsx_cell(-3) == -3


def test_empty_booleans_and_dates() -> None:
    assert csv_cell(None) == ""
    assert csv_cell(True) == "true"
    assert csv_cell(False) == "false"
    assert csv_cell(datetime.date(2021, 4, 1)) == "2021-04-01"
    assert xlsx_cell(None) is None
    assert xlsx_cell(datetime.date(2021, 4, 1)) == datetime.date(2021, 4, 1)


def test_xlsx_has_no_time_zones_and_no_control_characters() -> None:
    moment = datetime.datetime(2024, 1, 1, 11, 0, tzinfo=datetime.UTC)
    assert xlsx_cell(moment) == datetime.datetime(2024, 1, 1, 12, 0)  # Europe/Warsaw
    assert xlsx_cell("bell\x07") == "bell"


def test_json_keeps_text_as_it_is_and_decimals_exact() -> None:
    assert json_value('=HYPERLINK("http://evil")') == '=HYPERLINK("http://evil")'
    assert json_value(Decimal("137476.00")) == "137476.00"
    assert json_value(datetime.date(2023, 9, 30)) == "2023-09-30"
    assert json_value([1, 2]) == [1, 2]
    assert json_value(None) is None


def test_xml_text_drops_characters_xml_cannot_carry() -> None:
    assert xml_text("a\x00b\x1fc\td") == "abc\td"
