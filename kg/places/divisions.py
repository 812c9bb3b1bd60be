"""China's administrative divisions (GB/T 2260, county level and above) through time, from the
Ministry of Civil Affairs' code lists as yescallop/areacodes summarizes them (data/divisions/)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from kg.errors import SourceError

LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}
COLUMNS = (
    "代码",
    "一级行政区",
    "二级行政区",
    "名称",
    "级别",
    "状态",
    "启用时间",
    "变更/弃用时间",
    "新代码",
)
DIRECT = "直辖"  # a county-level division directly under its province
IN_USE = "在用"
COUNTRY_CODE = "CN"  # ISO 3166-1: the nation, above every GB/T 2260 division
# What a division's name ends with, longest first: 广州市 is also written 广州, 蔡甸区 never 蔡甸
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
            "省", "市", "地区", "盟")  # fmt: skip


@dataclass(frozen=True)
class Division:
    """One division under one name: its code, level, parent and the years of the MCA lists that
    carry it (the change took effect during the first year; gone by the end of the last)."""

    code: str
    name: str
    level: str  # country, province, prefecture or county
    parent: str | None  # the code of the division above (None: a province or the nation)
    first_year: int | None = None
    last_year: int | None = None  # None: still in use
    reused: bool = False  # the code stood for another division too (its IRI then has the year)

    @property
    def key(self) -> str:
        """What names it in an IRI: the code, and the first year where the code was reused."""
        return f"{self.code}-{self.first_year}" if self.reused else self.code

    def existed_in(self, year: int) -> bool:
        return (self.first_year or 0) <= year <= (self.last_year or 9999)

    @property
    def short_names(self) -> tuple[str, ...]:
        """The name, and the name without its 省/市/自治区 ending where two characters stay
        (广州市 -> 广州; 蔡甸区 stays whole: a district is never written without its 区)."""
        if self.level == "county":
            return (self.name,)
        for suffix in SUFFIXES:
            stem = self.name.removesuffix(suffix)
            if stem != self.name and len(stem) >= 2:
                return (self.name, stem)
        return (self.name,)


NATION = Division(COUNTRY_CODE, "中华人民共和国", "country", None)


@dataclass(frozen=True)
class Divisions:
    """Every division by code and by name."""

    path: Path
    all: tuple[Division, ...]

    @cached_property
    def _by_code(self) -> dict[str, tuple[Division, ...]]:
        found: dict[str, tuple[Division, ...]] = {COUNTRY_CODE: (NATION,)}
        for division in self.all:
            found[division.code] = (*found.get(division.code, ()), division)
        return found

    @cached_property
    def _by_name(self) -> dict[str, tuple[Division, ...]]:
        found: dict[str, tuple[Division, ...]] = {}
        for division in self.all:
            for name in division.short_names:
                found[name] = (*found.get(name, ()), division)
        return found

    @cached_property
    def longest_name(self) -> int:
        return max(map(len, self._by_name))

    def get(self, code: str, year: int | None = None) -> Division:
        """The division a code stood for in a year (the one in use now where no year is given;
        in a year of change, the newer name)."""
        found = self._by_code.get(code, ())
        current = [d for d in found if year is None or d.existed_in(year)] or list(found)
        if not current:
            raise KeyError(code)
        return max(current, key=lambda d: (d.last_year is None, d.first_year or 0))

    def checked(self, code: str, path: Path, line: int | None, cell: str) -> str:
        """A code some division bore; one none did names the file, line and cell."""
        if code not in self._by_code:
            problem = f"no division has the code {code!r} (GB/T 2260, or CN for the nation)"
            raise SourceError(path, line, problem, cell)
        return code

    def parent_of(self, division: Division, year: int | None = None) -> Division:
        """The division above in a year (the nation above a province); with no year, the one
        above it when it last bore its name (襄阳市 above 樊城区 now, 襄樊市 in 2005)."""
        if not division.parent:
            return NATION
        return self.get(division.parent, division.last_year if year is None else year)

    def ancestors(self, division: Division, year: int | None = None) -> Iterator[Division]:
        """The division itself, then each one above it up to the nation, in a year."""
        yield division
        while division.level != "country":
            division = self.parent_of(division, year)
            yield division

    def named(self, name: str, year: int | None = None) -> tuple[Division, ...]:
        """The divisions that bore a name (or its short form) in a year; with no year, those that
        bear it now, else those that ever did."""
        found = self._by_name.get(name, ())
        if year is not None:
            return tuple(d for d in found if d.existed_in(year))
        return tuple(d for d in found if d.last_year is None) or found

    def starting(self, text: str, year: int | None = None) -> tuple[str, tuple[Division, ...]]:
        """The longest division name a text starts with, and the divisions that bore it."""
        for size in range(min(len(text), self.longest_name), 1, -1):
            if found := self.named(text[:size], year):
                return text[:size], found
        return "", ()


def load_divisions(path: Path) -> Divisions:
    """Read the areacodes summary (UTF-8 with a byte-order mark); a bad row names its line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            if tuple(next(reader, ())) != COLUMNS:
                raise SourceError(path, 1, f"columns must be {', '.join(COLUMNS)}", "header")
            rows = [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(path, None, f"cannot read the file: {error}") from error
    uses = Counter(row[0] for _, row in rows)
    divisions = tuple(_division(line, row, path, uses[row[0]] > 1) for line, row in rows)
    return Divisions(path, _with_parents(divisions))


def _division(line: int, row: list[str], path: Path, reused: bool) -> Division:
    try:
        code, _, _, name, level, status, first, last, _ = row
        return Division(
            code=code,
            name=name,
            level=LEVELS[level],
            parent=None,
            first_year=int(first),
            last_year=int(last) if last and status != IN_USE else None,
            reused=reused,
        )
    except (ValueError, KeyError) as error:
        raise SourceError(path, line, f"not a division row: {error}") from error


def _with_parents(divisions: tuple[Division, ...]) -> tuple[Division, ...]:
    """Each division with the code of the one above it: a province's prefecture-level cities and
    directly governed counties sit under it, a county under the prefecture sharing its first four
    digits."""
    codes = {d.code for d in divisions}
    placed = []
    for division in divisions:
        province = division.code[:2] + "0000"
        prefecture = division.code[:4] + "00"
        if division.level == "province":
            parent = None
        elif division.level == "county" and prefecture in codes and prefecture != province:
            parent = prefecture
        else:
            parent = province
        placed.append(replace(division, parent=parent))
    return tuple(placed)
