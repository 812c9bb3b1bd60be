"""The body a written name means in its document's jurisdiction: a curated registry body where
one of the places the name allows has it, else a body identified by rule (the standard name of
its function at that place's level), else none; never another government's body."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from kg.graph import iris
from kg.places.divisions import NATION, Division, Divisions
from kg.places.jurisdiction import Jurisdiction
from kg.places.zones import Zone, Zones
from kg.registry.organizations import (
    GOVERNMENTS,
    Organization,
    Registry,
    Unresolved,
    overlap,
    period,
)
from kg.registry.places import Placed
from kg.resolution.lexicon import VERTICAL, Lexicon, PlaceForm, Standard
from kg.resolution.names import named_place, readings, relative_place
from kg.sources.records import Mention

# The ontology class of a body identified by rule: by its kind, and the level its names follow
CLASSES = {
    ("department", "province"): "ProvincialDepartment",
    ("department", "prefecture"): "MunicipalDepartment",
    ("department", "county"): "CountyDepartment",
    ("general-office", "province"): "ProvincialDepartment",
    ("general-office", "prefecture"): "MunicipalDepartment",
    ("general-office", "county"): "CountyDepartment",
    ("government", "province"): "ProvincialGovernment",
    ("government", "prefecture"): "MunicipalGovernment",
    ("government", "county"): "CountyGovernment",
}
KIND_CLASSES = {
    "vertically-managed": "VerticallyManagedBureau",
    "people-organization": "PeoplesOrganization",
    "party-committee": "PartyCommittee",
    "party-department": "PartyDepartment",
    "court": "Court",
    "procuratorate": "Procuratorate",
    "public-institution": "PublicInstitution",
    "supervisory-commission": "SupervisoryCommission",
}


# A collective assignee: 各区政府, 市政府各部门, 全区经济运行各专班, 有关区政府, 相关单位
COLLECTIVE = re.compile(r"各|^(?:有关|相关)|(?:有关|相关)(?:部门|单位)$")


@dataclass(frozen=True)
class RuleBody:
    """A body the curated registry does not hold, identified by rule: the standard name of its
    function at its place's level, or a collective of its document's jurisdiction as written.
    The same place and name give the same body in every document."""

    name: str  # the standard full name (东莞市人力资源和社会保障局), or the collective's as written
    place: Division
    kind: str  # the ontology class
    rule: str  # which rule, in words
    government: Organization | RuleBody | None  # the government it belongs to
    standard: Standard | None = None  # the lexicon row (None: a collective or a zone's)
    zone: Zone | None = None  # the development zone whose committee it is
    provincial: Organization | RuleBody | None = None  # its province's body of the same function
    national: Organization | None = None  # the nation's body of that function on its day

    @property
    def iri(self) -> str:
        return f"{iris.BASE}org/{self.place.key}/{iris.segment(self.name)}"


def standard_body(
    name: str,
    place: Division,
    standard: Standard,
    government: Identified | None,
    provincial: Identified | None = None,
) -> RuleBody:
    """The body of a function's standard name at a place."""
    if standard.kind in KIND_CLASSES:
        kind = KIND_CLASSES[standard.kind]
    elif standard.kind == "government" and place.level == "county" and place.name.endswith("区"):
        kind = "DistrictGovernment"
    else:
        kind = CLASSES[(standard.kind, standard.level)]
    rule = (
        f"standard name of {standard.function} at {standard.level} level "
        f"({standard.name}; lexicon line {standard.line})"
    )
    return RuleBody(name, place, kind, rule, government, standard, provincial)


Identified = Organization | RuleBody


def naming_levels(place: Division) -> tuple[str, ...]:
    """Whose names a place's bodies follow: a province's, a city's, a county's; a municipality
    directly under the State Council a city's first (北京市财政局), then a province's
    (北京市人民政府办公厅)."""
    if place.level == "province":
        return ("prefecture", "province") if place.name.endswith("市") else ("province",)
    return ("county",) if place.level == "county" else ("prefecture",)


