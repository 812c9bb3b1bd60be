"""A table a PDF page prints without rulings, read from the page's text lines as rows of cells.

The table is found by its header (a line that starts with 序号) or, on a page a table goes on to,
by its row numbers at the left, and needs three columns or more. Its columns lie between gutters:
x ranges no printed line covers, or that few lines cross (a merged cell over two columns) beside
the columns either side. Each printed line is cut at the gutters, each piece in the column it
starts in; a column's pieces closer than about half a line's height are one cell's text (a
block), and each block goes to its row (kg.sources.formats.unruled_rows). Below the last row
number, a line that crosses a gutter, or stands a line's height away, ends the table. Where no
space stands between the header and the first row, rows cannot be told apart: an error."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median
from typing import Any

from kg.sources.formats.unruled_rows import Block, Piece, table_rows
from kg.sources.numbering import ROW_NUMBER

NUMBER_HEADER = "序号"
MIN_COLUMNS = 3
# Lengths in line heights (a character's height, about its width)
GUTTER = 0.3  # the narrowest gap between two columns: wider than a space (about 0.25)
BLOCK_GAP = 0.55  # lines of one cell stand closer than this, a cell and the next row's farther
END_GAP = 1.0  # a line this far below the table is not part of it
CROSSING = 0.3  # a gutter may be crossed by this share of the lines of the columns either side
CROWDED = (
    "a table without rulings whose cells have no space above and below them (as Word's default "
    "cell margins print them): which row a line belongs to cannot be told from where it stands; "
    "the table printed with rulings, or its Word file, can be read"
)


class CrowdedTable(ValueError):
    """An unruled table whose rows touch: its cells cannot be told apart by their positions."""


@dataclass(frozen=True)
class Columns:
    """A table's columns (the gutters between them, left to right) and the last row number read:
    a table that goes on to the next page keeps its columns there."""

    gutters: tuple[tuple[float, float], ...]
    last_number: int

    @property
    def count(self) -> int:
        return len(self.gutters) + 1

    def of(self, x: float) -> int:
        """The column a piece starting at x stands in (a gutter's left half is its left's)."""
        return sum(1 for start, end in self.gutters if (start + end) / 2 <= x)

    def crossed_by(self, piece: Piece) -> bool:
        """Whether a piece runs from a column over a gutter into the next."""
        return any(piece.x0 < (start + end) / 2 < end < piece.x1 for start, end in self.gutters)


@dataclass(frozen=True)
class Unruled:
    """A page's unruled table: its rows of cells (the header first where the page prints it; a
    row without a number first where a row of the page before goes on), where it starts, the
    page's lines before and after it, and its columns."""

    rows: list[list[str]]
    top: float
    before: list[dict[str, Any]]
    after: list[dict[str, Any]]
    columns: Columns


def read_unruled(lines: list[dict[str, Any]], previous: Columns | None) -> Unruled | None:
    """The unruled table of a page's text lines (pdfplumber's, with their characters), or None
    where they hold none; `previous` is the table the page before ended with. CrowdedTable where
    its rows touch."""
    heights = [char["bottom"] - char["top"] for line in lines for char in _chars(line)]
    if not heights:
        return None
    height = median(heights)
    printed = [_pieces(line, GUTTER * height) for line in lines]
    header = _header(printed, BLOCK_GAP * height)
    anchors = _anchors(printed, header)
    if not anchors or (header is None and previous is None and len(anchors) < 2):
        return None
    columns = _columns(printed, header, anchors, previous, height)
    if columns.count < MIN_COLUMNS:
        return None
    first, last = _extent(printed, header, anchors, columns, height)
    blocks = _blocks(printed[first : last + 1], columns, height)
    heading = [b for b in blocks if header is not None and b.top <= printed[header][0].bottom]
    body = [b for b in blocks if not any(b is h for h in heading)]
    numbers = [block for block in body if _is_number(block)]
    cells = [block for block in body if not _is_number(block)]
    rows = table_rows(heading, numbers, cells, columns.count, height)
    return Unruled(rows, lines[first]["top"], lines[:first], lines[last + 1 :], columns)


