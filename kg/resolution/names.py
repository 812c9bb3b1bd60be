"""How a written name places its body: a division it names (广东省财政厅, 中共东莞市委宣传部),
the one character that stands for a level of the document's own places (市财政局, 区委宣传部), or
nothing (财政局)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.places.divisions import Division, Divisions

PARTY = re.compile(r"^中共")
# The level a leading character stands for, and how a division of that level's name ends
RELATIVE = {"省": "省", "市": "市", "区": "区", "县": "县", "州": "州"}


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
    if bare[:1] in RELATIVE and len(bare) > 2:
        found.append(Reading(bare[1:], relative=bare[0]))
    found.append(Reading(bare))
    return tuple(found)


def named_place(
    text: str, divisions: Divisions, year: int | None, chain: tuple[Division, ...] = ()
) -> tuple[int, Division] | None:
    """How many characters of a text name one division, and which (广东省广州市 -> 6, 广州市); a
    name two divisions bore is the one under the document's places (`chain`) where one is."""
    place: Division | None = None
    used = 0
    while True:
        name, found = divisions.starting(text[used:], year)
        below = [d for d in found if place is None or place in divisions.ancestors(d)]
        if len(below) > 1 and place is None:
            below = [d for d in below if set(divisions.ancestors(d)) & set(chain[:-1])]
        if len(below) != 1:
            break
        place, used = below[0], used + len(name)
    return (used, place) if place else None


def relative_place(relative: str, chain: tuple[Division, ...]) -> Division | None:
    """The nearest of the document's places whose name ends with the level's character (市 in a
    district's document is its city; in a county-level city's, the city itself)."""
    ending = RELATIVE[relative]
    return next((d for d in chain if d.level != "country" and d.name.endswith(ending)), None)
