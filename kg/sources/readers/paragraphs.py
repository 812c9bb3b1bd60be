"""Tables that a web page's copy prints one cell per paragraph, put back into rows of cells.

A copied HTML table prints every cell as a paragraph: the cells of a row one blank line apart,
rows two or more blank lines apart, and a header's words sometimes split over two paragraphs
(市政府 / 分管领导). The table reader reads the rows this gives like any tab-separated table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.sources.numbering import read_marker
from kg.sources.readers.spaced import HEADER_START
from kg.sources.spans import SpannedText
from kg.sources.text import Line, row_line

ROW_GAP = 2  # blank lines that end a row
HEADER_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}$")  # 序号, 重点工作, 市政府, 分管领导 ...
THEME_ROW_MAX = 60  # characters of a theme printed in a row (or a line) of its own
Paragraph = tuple[Line, ...]


def regroup(lines: tuple[Line, ...], names_field: Callable[[str], bool]) -> tuple[Line, ...]:
    """The lines with a one-cell-per-paragraph table as tab-separated rows (unchanged where the
    file has tab-separated rows, or no such table); prose after the table stays as it is."""
    start = None if any(line.row for line in lines) else _header_start(lines)
    if start is None:
        return lines
    paragraphs = list(_paragraphs(lines[start:]))
    words = _header_words(paragraphs)
    rows = [_header(paragraphs[:words], names_field)]
    for group in _groups(paragraphs[words:]):
        row = _row(group)
        if row is None:
            after = lines.index(group[0][0])
            return (*lines[:start], *rows, *lines[after:])
        rows.append(row)
    return (*lines[:start], *rows)


def _header_start(lines: tuple[Line, ...]) -> int | None:
    """Where a header opens: a paragraph that is only 序号 (or 编号)."""
    for index, line in enumerate(lines):
        if "".join(line.text.split()) in HEADER_START:
            return index
    return None


def _paragraphs(lines: tuple[Line, ...]) -> Iterator[tuple[Paragraph, int]]:
    """Each paragraph (consecutive lines with text) and the blank lines before the next."""
    current: list[Line] = []
    blanks = 0
    for line in lines:
        if line.text.strip():
            if current and blanks:
                yield tuple(current), blanks
                current = []
            current.append(line)
            blanks = 0
        else:
            blanks += 1
    if current:
        yield tuple(current), ROW_GAP


def _text(paragraph: Paragraph) -> SpannedText:
    return SpannedText.concat(line.content for line in paragraph).cleaned()


def _header_words(paragraphs: list[tuple[Paragraph, int]]) -> int:
    """How many paragraphs from 序号 on are header words."""
    count = 0
    while count < len(paragraphs) and HEADER_WORD.match(_text(paragraphs[count][0]).text):
        count += 1
    return count


def _header(paragraphs: list[tuple[Paragraph, int]], names_field: Callable[[str], bool]) -> Line:
    """One row of header cells; a word that names no field joins the next (市政府 + 分管领导)."""
    cells: list[SpannedText] = []
    pending = SpannedText.empty()
    for index, (paragraph, _) in enumerate(paragraphs):
        word = pending + _text(paragraph)
        if names_field(word.text) or index == len(paragraphs) - 1:
            cells.append(word)
            pending = SpannedText.empty()
        else:
            pending = word
    return row_line(paragraphs[0][0][0].number, cells)


def _groups(paragraphs: list[tuple[Paragraph, int]]) -> Iterator[list[Paragraph]]:
    """The paragraphs of each row: a row ends at a wide gap, or where a number opens the next."""
    group: list[Paragraph] = []
    for paragraph, gap in paragraphs:
        if group and _opens_row(paragraph):
            yield group
            group = []
        group.append(paragraph)
        if gap >= ROW_GAP:
            yield group
            group = []
    if group:
        yield group


def _opens_row(paragraph: Paragraph) -> bool:
    """A 序号 (12) or a bare heading number ((一), 二、) opens a row."""
    text = _text(paragraph)
    marker = read_marker(text)
    return text.text.isdigit() or (marker is not None and not marker.rest.strip())


def _row(group: list[Paragraph]) -> Line | None:
    """A numbered row of cells, a theme row (one short cell), or None (prose: the table ended)."""
    cells = [_text(paragraph) for paragraph in group]
    if cells[0].text.isdigit():
        return row_line(group[0][0].number, cells)
    joined = SpannedText.concat(cells)
    return row_line(group[0][0].number, [joined]) if len(joined.text) <= THEME_ROW_MAX else None
