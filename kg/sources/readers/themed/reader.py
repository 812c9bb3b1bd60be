"""The themed table (序号 | 主要任务 merged | task | 牵头 | 配合 | 备注) -> records."""

from __future__ import annotations

from kg.errors import SourceError
from kg.sources import front
from kg.sources.assignees import parse_assignees
from kg.sources.instruments import find_instruments
from kg.sources.readers.themed.layout import is_header, read_layout
from kg.sources.readers.themed.rows import CELL_SEPARATOR, Body, RawRow, read_body
from kg.sources.readers.themed.themes import Group, group_rows
from kg.sources.records import Imprint, Instrument, SourceDocument, Task, Theme
from kg.sources.spans import Span
from kg.sources.text import SourceText

NAME = "themed-table"
DESCRIPTION = (
    "a PDF-extracted table 序号 | 主要任务 (theme, task) | 牵头 | 配合 | 备注, tab-separated"
)


def recognizes(source: SourceText) -> int:
    """How many header lines of this table the file prints (one per page): 序号, then a 主要任务
    header over two columns (one of them empty), then 牵头, 配合, 备注."""
    count = 0
    for line in source.lines:
        cells = line.text.split(CELL_SEPARATOR)
        merged = len(cells) > 2 and sum(bool(cell.strip()) for cell in cells[1:3]) == 1
        if is_header(cells) and merged:
            try:
                read_layout(cells, str(source.path), line.number)
            except SourceError:
                continue
            count += 1
    return count


def read_themed_table(source: SourceText) -> SourceDocument:
    """A task-division table as extracted from its PDF: tab-separated cells, merged 主要任务."""
    label = str(source.path)
    body = read_body(source.lines, label)
    _check_sequence(body, label)
    themes, theme_of_row = _themes(group_rows(body.rows, body.layout, label))
    tasks = tuple(_task(row, theme_of_row[row.number], body, label) for row in body.rows)
    heading = _heading(body, label)
    return SourceDocument(
        path=source.path,
        sha256=source.sha256,
        form=NAME,
        heading=heading,
        document_title=front.document_title(heading),
        themes=themes,
        tasks=tasks,
        imprint=_imprint(body, label, source.lines[-1].number if source.lines else 1),
        identifier=front.identifier(body.preamble),
        traditional=source.traditional,
    )


def _themes(groups: list[Group]) -> tuple[tuple[Theme, ...], dict[int, int]]:
    """Number the distinct theme texts in order of appearance; map each row number to one."""
    themes: dict[str, Theme] = {}
    theme_of_row: dict[int, int] = {}
    for group in groups:
        label = group.text.as_printed
        theme = themes.setdefault(label, Theme(len(themes) + 1, label, group.text.span))
        for row in group.rows:
            theme_of_row[row.number] = theme.number
    return tuple(themes.values()), theme_of_row


def _task(row: RawRow, theme: int, body: Body, path: str) -> Task:
    layout = body.layout
    lead_cell = row.joined(layout.lead)
    if not lead_cell:
        raise SourceError(
            path, row.line, f"row {row.number} has no lead department", layout.name(layout.lead)
        )
    text = row.joined(layout.task)
    cooperating = row.joined(layout.cooperating)
    remark = row.joined(layout.remark)
    lines = [f.text.lines[0] for fragments in row.cells.values() for f in fragments if f.text]
    return Task(
        number=row.number,
        theme=theme,
        text=text.as_printed or None,
        leads=parse_assignees(lead_cell, path, layout.name(layout.lead)),
        cooperators=parse_assignees(cooperating, path, layout.name(layout.cooperating))
        if cooperating
        else (),
        remark=remark.as_printed or None,
        instruments=_instruments(row, text.text, layout.name(layout.task), path),
        span=Span(row.line, max([row.line, *lines])),
    )


def _instruments(row: RawRow, text: str, cell: str, path: str) -> tuple[Instrument, ...]:
    try:
        return find_instruments(text)
    except ValueError as error:
        raise SourceError(path, row.line, f"cannot read an amount: {error}", cell) from error


def _check_sequence(body: Body, path: str) -> None:
    for expected, row in enumerate(body.rows, start=1):
        if row.number != expected:
            raise SourceError(
                path,
                row.line,
                f"row number {row.number} out of sequence: expected {expected}",
                body.layout.name(body.layout.number),
            )


def _heading(body: Body, path: str) -> str:
    text = front.heading(body.preamble)
    if not text:
        raise SourceError(path, 1, "no heading line before the table")
    return text


def _imprint(body: Body, path: str, last_line: int) -> Imprint:
    found = front.imprint(body.trailer, path, require_verb=True)
    if found is None:
        raise SourceError(
            path,
            last_line,
            "no imprint line (…年…月…日印发) after the table: the file looks truncated",
        )
    return found
