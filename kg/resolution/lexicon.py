"""The standard names of local government bodies by level and period, the short forms documents
write for them, and the reforms that renamed, merged or split them (data/lexicon/)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from kg.csvfile import read_rows, value, values
from kg.errors import SourceError
from kg.registry.organizations import DATE, first_day

BODY_COLUMNS = (
    "function", "level", "name", "short", "kind", "valid_from", "valid_until", "source", "quote",
    "note",
)  # fmt: skip
REFORM_COLUMNS = ("id", "date", "level", "kind", "original", "resulting", "source", "quote", "note")
NATIONAL_COLUMNS = ("function", "organization", "note")
LEVELS = ("province", "prefecture", "county")
KINDS = (
    "department", "government", "general-office", "vertically-managed", "people-organization",
    "party-committee", "party-department", "court", "procuratorate", "public-institution",
    "supervisory-commission",
)  # fmt: skip
REFORM_KINDS = ("rename", "merger", "split", "abolition")
LEXICON_FILES = ("bodies.csv", "reforms.csv", "national.csv")
PLACE = "{place}"  # where a name's place goes when it does not go first (中共{place}委宣传部)
SHORT = "{short}"  # the place without its 省/市 (国家金融监督管理总局{short}监管局: 广东监管局)
OWN_FORM = 3  # the least characters a template's words after the place need to be written alone
VERTICAL = "vertically-managed"
# How a form writes its place: whole (东莞市, {place}), or without its 省/市 (东莞, {short})
PlaceForm = Literal["whole", "short"]


@dataclass(frozen=True)
class Standard:
    """One function's standard name at one level for a period."""

    function: str
    level: str
    name: str  # without the place, or a template with {place}
    short: tuple[str, ...]
    kind: str
    source: str
    line: int
    valid_from: str | None = None
    valid_until: str | None = None

    @property
    def templated(self) -> bool:
        return _templated(self.name)

    def full_name(self, place: str, short: str) -> str:
        """The name a body of this function bears in a place (东莞市 + 财政局), its place's name
        (or its name without 省/市, `short`) put where the template says."""
        if not self.templated:
            return place + self.name
        return self.name.replace(PLACE, place).replace(SHORT, short)

    @cached_property
    def patterns(self) -> tuple[tuple[re.Pattern[str], PlaceForm], ...]:
        """The whole names, as written, that carry their place: a template's full name
        (国家税务总局东莞市税务局) and the short forms with the place inside
        (人民银行潍坊市中心支行, 潍坊银监分局), each a pattern with the place in group "place",
        and how it writes the place."""
        forms = (self.name,) if self.templated else ()
        return tuple(_pattern(form) for form in (*forms, *self.short) if _templated(form))

    @property
    def written_forms(self) -> tuple[str, ...]:
        """What a document writes after the place (or the 市, 区 that stands for it): the name,
        or a template's words after the place where they say enough alone (委宣传部; not 分局,
        nor a vertically managed system's words, which another system may write after a place:
        中心支行, 监管局), and the short forms that do not carry the place."""
        short = tuple(form for form in self.short if not _templated(form))
        if not self.templated:
            return (self.name, *short)
        own = self.name.replace(SHORT, PLACE).split(PLACE, 1)[1]
        alone = len(own) >= OWN_FORM and self.kind != VERTICAL
        return (own, *short) if alone else short

    def in_use_on(self, day: dt.date | None) -> bool:
        start = first_day(self.valid_from) if self.valid_from else dt.date.min
        end = first_day(self.valid_until) if self.valid_until else dt.date.max
        return day is None or start <= day < end


@dataclass(frozen=True)
class Reform:
    """Functions that went into others at a level on a day."""

    id: str
    date: str
    level: str | None  # None: every level
    kind: str
    original: tuple[str, ...]
    resulting: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Lexicon:
    standards: tuple[Standard, ...]
    reforms: tuple[Reform, ...]
    # each function's national bodies through time (registry ids): its counterparts by function
    national: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def _by_form(self) -> dict[tuple[str, str], list[Standard]]:
        """The rows by level and written form."""
        found: dict[tuple[str, str], list[Standard]] = {}
        for standard in self.standards:
            for form in dict.fromkeys(standard.written_forms):
                found.setdefault((standard.level, form), []).append(standard)
        return found

    @cached_property
    def _by_function(self) -> dict[tuple[str, str], list[Standard]]:
        """The rows by function and level."""
        found: dict[tuple[str, str], list[Standard]] = {}
        for standard in self.standards:
            found.setdefault((standard.function, standard.level), []).append(standard)
        return found

    def of_function(self, function: str, level: str, day: dt.date | None) -> list[Standard]:
        """A function's standard names at a level in use on a day (two where places differ:
        发展和改革委员会 or 发展和改革局)."""
        rows = self._by_function.get((function, level), [])
        return [standard for standard in rows if standard.in_use_on(day)]

    def templated(self, name: str, day: dt.date | None) -> list[tuple[str, PlaceForm, Standard]]:
        """The templates a full name fills, in use on a day, each with the place it writes and
        how it writes it."""
        found = [
            (match["place"], how, standard)
            for standard in self.standards if standard.in_use_on(day)
            for pattern, how in standard.patterns
            if (match := pattern.fullmatch(name))
        ]  # fmt: skip
        return list(dict.fromkeys(found))

    def standard(self, written: str, level: str, day: dt.date | None) -> Standard | None:
        """The standard body of a level that a written stem names on a day: the name in use
        then, or, for a name a reform replaced before the day, the one it became (one only)."""
        named = self._by_form.get((level, written), [])
        current = [s for s in named if s.in_use_on(day)]
        if len(current) == 1:
            return current[0]
        if current or len(named) != 1 or day is None:
            return None
        return self._successor(named[0], day)

    def _successor(self, standard: Standard, day: dt.date) -> Standard | None:
        """What a function became by a day: followed through the reforms of its level while the
        road is one (a split, or a merger of a function into two, leaves it open)."""
        function = standard.function
        for reform in sorted(self.reforms, key=lambda reform: reform.date):
            applies = reform.level in (None, standard.level) and function in reform.original
            if applies and first_day(reform.date) <= day:
                if len(reform.resulting) != 1:
                    return None
                function = reform.resulting[0]
        found = self.of_function(function, standard.level, day)
        return found[0] if len(found) == 1 and function != standard.function else None


