"""China's national development zones (data/zones/zones.csv: the high-tech and the
economic-technological zones, each with the list that names it), and which one a written name
means: 武汉东湖新技术开发区 written whole, as 东湖高新区 in a document of its province, or as
市高新区 in a document of its city. A zone's administrative committee ({zone}管理委员会) is the
body such a name assigns work to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.csvfile import read_rows, value
from kg.errors import SourceError
from kg.places.divisions import Division, Divisions

COLUMNS = ("name", "type", "province", "approved", "source", "note")
# Each kind's official endings (longest first) and the short form documents write for them
ENDINGS = {
    "high-tech": ("高新技术产业开发区", "高技术产业开发区", "新技术产业开发区", "新技术开发区",
                  "高新技术产业园区"),
    "economic-technological": ("经济技术开发区",),
}  # fmt: skip
SHORT = {"high-tech": "高新区", "economic-technological": "经开区"}
COMMITTEE = "管理委员会"
COMMITTEE_SHORT = ("管委会", "管委")  # what documents write for 管理委员会
RELATIVE = "市区县"  # a zone of the document's own city, district or county: 市高新区
DEPTH = {"province": 0, "prefecture": 1, "county": 2}
COUNTY_ENDINGS = "县区市旗"  # every county-level name ends so (自治县, 特区, 林区 too)


@dataclass(frozen=True)
class Zone:
    """One national development zone: its official name and kind, its province, and the city or
    county whose name it opens with (its seat; None where it opens with none)."""

    name: str
    kind: str  # high-tech or economic-technological
    province: Division
    seat: Division | None
    source: str
    line: int

    @property
    def committee(self) -> str:
        return self.name + COMMITTEE

    @property
    def ending(self) -> str | None:
        """Its kind's official ending, where the name has one (苏州工业园区 has none)."""
        return next((e for e in ENDINGS[self.kind] if self.name.endswith(e)), None)

    @property
    def core(self) -> str:
        """The name without its kind's ending (武汉东湖新技术开发区 -> 武汉东湖)."""
        return self.name.removesuffix(self.ending) if self.ending else self.name

    def forms(self, seated: bool) -> set[str]:
        """How documents write it: whole, or with the short ending (武汉东湖高新区); with
        `seated` False, without its seat's name (东湖高新区, 东湖新技术开发区). A name without
        its kind's ending is written whole only: what is left of 苏州工业园区 without 苏州 is
        any 工业园区."""
        if self.ending is None:
            return {self.name} if seated else set()
        if seated:
            return {self.name, self.core + SHORT[self.kind]}
        found: set[str] = set()
        for seat in self.seat.short_names if self.seat else ():
            rest = self.core.removeprefix(seat)
            if rest != self.core and len(rest) >= 2 and rest[0].isalpha():
                found |= {self.name.removeprefix(seat), rest + SHORT[self.kind]}
        return found

    def own_zone_of(self, place: Division) -> bool:
        """Whether it is the one a place's documents call 市高新区: seated there, named after it."""
        return self.seat == place and self.core in {*place.short_names, place.name[:-1]}


@dataclass(frozen=True)
class Zones:
    zones: tuple[Zone, ...] = ()

    @cached_property
    def _seated(self) -> dict[str, tuple[Zone, ...]]:
        return _index(self.zones, lambda zone: zone.forms(seated=True))

    @cached_property
    def _unseated(self) -> dict[str, tuple[Zone, ...]]:
        return _index(self.zones, lambda zone: zone.forms(seated=False))

    def named(
        self,
        written: str,
        chain: tuple[Division, ...],
        relative: Callable[[str], Division | None],
    ) -> Zone | None:
        """The one zone a name (with or without 管委会) means in a document of these places
        (`relative`: the document's place a 市/区/县 stands for): written with its seat's
        name, any zone; without it, one of the document's provinces; 市高新区, its city's."""
        text = _without_committee(written)
        if text[:1] in RELATIVE and text[1:] in SHORT.values():
            place = relative(text[0])
            found = [
                z for z in self.zones
                if place and z.own_zone_of(place) and SHORT[z.kind] == text[1:]
            ]  # fmt: skip
        else:
            provinces = {d for d in chain if d.level == "province"}
            local = [z for z in self._unseated.get(text, ()) if z.province in provinces]
            found = list(self._seated.get(text, ())) or local
        return found[0] if len(found) == 1 else None


def _without_committee(written: str) -> str:
    for suffix in (COMMITTEE, *COMMITTEE_SHORT):
        if written.endswith(suffix) and len(written) > len(suffix):
            return written.removesuffix(suffix)
    return written


def _index(
    zones: tuple[Zone, ...], forms: Callable[[Zone], set[str]]
) -> dict[str, tuple[Zone, ...]]:
    found: dict[str, tuple[Zone, ...]] = {}
    for zone in zones:
        for form in forms(zone):
            found[form] = (*found.get(form, ()), zone)
    return found


def load_zones(path: Path, divisions: Divisions) -> Zones:
    """Read the zones, each placed in its province and seated in the city or county whose name it
    opens with; a bad cell names its file, line and column."""
    zones = []
    for line, row in read_rows(path, COLUMNS):
        kind = value(row, "type") or ""
        if kind not in ENDINGS:
            raise SourceError(path, line, f"type must be one of {', '.join(ENDINGS)}", "type")
        name, source = value(row, "name"), value(row, "source")
        if not name or not source:
            raise SourceError(path, line, "name and source are required", "name")
        provinces = [
            d for d in divisions.named(value(row, "province") or "") if d.level == "province"
        ]
        if len(provinces) != 1:
            raise SourceError(path, line, "not the name of one province", "province")
        province = provinces[0]
        seat = _seat(name, province, divisions)
        zones.append(Zone(name, kind, province, seat, source, line))
    return Zones(tuple(zones))


def _seat(name: str, province: Division, divisions: Divisions) -> Division | None:
    """The city or county of the province, in use now, whose name (or name without 市) the
    zone's name opens with, the longest and then the lowest (江门高新技术产业开发区 -> 江门市;
    昆山经济技术开发区 -> 昆山市; 吉林高新技术产业开发区 -> 吉林市, not 吉林省). None where
    only a province's name opens it (陕西航空经济技术开发区: whose body it is, the name does not
    say), or where the rest names a county of another city (杭州湾上虞经济技术开发区 is in
    绍兴市's 上虞区, not in 杭州市)."""
    found: list[tuple[int, int, Division]] = []
    for size in range(2, min(len(name), divisions.longest_name) + 1):
        for division in {*divisions.named(name[:size]), *divisions.named(name[:size] + "市")}:
            if division.last_year is None and _within(division, province, divisions):
                found.append((size, DEPTH[division.level], division))
    if not found:
        return None
    size, _, seat = max(found, key=lambda found: found[:2])
    if seat.level == "province" and not seat.name.endswith("市"):
        return None
    others = [
        county for county in _counties_in(name[size:], divisions)
        if _within(county, province, divisions) and seat not in divisions.ancestors(county)
    ]  # fmt: skip
    return None if others else seat


def _counties_in(text: str, divisions: Divisions) -> set[Division]:
    """The county-level divisions in use whose names, without their last character, a text
    holds (上虞 for 上虞区)."""
    parts = {
        text[start:end] + ending
        for start in range(len(text))
        for end in range(start + 2, len(text) + 1)
        for ending in COUNTY_ENDINGS
    }
    return {
        division for part in parts for division in divisions.named(part)
        if division.level == "county" and division.last_year is None
    }  # fmt: skip


def _within(division: Division, province: Division, divisions: Divisions) -> bool:
    return division == province or province in divisions.ancestors(division)
