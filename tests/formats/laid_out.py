"""Tables laid out as a word processor prints them without rulings, as the text lines pdfplumber
gives for them: each row as tall as its tallest cell and its margins, each cell's lines at the
top of its rows or centred over them, characters 12 pt square in lines 17 pt high."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

SIZE = 12.0  # a character's height and width
PITCH = 17.0  # a line's height: from one line of a cell to the next
SPACE = 3.0  # a space's width
COLUMNS = (50.0, 80.0, 200.0, 320.0, 440.0)  # where each column's text starts


@dataclass(frozen=True)
class Merged:
    """A cell over `rows` rows, `shift` points below where centring puts it."""

    rows: int
    lines: tuple[str, ...]
    shift: float = 0.0


Cell = tuple[str, ...] | Merged | None  # a cell's lines; None where a merged cell above covers it


def height(lines: tuple[str, ...]) -> float:
    return len(lines) * PITCH


def laid_out(
    rows: list[list[Cell]],
    margin: float | list[float] = 1.5,
    centred: bool = True,
    top: float = 100.0,
) -> list[dict[str, Any]]:
    """The lines of a table (its header the first row, if it has one) as pdfplumber gives them;
    `margin` above and below each cell's text, or each row's."""
    margins = margin if isinstance(margin, list) else [margin] * len(rows)
    heights = [
        max(height(c) for c in row if isinstance(c, tuple)) + 2 * margins[r]
        for r, row in enumerate(rows)
    ]
    starts = [top + sum(heights[:i]) for i in range(len(rows) + 1)]
    chars: list[dict[str, Any]] = []
    for r, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell is None:
                continue
            lines, span, shift = (
                (cell.lines, cell.rows, cell.shift) if isinstance(cell, Merged) else (cell, 1, 0.0)
            )
            room = starts[r + span] - starts[r] - margins[r] - margins[r + span - 1]
            y = starts[r] + margins[r] + ((room - height(lines)) / 2 + shift if centred else 0.0)
            for k, line in enumerate(lines):
                chars += printed(line, COLUMNS[column], y + k * PITCH + (PITCH - SIZE) / 2)
    return lines_of(chars)


def printed(text: str, x: float, y: float) -> list[dict[str, Any]]:
    """A line's characters, a space leaving a gap."""
    chars = []
    for char in text:
        if char != " ":
            chars.append({"text": char, "x0": x, "x1": x + SIZE, "top": y, "bottom": y + SIZE})
        x += SPACE if char == " " else SIZE
    return chars


def lines_of(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Characters standing at one height as one text line, top to bottom, as pdfplumber's."""
    found = []
    for top, group in groupby(sorted(chars, key=lambda c: (c["top"], c["x0"])), lambda c: c["top"]):
        line = list(group)
        found.append(
            {
                "text": "".join(c["text"] for c in line),
                "top": top,
                "bottom": top + SIZE,
                "x0": line[0]["x0"],
                "x1": line[-1]["x1"],
                "chars": line,
            }
        )
    return found
