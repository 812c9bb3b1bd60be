"""How a written name places its body: a division it names (广东省财政厅, 中共东莞市委宣传部),
the one character that stands for a level of the document's own places (市财政局, 区委宣传部), or
nothing (财政局)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.places.divisions import Division, Divisions

PARTY = re.compile(r"^中共")
# A leading character that stands for a level of the document's own places (a division of that
# level's name ends with it)
RELATIVE = "省市区县州"


@dataclass(frozen=True)
class Reading:
    """One way to read a name: where it places its body, and the rest of the name."""

    stem: str
    place: Division | None = None  # a division the name carries
    relative: str | None = None  # 省, 市, 区, 县 or 州: that level of the document's own places


def readings(
    name: str, divisions: Divisions, year: int | None, chain: tuple[Division, ...]
) -> tuple[Reading, ...]:
    """Every plausible reading, the most specific first: a division named at the start (the
    whole name where it is a division's: 越秀区 is its government), then a relative level, then
    the name as it stands (市场监管局: 市 + 场监管局, and whole)."""
    found: list[Reading] = []
    bare = PARTY.sub("", name)
    if named := named_place(bare, divisions, year, chain):
        found.append(Reading(bare[named[0] :], named[1]))
    if bare[:1] in RELATIVE and len(bare) >= 2:
        found.append(Reading(bare[1:], relative=bare[0]))
    found.append(Reading(bare))
    return tuple(found)


def named_place(
    text: str, divisions: Divisions, year: int | None, chain: tuple[Division, ...]
) -> tuple[int, Division] | None:
    """How many characters of a text name one division, and which (广东省广州市 -> 6, 广州市).
    A district or county named without its city is one of the document's own city (`chain`:
    越秀区 in a Guangzhou document; 东区 in a Zhongshan document is none); a name two divisions
    bore is the one under the document's places where one is."""
    place: Division | None = None
    used = 0
    while True:
        name, found = divisions.starting(text[used:], year)
        if place is not None:
            below = [d for d in found if place in divisions.ancestors(d, year)]
        else:
            below = [d for d in found if _within(d, chain, divisions, year)]
        if len(below) != 1:
            break
        place, used = below[0], used + len(name)
    return (used, place) if place else None


def _within(
    division: Division, chain: tuple[Division, ...], divisions: Divisions, year: int | None
) -> bool:
    """Whether a division named alone may be meant by a document of these places: a county-level
    one only under the document's own city; another where it is the only one of its name, or
    under one of the document's places."""
    above = set(divisions.ancestors(division, year))
    if division.level == "county":
        city = next((d for d in chain if d.level != "county" and d.name.endswith("市")), None)
        return city is not None and city in above
    own = {d for d in chain if d.level != "country"}
    return not own or bool(above & own) or len(divisions.named(division.name)) == 1


def relative_place(relative: str, chain: tuple[Division, ...], own: int = 1) -> Division | None:
    """The nearest of the document's places whose name ends with the level's character (市 in a
    district's document is its city; in a county-level city's, the city itself); none where two
    of its `own` places (the first of the chain: a joint document's) both are."""
    matching = [d for d in chain if d.level != "country" and d.name.endswith(relative)]
    if len([d for d in matching if d in chain[:own]]) > 1:
        return None
    return matching[0] if matching else None