def _columns(
    printed: list[list[Piece]],
    header: int | None,
    anchors: list[int],
    previous: Columns | None,
    height: float,
) -> Columns:
    """The page before's columns where the page goes on with its row numbers, else the gutters
    of the lines from the header (or the first row number) to the last row number."""
    first, last = (_number(printed[index][0].text) for index in (anchors[0], anchors[-1]))
    if header is None and previous is not None and first == previous.last_number + 1:
        return Columns(previous.gutters, last)
    start = anchors[0] if header is None else _grow(printed, header, -1, BLOCK_GAP * height)
    return Columns(_gutters(p for line in printed[start : anchors[-1] + 1] for p in line), last)


def _extent(
    printed: list[list[Piece]],
    header: int | None,
    anchors: list[int],
    columns: Columns,
    height: float,
) -> tuple[int, int]:
    """The table's first and last lines: from its header (or the lines above its first row
    number that belong to it) to the last row's last line."""
    if header is None:
        first = _grow(printed, anchors[0], -1, END_GAP * height, columns)
    else:
        first = _grow(printed, header, -1, BLOCK_GAP * height, columns)
        if _touching(printed[header : anchors[0] + 1], BLOCK_GAP * height):
            raise CrowdedTable(CROWDED)
    return first, _grow(printed, anchors[-1], 1, END_GAP * height, columns)


def _chars(line: dict[str, Any]) -> list[dict[str, Any]]:
    return [char for char in line["chars"] if char["text"].strip()]


def _pieces(line: dict[str, Any], gap: float) -> list[Piece]:
    """A printed line cut where its characters stand a gutter's width apart or more."""
    runs: list[list[dict[str, Any]]] = []
    for char in sorted(_chars(line), key=lambda char: char["x0"]):
        if runs and char["x0"] - runs[-1][-1]["x1"] < gap:
            runs[-1].append(char)
        else:
            runs.append([char])
    return [
        Piece(
            "".join(char["text"] for char in run),
            run[0]["x0"],
            max(char["x1"] for char in run),
            min(char["top"] for char in run),
            max(char["bottom"] for char in run),
        )
        for run in runs
    ]


def _header(printed: list[list[Piece]], gap: float) -> int | None:
    """The line a table's header starts on: its first piece 序号, or 序 over 号 where the column
    is narrow (lines of other columns may stand between them)."""
    for index, line in enumerate(printed):
        text = "".join(line[0].text.split()) if line else ""
        if not text or not NUMBER_HEADER.startswith(text):
            continue
        bottom = line[0].bottom
        for below in printed[index + 1 :]:
            if text == NUMBER_HEADER or not below or below[0].top - bottom > gap:
                break
            if below[0].x0 <= line[0].x1 and below[0].x1 >= line[0].x0:
                text, bottom = text + "".join(below[0].text.split()), below[0].bottom
        if text == NUMBER_HEADER:
            return index
    return None


def _number(text: str) -> int:
    return int(text.rstrip(".．、"))


def _is_number(block: Block) -> bool:
    return block.column == 0 and ROW_NUMBER.fullmatch(block.text) is not None


def _anchors(printed: list[list[Piece]], header: int | None) -> list[int]:
    """The lines that open the table's rows: a row number first on its line, each one more than
    the one before and in the same column, under the header where there is one."""
    found: list[int] = []
    reference = printed[header][0] if header is not None else None
    for index in range(0 if header is None else header + 1, len(printed)):
        line = printed[index]
        if not line or not ROW_NUMBER.fullmatch(line[0].text):
            continue
        column = reference or (printed[found[0]][0] if found else line[0])
        if line[0].x0 > column.x1 or line[0].x1 < column.x0:
            continue
        if found and _number(line[0].text) != _number(printed[found[-1]][0].text) + 1:
            break
        found.append(index)
    return found


