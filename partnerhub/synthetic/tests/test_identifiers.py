"""Registry identifiers: valid check digits, never repeated, never one already taken."""

from __future__ import annotations

from stdnum.pl import nip, regon
from stdnum.si import ddv, maticna

from partnerhub.synthetic.identifiers import RegistryIds

VALID = {
    "nip": nip.is_valid,
    "regon": regon.is_valid,
    "si_registration_number": maticna.is_valid,
    "si_tax_number": ddv.is_valid,
    "krs": lambda v: len(v) == 10 and v.isdigit(),
}


def test_thousands_of_identifiers_are_valid_and_unique() -> None:
    ids = RegistryIds(seed=1)
    for field, is_valid in VALID.items():
        drawn = [ids.next(field) for _ in range(5_000)]
        assert all(is_valid(v) for v in drawn), field
        assert len(set(drawn)) == len(drawn), field


def test_identifiers_already_taken_are_skipped_and_a_seed_repeats_itself() -> None:
    first = RegistryIds(seed=2)
    taken = [first.next("nip") for _ in range(10)]

    again = RegistryIds(seed=2)
    assert [again.next("nip") for _ in range(10)] == taken

    avoiding = RegistryIds(seed=2, taken={"nip": taken[:5]})
    assert not {avoiding.next("nip") for _ in range(10)} & set(taken[:5])