@dataclass(frozen=True)
class Resolver:
    registry: Registry
    placed: Placed
    divisions: Divisions
    lexicon: Lexicon
    zones: Zones = field(default_factory=Zones)

    @cached_property
    def governments(self) -> dict[str, Organization]:
        """The curated government of each division that has one."""
        return {
            code: org
            for org in self.registry.organizations
            if org.kind in GOVERNMENTS | {"DistrictGovernment", "CountyGovernment"}
            and (code := self.placed.code(org.id)) is not None
        }

    def chain(self, jurisdiction: Jurisdiction, year: int | None = None) -> tuple[Division, ...]:
        """The document's places, then those above them in a year, nearest first, the nation
        last."""
        found: dict[Division, None] = dict.fromkeys(jurisdiction.places)
        for place in jurisdiction.places:
            found.update(dict.fromkeys(self.divisions.ancestors(place, year)))
        found.pop(NATION, None)
        return (*found, NATION)

    def resolve(
        self,
        mention: Mention,
        day: dt.date | None,
        jurisdiction: Jurisdiction,
        by_rule: bool = True,
    ) -> Identified:
        """The body a mention names on a day in its document's jurisdiction; Unresolved where
        none is allowed (or, without `by_rule`, where the curated registry holds none)."""
        year = day.year if day else None
        chain = self.chain(jurisdiction, year)
        names = tuple(dict.fromkeys((mention.meant, mention.written)))  # 市 distributed, as written
        bearing = [
            org for name in names for org in self.registry.by_name.get(name, ()) if _bore(org, day)
        ]
        for name in names:
            if body := self._templated(name, bearing, day, chain, by_rule):
                return body
        stems: dict[Division, list[str]] = {}  # each place a name allows, nearest first
        for name in names:
            for stem, target in self._targets(name, chain, year, len(jurisdiction.places)):
                stems.setdefault(target, []).append(stem)
        # a body of a registry that places none is found by its name alone, but only where the
        # document's jurisdiction is not known (else it could be another government's)
        unplaced = set() if jurisdiction else {None}
        for target, found in stems.items():
            codes = {target.code, *unplaced}
            here = list(dict.fromkeys(o for o in bearing if self.placed.code(o.id) in codes))
            if len(here) > 1:
                listed = ", ".join(org.pref_zh for org in here)
                raise Unresolved(f"the name is ambiguous in {target.name}: {listed}")
            if here:
                return here[0]
            for stem in found if by_rule else ():
                if body := self.rule_body(mention.written, stem, target, day):
                    return body
        for name in names if by_rule else ():
            if body := self.zone_committee(name, chain, len(jurisdiction.places), day):
                return body
        raise self._failure(mention, chain, bearing, day, by_rule)

    def _templated(
        self,
        name: str,
        bearing: list[Organization],
        day: dt.date | None,
        chain: tuple[Division, ...],
        by_rule: bool,
    ) -> Identified | None:
        """The body a full name that fills a template names (国家税务总局东莞市税务局): the curated
        one of the place it writes, else (by rule) that place's body of the template."""
        year = day.year if day else None
        for written, how, standard in self.lexicon.templated(name, day):
            named = named_place(written, self.divisions, year, chain)
            if named is None or named[0] != len(written):
                continue
            place = named[1]
            if standard.level not in naming_levels(place):
                continue
            if written not in self.written_place(place, how, day):
                continue  # 人行合肥中心支行 is not the 中国人民银行合肥市中心支行 of its template
            here = [org for org in bearing if self.placed.code(org.id) == place.code]
            if here or by_rule:
                return here[0] if here else self.standard_at(standard, place, day)
        return None

    def _targets(
        self, name: str, chain: tuple[Division, ...], year: int | None, own: int
    ) -> list[tuple[str, Division]]:
        """Where a name may place its body, in order, each with the rest of the name (`own`: how
        many of the chain's first places are the document's own)."""
        targets: list[tuple[str, Division]] = []
        for reading in readings(name, self.divisions, year, chain):
            if reading.place is not None:
                targets.append((reading.stem, reading.place))
            elif reading.relative is not None:
                if (place := relative_place(reading.relative, chain, own)) is not None:
                    targets.append((reading.stem, place))
            else:  # a name as it stands: the nearest place, but not one of two of the document's
                nearest = chain[own:] if own > 1 else chain
                targets.extend((reading.stem, place) for place in nearest)
        return targets

    def rule_body(
        self, written: str, stem: str, place: Division, day: dt.date | None
    ) -> Identified | None:
        """The body of a place whose function's standard name (or short form) a stem is (the
        curated body of that place bearing the standard name where there is one), the place's
        government for a place's name alone, or the place's collective, labelled as written."""
        if place.level == "country":
            return None
        if not stem:
            return self.government_of(place, day)
        if COLLECTIVE.search(stem):
            rule = "a collective of the document's jurisdiction, as written"
            government = self.government_of(place, day)
            return RuleBody(written, place, "CollectiveAssignee", rule, government)
        levels = naming_levels(place)
        standard = next(
            (found for level in levels if (found := self.lexicon.standard(stem, level, day))), None
        )
        if standard is None:
            return None
        found = self.standard_at(standard, place, day)
        if not isinstance(found, RuleBody):
            return found
        national = self.national_of(standard)
        if place.level == "province":
            return replace(found, national=national)
        year = day.year if day else None
        province = next(d for d in self.divisions.ancestors(place, year) if d.level == "province")
        provincial = self.function_at(standard.function, province, day)
        return replace(found, provincial=provincial, national=national)

    def zone_committee(
        self, name: str, chain: tuple[Division, ...], own: int, day: dt.date | None
    ) -> Identified | None:
        """The administrative committee of the development zone a name means (东湖高新区管委会
        in a Wuhan document): the curated body bearing its name at the zone's seat, else by rule a
        department of the seat's government."""
        zone = self.zones.named(name, chain, lambda letter: relative_place(letter, chain, own))
        if zone is None or zone.seat is None:
            return None
        for org in self.registry.by_name.get(zone.committee, ()):
            if self.placed.code(org.id) == zone.seat.code and _bore(org, day):
                return org
        kind = CLASSES[("department", naming_levels(zone.seat)[0])]
        rule = f"administrative committee of a national {zone.kind} zone (zones line {zone.line})"
        government = self.government_of(zone.seat, day)
        return RuleBody(zone.committee, zone.seat, kind, rule, government, zone=zone)

    def national_of(self, standard: Standard) -> Organization | None:
        """The national body of a standard name's area of work (国家发展和改革委员会 for
        development-reform), where the lexicon names it, the registry holds it (a registry of
        one's own may not) and it is the only one of the area while the name was in use (so the
        body's counterpart is one whatever document names it)."""
        ids = self.lexicon.national.get(standard.function, ())
        bodies = [self.registry.by_id[i] for i in ids if i in self.registry.by_id]
        during = [org for org in bodies if overlap(org, standard)]
        return during[0] if len(during) == 1 else None

    def standard_at(self, standard: Standard, place: Division, day: dt.date | None) -> Identified:
        """A place's body of a standard name: the curated one bearing it or another name of its
        function at that level (广州市发展和改革委员会 for 市发改局: a place has one of the two),
        else one by rule."""
        variants = self.lexicon.of_function(standard.function, standard.level, day)
        if curated := self._curated(dict.fromkeys([standard, *variants]), place, day):
            return curated
        name = self.name_at(standard, place, day)
        # a vertically managed body is its system's, not the place's government's (海关总署's)
        government = None if standard.kind == VERTICAL else self.government_of(place, day)
        return standard_body(name, place, standard, government)

    def function_at(self, function: str, place: Division, day: dt.date | None) -> Identified | None:
        """A place's body of an area of work on a day (the province's for a city's body): the
        curated one where the registry has it, else the standard one where its level has one."""
        rows = self._rows(place, day, lambda s: s.function == function)
        if curated := self._curated(rows, place, day):
            return curated
        return self.standard_at(rows[0], place, day) if len(rows) == 1 else None

    def _curated(
        self, standards: Iterable[Standard], place: Division, day: dt.date | None
    ) -> Organization | None:
        """The curated body of a place bearing one of these standard names on a day."""
        for standard in standards:
            for org in self.registry.by_name.get(self.name_at(standard, place, day), ()):
                if self.placed.code(org.id) == place.code and _bore(org, day):
                    return org
        return None

    def government_of(self, place: Division, day: dt.date | None) -> Identified | None:
        """A place's government: curated where the registry has it, else by the lexicon."""
        if place.code in self.governments:
            return self.governments[place.code]
        if place.level == "prefecture" and place.name.endswith(("地区", "盟")):
            return None  # its organ is a 行政公署 of the province, not a people's government
        standard = self._standard(place, day, lambda s: s.kind == "government")
        if standard is None:
            return None
        return standard_body(self.name_at(standard, place, day), place, standard, None)

    def _standard(
        self, place: Division, day: dt.date | None, wanted: Callable[[Standard], bool]
    ) -> Standard | None:
        """The lexicon row a place's bodies follow on a day that is `wanted`; none where its
        level has two (水利局 or 水务局: which is not known)."""
        rows = self._rows(place, day, wanted)
        return rows[0] if len(rows) == 1 else None

    def _rows(
        self, place: Division, day: dt.date | None, wanted: Callable[[Standard], bool]
    ) -> list[Standard]:
        """The lexicon rows in use on a day that are `wanted`, at the first of the levels whose
        names a place's bodies follow that has any."""
        for level in naming_levels(place):
            rows = [
                s for s in self.lexicon.standards
                if s.level == level and s.in_use_on(day) and wanted(s)
            ]  # fmt: skip
            if rows:
                return rows
        return []

    def name_at(self, standard: Standard, place: Division, day: dt.date | None) -> str:
        """A standard name's full name in a place on a day."""
        return standard.full_name(self.full_place_name(place, day), place.short_names[-1])

    def written_place(self, place: Division, how: PlaceForm, day: dt.date | None) -> set[str]:
        """How a template writes a place: whole (its name, or a district's with its city), or
        without its 省/市."""
        if how == "short":
            return {place.short_names[-1]}
        return {place.name, self.full_place_name(place, day)}

    def full_place_name(self, place: Division, day: dt.date | None) -> str:
        """How bodies' full names write a place: a city's district with its city (武汉市蔡甸区,
        北京市朝阳区, as 广州市越秀区人民政府 is written), a county or county-level city alone."""
        parent = self.divisions.parent_of(place, day.year if day else None)
        if place.name.endswith("区") and parent.name.endswith("市"):
            return parent.name + place.name
        return place.name

    def _failure(
        self,
        mention: Mention,
        chain: tuple[Division, ...],
        elsewhere: list[Organization],
        day: dt.date | None,
        by_rule: bool,
    ) -> Unresolved:
        """Why nothing is allowed; where only the curated registry may identify it (the failure
        then stops the build), with the names closest to it, the jurisdiction's first."""
        closest = () if by_rule else self.closest(mention.meant, chain)
        if elsewhere:
            bodies = ", ".join(dict.fromkeys(org.pref_zh for org in elsewhere))
            where = chain[0].name if chain[0].level != "country" else "no known jurisdiction"
            return Unresolved(
                f"the registry's body of this name ({bodies}) belongs to another government "
                f"than this document's ({where})",
                closest,
            )
        named = [
            org
            for name in (mention.meant, mention.written)
            for org in self.registry.by_name.get(name, ())
        ]
        if named:
            periods = ", ".join(dict.fromkeys(map(period, named)))
            return Unresolved(f"no body bore this name on {day}: {periods}", closest)
        rules = ", and no rule places it" if by_rule else ""
        return Unresolved(f"not in the organization registry{rules}", closest)

    def closest(self, name: str, chain: tuple[Division, ...]) -> tuple[str, ...]:
        """The registry names most like a name, those of the document's places first (for an
        error message, never for resolving)."""
        codes = {place.code for place in chain}
        own = [
            label for label, orgs in self.registry.by_name.items()
            if any(self.placed.code(org.id) in codes for org in orgs)
        ]  # fmt: skip
        nearby = difflib.get_close_matches(name, own, n=3, cutoff=0.4)
        return tuple(dict.fromkeys([*nearby, *self.registry.closest(name)]))[:3]


def _bore(org: Organization, day: dt.date | None) -> bool:
    return day is None or org.existed_on(day)
