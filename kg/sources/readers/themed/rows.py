"""Physical lines of a PDF-extracted table, gathered into its numbered rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import SourceError
from kg.sources.numbering import ROW_NUMBER
from kg.sources.readers.themed.layout import Layout, is_header, read_layout
from kg.sources.spans import SpannedText
from kg.sources.text import Line

CELL_SEPARATOR = "\t"


@dataclass(frozen=True)
class Fragment:
    """What one physical line put into one cell of a row."""

    text: SpannedText
    on_first_line: bool  # on the line that carries the row number
    after_break: (
        bool  # a page break (a repeated header or a blank line) comes right before its line
    )


@dataclass
class RawRow:
    """A numbered row as its lines put it, before the merged cells are resolved."""

    number: int
    line: int
    cells: dict[int, list[Fragment]] = field(default_factory=dict)

    def add(self, column: int, fragment: Fragment) -> None:
        self.cells.setdefault(column, []).append(fragment)

    def joined(self, column: int) -> SpannedText:
        """The whole text of a cell, its lines joined and stray whitespace dropped."""
        return SpannedText.concat(f.text for f in self.cells.get(column, [])).cleaned()

    def fragments(self, column: int) -> list[Fragment]:
        return [f for f in self.cells.get(column, []) if f.text.cleaned()]


@dataclass(frozen=True)
class Body:
    """The lines of a table file sorted into preamble, layout, rows and trailer."""

    preamble: list[Line]
    layout: Layout
    rows: list[RawRow]
    trailer: list[Line]


def read_body(lines: tuple[Line, ...], path: str) -> Body:
    """Sort lines into rows: a number opens a row, a line led by a tab continues it."""
    preamble: list[Line] = []
    trailer: list[Line] = []
    layout: Layout | None = None
    rows: list[RawRow] = []
    page_break = False
    for source_line in lines:
        number, line = source_line.number, source_line.text
        spanned = source_line.content.split(CELL_SEPARATOR)
        cells = [cell.text for cell in spanned]
        if trailer:
            if _looks_like_row(cells):
                raise SourceError(path, number, "a table row after the end of the table")
            trailer.append(source_line)
        elif is_header(cells):
            printed = [cell.as_printed for cell in spanned]
            current = read_layout(cells, path, number, printed)
            if layout and current.width != layout.width:
                raise SourceError(path, number, "repeated header has a different number of columns")
            layout = layout or current
            page_break = True
        elif not line.strip():
            page_break = True
        elif layout is None:
            if _looks_like_row(cells):
                raise SourceError(path, number, "a table row before the table header")
            preamble.append(source_line)
        elif CELL_SEPARATOR not in line:
            trailer.append(source_line)
        else:
            _check_width(cells, layout, path, number)
            if cells[0].strip():
                rows.append(_open_row(cells[0], number, layout, path))
            elif not rows:
                problem = "a continuation line before the first row"
                raise SourceError(path, number, problem, layout.name(layout.number))
            for column, cell in enumerate(spanned[1:], start=1):
                fragment = Fragment(
                    cell,
                    on_first_line=rows[-1].line == number,
                    after_break=page_break,
                )
                rows[-1].add(column, fragment)
            page_break = False
    if layout is None:
        raise SourceError(path, None, "no table header (a row starting with 序号) in the file")
    if not rows:
        raise SourceError(path, None, "the table has no rows")
    return Body(preamble, layout, rows, trailer)


def _looks_like_row(cells: list[str]) -> bool:
    return len(cells) > 1 and ROW_NUMBER.fullmatch(cells[0].strip()) is not None


def _check_width(cells: list[str], layout: Layout, path: str, line: int) -> None:
    if len(cells) > layout.width:
        raise SourceError(
            path, line, f"{len(cells)} cells where the header has {layout.width} columns"
        )


def _open_row(cell: str, line: int, layout: Layout, path: str) -> RawRow:
    label = cell.strip()
    number = ROW_NUMBER.fullmatch(label)
    if number is None:
        raise SourceError(path, line, f"row number {label!r} is not a number", layout.name(0))
    return RawRow(int(number["n"]), line)
