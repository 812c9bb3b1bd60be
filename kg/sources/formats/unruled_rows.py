"""Which row of a table printed without rulings each cell's text belongs to, found by the row
numbers (the 序号 column: one cell a row, never merged). Where cells are aligned at the top, a
text belongs to the last row whose number is not below its top. Where they are centred
vertically, it belongs to the row whose number it is centred on and holds it alone; else it is a
merged cell, which goes to the first of the free rows it lies in and is centred over, the rows'
bounds taken halfway between the texts centred on their numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

NEAR = 0.35  # line heights a text may stand from the row number it is aligned with


@dataclass(frozen=True)
class Piece:
    """Characters of one printed line next to each other, or a line's part in one column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Block:
    """A column's pieces one under the other: one cell's text, or a merged cell's."""

    column: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.pieces[0].top

    @property
    def bottom(self) -> float:
        return max(piece.bottom for piece in self.pieces)

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return "\n".join(piece.text for piece in self.pieces)


Placed = list[tuple[Block, int]]  # each block and its row: 0 above the first, then from 1


def table_rows(
    heading: list[Block], anchors: list[Block], cells: list[Block], width: int, height: float
) -> list[list[str]]:
    """The rows of cells: the header's, a row the page before began, then one a row number."""
    if _top_aligned(anchors, cells, height):
        placed = [(block, _row_by_top(block, anchors, height)) for block in cells]
    else:
        header = max((block.bottom for block in heading), default=None)
        placed = _rows_by_centre(anchors, cells, height, header)
    rows = [_cells(heading, width)] if heading else []
    for number in range(len(anchors) + 1):
        own = [block for block, row in placed if row == number]
        if number:
            own.append(anchors[number - 1])
        if own:
            rows.append(_cells(own, width))
    return rows


def _cells(blocks: list[Block], width: int) -> list[str]:
    cells = [""] * width
    for block in sorted(blocks, key=lambda block: block.top):
        cells[block.column] = "\n".join(filter(None, [cells[block.column], block.text]))
    return cells


def _near(a: float, b: float, height: float) -> bool:
    return abs(a - b) <= NEAR * height


def _top_aligned(anchors: list[Block], cells: list[Block], height: float) -> bool:
    """Whether the texts of more than one line start level with a row number (cells aligned at
    the top) more often than they are centred on one."""
    tall = [block for block in cells if len(block.pieces) > 1]
    tops = sum(any(_near(b.top, a.top, height) for a in anchors) for b in tall)
    centres = sum(any(_near(b.centre, a.centre, height) for a in anchors) for b in tall)
    return tops > centres


def _row_by_top(block: Block, anchors: list[Block], height: float) -> int:
    return sum(1 for anchor in anchors if anchor.top <= block.top + NEAR * height)


def _rows_by_centre(
    anchors: list[Block], cells: list[Block], height: float, header: float | None
) -> Placed:
    """Each centred text's row; `header` is where the header row's text ends, if on the page."""
    singles = {id(block): row for block in cells if (row := _centred_on(block, anchors, height))}
    placed = [(block, singles[id(block)]) for block in cells if id(block) in singles]
    bounds = _bounds(anchors, placed, header)
    bounds[-1] = max([bounds[-1], *(block.bottom for block in cells)])
    slack = NEAR * height
    for column in sorted({block.column for block in cells}):
        taken = {row for block, row in placed if block.column == column}
        for block in cells:
            if block.column != column or id(block) in singles:
                continue
            above = block.bottom <= bounds[0] + slack
            first, last = (0, 0) if above else _span(block, bounds, taken, slack)
            placed.append((block, first))
            taken.update(range(first, last + 1))
    return placed


def _centred_on(block: Block, anchors: list[Block], height: float) -> int | None:
    """The row whose number the text is centred on and which holds it alone (it reaches no
    other row's number: a merged cell over three rows alike is centred on the middle one)."""
    for row, anchor in enumerate(anchors, start=1):
        if _near(block.centre, anchor.centre, height):
            others = anchors[: row - 1] + anchors[row:]
            if not any(_overlap(block, other) > NEAR * height for other in others):
                return row
    return None


def _overlap(a: Block, b: Block) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def _bounds(anchors: list[Block], singles: Placed, header: float | None) -> list[float]:
    """Where each row starts, and where the last ends: halfway between the lowest text of a row
    and the highest of the next, among the texts centred on their row numbers."""
    tops = [anchor.top for anchor in anchors]
    bottoms = [anchor.bottom for anchor in anchors]
    for block, row in singles:
        tops[row - 1] = min(tops[row - 1], block.top)
        bottoms[row - 1] = max(bottoms[row - 1], block.bottom)
    first = (header + tops[0]) / 2 if header is not None else tops[0]
    between = [(bottom + top) / 2 for bottom, top in zip(bottoms, tops[1:], strict=False)]
    return [first, *between, bottoms[-1]]


def _span(block: Block, bounds: list[float], taken: set[int], slack: float) -> tuple[int, int]:
    """The free rows a merged text lies in and is centred over (first, last): the fewest of
    them centred on it within `slack`, else the most nearly centred."""
    fits = []
    for first in range(1, len(bounds)):
        for last in range(first, len(bounds)):
            top, bottom = bounds[first - 1], bounds[last]
            free = not taken.intersection(range(first, last + 1))
            if free and top - slack <= block.top and block.bottom <= bottom + slack:
                fits.append((abs(block.centre - (top + bottom) / 2), last - first, first, last))
    centred = [(rows, off, first, last) for off, rows, first, last in fits if off <= slack]
    if centred or fits:
        *_, first, last = min(centred) if centred else min(fits)
        return first, last
    row = max(1, sum(1 for bound in bounds[:-1] if bound <= block.centre))
    return row, row
