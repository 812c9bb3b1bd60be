"""Where a line stands in a file of no lines of its own (a PDF page, a Word table's row, a sheet's
row), and where each of its cells starts, so that a name read from it is found again there."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from kg.sources.spans import Span


@dataclass(frozen=True)
class Place:
    """A line's place ("page 2, table 1, row 5"), and for a table row each cell's first
    character's offset and what the file calls that cell ("column D", "cell 3")."""

    where: str
    cells: tuple[int, ...] = ()
    names: tuple[str, ...] = ()

    def cell_at(self, offset: int) -> int | None:
        index = bisect_right(self.cells, offset) - 1
        return index if self.cells and index >= 0 else None


def place_of(places: Mapping[int, Place], span: Span) -> str | None:
    """Where a span stands: its cell where it lies in one ("sheet 分工, row 7, column D"), else
    its line or lines ("page 2, table 1, row 14 to page 3, table 1, row 1")."""
    first, last = places.get(span.first), places.get(span.last)
    if first is None or last is None:
        return None
    if span.first != span.last:
        return f"{first.where} to {last.where}"
    if span.offsets is None:
        return first.where
    start, end = (first.cell_at(offset) for offset in span.offsets)
    if start is None or start != end:
        return first.where
    return f"{first.where}, {first.names[start]}"