def _gutters(pieces: Iterable[Piece]) -> tuple[tuple[float, float], ...]:
    """The x ranges between columns, a gutter's width or wider, inside the table: where no line
    stands, or where few cross beside many on both sides (at most CROSSING of the most lines
    standing at any x between it and the empty gutters either side)."""
    pieces = list(pieces)
    width = GUTTER * median(piece.bottom - piece.top for piece in pieces)
    edges = sorted({x for piece in pieces for x in (piece.x0, piece.x1)})
    spans = list(itertools.pairwise(edges))
    cover = [sum(1 for p in pieces if p.x0 <= start and p.x1 >= end) for start, end in spans]
    gap = [
        not count and end - start >= width for count, (start, end) in zip(cover, spans, strict=True)
    ]
    begin = 0
    for index in [*(i for i, empty in enumerate(gap) if empty), len(spans)]:
        _mark_crossed(cover[begin:index], gap, begin)
        begin = index + 1
    found: list[tuple[float, float]] = []
    for (start, end), between in zip(spans, gap, strict=True):
        if between and found and found[-1][1] == start:
            found[-1] = (found[-1][0], end)
        elif between:
            found.append((start, end))
    return tuple(
        (start, end)
        for start, end in found
        if end - start >= width and edges[0] < start and end < edges[-1]
    )


def _mark_crossed(cover: list[int], gap: list[bool], offset: int) -> None:
    """Within a stretch between empty gutters, mark where few lines stand beside many on both
    sides: a gutter that merged cells cross."""
    left = list(itertools.accumulate(cover, max))
    right = list(itertools.accumulate(reversed(cover), max))[::-1]
    for i, count in enumerate(cover):
        most = min(left[i], right[i])
        gap[offset + i] = count < most and count <= CROSSING * most


def _grow(
    printed: list[list[Piece]], start: int, step: int, gap: float, columns: Columns | None = None
) -> int:
    """The farthest line from `start`, up (step -1) or down, that the table reaches: each line
    within `gap` of those before it and crossing none of the `columns`' gutters."""
    top = min(piece.top for piece in printed[start])
    bottom = max(piece.bottom for piece in printed[start])
    index = start
    while 0 <= index + step < len(printed) and (line := printed[index + step]):
        away = line[0].top - bottom if step > 0 else top - max(p.bottom for p in line)
        if away > gap or (columns and any(columns.crossed_by(piece) for piece in line)):
            break
        top, bottom = min(top, *(p.top for p in line)), max(bottom, *(p.bottom for p in line))
        index += step
    return index


def _touching(printed: list[list[Piece]], gap: float) -> bool:
    """Whether no space stands between the header's text and the first row's (row numbers set
    aside: their characters stand higher than Chinese ones)."""
    pieces = sorted(
        (p for line in printed for p in line if not ROW_NUMBER.fullmatch(p.text)),
        key=lambda piece: piece.top,
    )
    bottom = pieces[0].bottom if pieces else 0.0
    for piece in pieces[1:]:
        if piece.top - bottom >= gap:
            return False
        bottom = max(bottom, piece.bottom)
    return True


def _blocks(printed: list[list[Piece]], columns: Columns, height: float) -> list[Block]:
    """Each line's pieces put in their columns (those of one column joined), and each column's
    pieces one under the other gathered into blocks; a row number is a block of its own."""
    by_column: list[list[Piece]] = [[] for _ in range(columns.count)]
    for line in printed:
        for column, group in itertools.groupby(line, key=lambda piece: columns.of(piece.x0)):
            by_column[column].append(_joined(list(group)))
    blocks: list[Block] = []
    for column, pieces in enumerate(by_column):
        for piece in sorted(pieces, key=lambda piece: piece.top):
            last = blocks[-1] if blocks and blocks[-1].column == column else None
            number = column == 0 and ROW_NUMBER.fullmatch(piece.text) is not None
            near = last is not None and piece.top - last.bottom < BLOCK_GAP * height
            if last is not None and near and not number and not _is_number(last):
                last.pieces.append(piece)
            else:
                blocks.append(Block(column, [piece]))
    return blocks


def _joined(pieces: list[Piece]) -> Piece:
    return Piece(
        " ".join(piece.text for piece in pieces),
        pieces[0].x0,
        pieces[-1].x1,
        min(piece.top for piece in pieces),
        max(piece.bottom for piece in pieces),
    )