def _templated(form: str) -> bool:
    return PLACE in form or SHORT in form


def _pattern(form: str) -> tuple[re.Pattern[str], PlaceForm]:
    """A form with the place inside as a pattern of whole names, the place in group "place",
    and how the form writes it."""
    how: PlaceForm = "short" if SHORT in form else "whole"
    before, after = form.replace(SHORT, PLACE).split(PLACE, 1)
    return re.compile(rf"{re.escape(before)}(?P<place>\S{{2,12}}?){re.escape(after)}"), how


def load_lexicon(folder: Path) -> Lexicon:
    """Read and check the lexicon (bodies.csv, reforms.csv, national.csv of a folder); a bad cell
    names its file, line and column."""
    bodies, reforms, national = (folder / name for name in LEXICON_FILES)
    standards = tuple(_standard(row, line, bodies) for line, row in read_rows(bodies, BODY_COLUMNS))
    functions = {standard.function for standard in standards}
    changes = tuple(
        _reform(row, line, reforms, functions) for line, row in read_rows(reforms, REFORM_COLUMNS)
    )
    counterparts: dict[str, tuple[str, ...]] = {}
    for line, row in read_rows(national, NATIONAL_COLUMNS):
        _required(row, ("function", "organization"), line, national)
        if value(row, "function") not in functions:
            problem = f"no function {value(row, 'function')!r} in the bodies"
            raise SourceError(national, line, problem, "function")
        counterparts[str(value(row, "function"))] = values(row, "organization")
    return Lexicon(standards, changes, counterparts)


def _required(row: dict[str, str], columns: tuple[str, ...], line: int, path: Path) -> None:
    for column in columns:
        if not value(row, column):
            raise SourceError(path, line, f"{column} is required", column)


def _chosen(
    row: dict[str, str], column: str, allowed: tuple[str, ...], line: int, path: Path
) -> str:
    text = value(row, column) or ""
    if text not in allowed:
        raise SourceError(path, line, f"{column} must be one of {', '.join(allowed)}", column)
    return text


def _date(row: dict[str, str], column: str, line: int, path: Path) -> str | None:
    text = value(row, column)
    if text is not None and not DATE.match(text):
        raise SourceError(path, line, "a date is YYYY, YYYY-MM or YYYY-MM-DD", column)
    return text


def _standard(row: dict[str, str], line: int, path: Path) -> Standard:
    _required(row, ("function", "name", "source"), line, path)
    return Standard(
        function=str(value(row, "function")),
        level=_chosen(row, "level", LEVELS, line, path),
        name=str(value(row, "name")),
        short=values(row, "short"),
        kind=_chosen(row, "kind", KINDS, line, path),
        source=str(value(row, "source")),
        line=line,
        valid_from=_date(row, "valid_from", line, path),
        valid_until=_date(row, "valid_until", line, path),
    )


def _reform(row: dict[str, str], line: int, path: Path, functions: set[str]) -> Reform:
    _required(row, ("id", "date", "original", "source"), line, path)
    level = value(row, "level")
    if level is not None and level not in LEVELS:
        raise SourceError(path, line, f"level must be one of {', '.join(LEVELS)}", "level")
    reform = Reform(
        id=str(value(row, "id")),
        date=str(_date(row, "date", line, path)),
        level=level,
        kind=_chosen(row, "kind", REFORM_KINDS, line, path),
        original=values(row, "original"),
        resulting=values(row, "resulting"),
        source=str(value(row, "source")),
    )
    for column in ("original", "resulting"):
        for function in getattr(reform, column):
            if function not in functions:
                raise SourceError(path, line, f"no function {function!r} in the bodies", column)
    return reform
