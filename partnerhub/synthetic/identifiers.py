"""Registry identifiers with correct check digits, unique within their country.

Each kind of identifier walks a permutation of its number range (``start + (a·n + b) mod
size`` with ``a`` coprime to ``size``), so numbers look scattered, never repeat, and a seed
always gives the same ones. Identifiers already in the database are skipped, so generated
organisations never collide with real or demo ones.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from stdnum.pl import regon
from stdnum.si import ddv, maticna

from partnerhub.registry.models import Organisation
from partnerhub.registry.validators import REGISTRY_ID_COUNTRY

MULTIPLIER = 7_777_777  # = 7 · 239 · 4649: coprime to every range size below

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def nip_check_digit(body: str) -> str | None:
    """The NIP check digit for 9 digits, or None when none fits (remainder 10)."""
    remainder = sum(w * int(d) for w, d in zip(NIP_WEIGHTS, body, strict=True)) % 11
    return None if remainder == 10 else str(remainder)


def regon_check_digit(body: str) -> str | None:
    return str(regon.calc_check_digit(body))


def maticna_check_digit(body: str) -> str | None:
    digit = str(maticna.calc_check_digit(body))
    return digit if len(digit) == 1 else None


def si_tax_check_digit(body: str) -> str | None:
    digit = str(ddv.calc_check_digit(body))
    return digit if len(digit) == 1 else None


TakenAmong = Callable[[list[str]], set[str]]
CHUNK = 500


@dataclass
class IdRange:
    """Unique identifiers of one kind: a body from a permuted range plus a check digit.

    Candidates are checked ``CHUNK`` at a time against ``taken`` and ``taken_among`` (the
    database), so checking costs one indexed query per chunk, however many exist.
    """

    start: int
    size: int
    width: int
    check_digit: Callable[[str], str | None] | None
    suffix: str = ""
    offset: int = 0
    taken: set[str] = field(default_factory=set)
    taken_among: TakenAmong | None = None
    drawn: int = 0
    ready: deque[str] = field(default_factory=deque)

    def next(self) -> str:
        while not self.ready:
            self._refill()
        return self.ready.popleft()

    def _refill(self) -> None:
        candidates: list[str] = []
        while len(candidates) < CHUNK and self.drawn < self.size:
            number = self.start + (MULTIPLIER * self.drawn + self.offset) % self.size
            self.drawn += 1
            body = f"{number:0{self.width}d}"
            digit = "" if self.check_digit is None else self.check_digit(body)
            if digit is not None:
                candidates.append(body + digit + self.suffix)
        if not candidates:
            raise RuntimeError("identifier range exhausted")  # 900 000+ per kind: never
        taken = self.taken_among(candidates) if self.taken_among else set()
        self.ready.extend(c for c in candidates if c not in taken and c not in self.taken)


# Identifier → (first body, how many bodies, body digits, check digit, suffix).
RANGES: dict[str, tuple[int, int, int, Callable[[str], str | None] | None, str]] = {
    "krs": (1, 2_000_000, 10, None, ""),
    "nip": (100_000_000, 900_000_000, 9, nip_check_digit, ""),
    "regon": (10_000_000, 90_000_000, 8, regon_check_digit, ""),
    "si_registration_number": (100_000, 900_000, 6, maticna_check_digit, "000"),
    "si_tax_number": (1_000_000, 9_000_000, 7, si_tax_check_digit, ""),
}


class RegistryIds:
    """Fresh KRS, NIP and REGON numbers for Poland; registration and tax numbers for Slovenia.

    KRS has no check digit (ten digits, leading zeros, as the register prints them);
    Slovenian registration numbers take the ten-digit form of a main unit (``…000``).
    """

    def __init__(
        self,
        seed: int,
        taken: Mapping[str, Iterable[str]] | None = None,
        taken_among: Callable[[str], TakenAmong] | None = None,
    ) -> None:
        taken = taken or {}
        self.ranges = {
            name: IdRange(
                start,
                size,
                width,
                check_digit,
                suffix,
                offset=seed * 104_729,
                taken=set(taken.get(name, ())),
                taken_among=taken_among(name) if taken_among else None,
            )
            for name, (start, size, width, check_digit, suffix) in RANGES.items()
        }

    @classmethod
    def excluding_database(cls, seed: int) -> RegistryIds:
        """Identifiers that skip every one already held by an organisation."""
        return cls(seed, taken_among=_in_database)

    def next(self, name: str) -> str:
        return self.ranges[name].next()


def _in_database(name: str) -> TakenAmong:
    """Which of some values of registry id ``name`` organisations hold (one indexed query)."""
    country = REGISTRY_ID_COUNTRY[name]

    def taken_among(values: list[str]) -> set[str]:
        found = (
            Organisation.objects.filter(country=country, **{f"{name}__in": values})
            .exclude(**{name: ""})
            .order_by()
            .values_list(name, flat=True)
        )
        return set(found)

    return taken_among
