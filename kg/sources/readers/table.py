"""Task-division tables whose header names the columns.

序号 / 重点工作 / 市政府分管领导 / 牵头单位 / 配合单位 / 完成时限 / 备注, with or without a theme
column, themes in rows of their own, the header repeated on every page. Cells are tab-separated
(an HTML table flattened, or text from a PDF), one per paragraph as a copied web page prints
them (kg.sources.readers.paragraphs), or apart by spaces (kg.sources.readers.spaced).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.errors import SourceError
from kg.sources import front
from kg.sources.annotations import (
    Assignment,
    apply_first_leads,
    combined,
    looks_assigning,
    parse_annotation,
    states_first_leads,
)
from kg.sources.assignees import parse_assignees
from kg.sources.instruments import find_instruments
from kg.sources.numbering import read_marker
from kg.sources.readers import paragraphs, spaced, unnumbered
from kg.sources.records import SourceDocument, Task, Theme
from kg.sources.spans import Span, SpannedText
from kg.sources.text import Line, SourceText

NAME = "table"
DESCRIPTION = "a table whose header names 序号 and 牵头/责任 columns (重点工作, 完成时限, ...)"
CELL = "\t"
# Header words for each field, tried in this order; the first column that matches takes it.
FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号)$")),
    ("lead", re.compile(r"牵头|主办|主责")),
    ("cooperating", re.compile(r"配合|协办|协助|参与")),
    ("responsible", re.compile(r"责任(?:单位|部门)|负责(?:单位|部门)|实施(?:单位|部门)")),
    ("leader", re.compile(r"领导")),
    ("deadline", re.compile(r"时限|时间|期限|进度|时间节点")),
    ("remark", re.compile(r"备注")),
)
TASK_WORDS = re.compile(r"任务|工作|内容|措施|事项|举措|目标")
ASSIGNING = ("lead", "cooperating", "responsible")


@dataclass(frozen=True)
class Columns:
    """Which column holds what, as the header names them."""

    fields: dict[str, int]
    names: tuple[str, ...]
    width: int

    def get(self, cells: list[SpannedText], name: str) -> SpannedText:
        column = self.fields.get(name)
        if column is None or column >= len(cells):
            return SpannedText.empty()
        return cells[column].cleaned()

    def name(self, field_name: str) -> str:
        return self.names[self.fields[field_name]]


@dataclass
class Row:
    """A numbered row and the continuation lines a page break or a wrapped cell adds to it."""

    label: str
    line: int
    cells: list[SpannedText] = field(default_factory=list)

    def extend(self, cells: list[SpannedText]) -> None:
        for column, cell in enumerate(cells):
            if column < len(self.cells):
                self.cells[column] = self.cells[column] + cell
            else:
                self.cells.append(cell)


def recognizes(source: SourceText) -> int:
    """How many lines are a header with 序号 and an assigning column (one per page)."""
    return sum(1 for line in _lines(source) if _columns(_cells(line)) is not None)


def _lines(source: SourceText) -> tuple[Line, ...]:
    """The file's lines, a table printed one cell per paragraph (or one per line, unnumbered)
    put back into rows."""
    lines = spaced.regroup(source.lines, _is_task_word)
    lines = paragraphs.regroup(lines, _names_field)
    return unnumbered.regroup(lines, _is_task_word, _names_assigning)


def _is_task_word(word: str) -> bool:
    return bool(TASK_WORDS.search(word))


def _names_assigning(word: str) -> bool:
    """A header word of a column that assigns: 牵头单位, 配合单位, 责任单位 ..."""
    return any(pattern.search(word) for name, pattern in FIELDS if name in ASSIGNING)


def _names_field(word: str) -> bool:
    return any(pattern.search(word) for _, pattern in FIELDS) or bool(TASK_WORDS.search(word))


def read_table(source: SourceText) -> SourceDocument:
    path = str(source.path)
    first_leads = states_first_leads(source.full_text)
    preamble, columns, body, trailer = _sections(_lines(source), path)
    themes: list[Theme] = []
    row_theme: Theme | None = None  # the open theme printed in a row of its own
    tasks: list[Task] = []
    for entry in body:
        if isinstance(entry, Theme):
            row_theme = Theme(len(themes) + 1, entry.label, entry.span)
            themes.append(row_theme)
            continue
        cell = columns.get(entry.cells, "theme")
        if cell and (not themes or themes[-1].label != cell.as_printed or themes[-1] is row_theme):
            parent = row_theme.number if row_theme else None
            themes.append(Theme(len(themes) + 1, cell.as_printed, cell.span, parent))
        theme = themes[-1].number if themes else None
        tasks.append(_task(entry, columns, theme, len(tasks) + 1, first_leads, path))
    if not tasks:
        raise SourceError(path, None, "the table has no rows")
    heading = front.title(preamble)
    return SourceDocument(
        path=source.path,
        sha256=source.sha256,
        form=NAME,
        heading=heading,
        document_title=front.document_title(front.heading(preamble)),
        themes=tuple(themes),
        tasks=tuple(tasks),
        imprint=front.imprint(trailer, path) or front.imprint(preamble, path),
        identifier=front.identifier(preamble),
        traditional=source.traditional,
    )


def _cells(line: Line) -> list[SpannedText]:
    return line.content.split(CELL)


def _columns(cells: list[SpannedText]) -> Columns | None:
    """The columns a header names, or None where the cells are not a header."""
    names = tuple("".join(cell.text.split()) for cell in cells)
    fields: dict[str, int] = {}
    for field_name, pattern in FIELDS:
        for column, name in enumerate(names):
            if column not in fields.values() and pattern.search(name):
                fields[field_name] = column
                break
    if "number" not in fields or not {"lead", "responsible"} & set(fields):
        return None
    textual = [c for c, name in enumerate(names) if c not in fields.values() and name]
    worded = [c for c in textual if TASK_WORDS.search(names[c])] or textual
    if not worded:
        return None
    fields["task"] = worded[-1]
    themes = [c for c in textual if c < fields["task"]]
    if themes:
        fields["theme"] = themes[0]
    return Columns(fields, names, len(names))


Entry = Theme | Row


def _sections(
    lines: tuple[Line, ...], path: str
) -> tuple[list[Line], Columns, list[Entry], list[Line]]:
    """Sort lines into the preamble, the table's rows and theme rows, and the trailer."""
    preamble: list[Line] = []
    body: list[Entry] = []
    trailer: list[Line] = []
    columns: Columns | None = None
    for line in lines:
        cells = _cells(line)
        header = _columns(cells)
        if header is not None:
            columns = columns or header
            continue
        if columns is None:
            preamble.append(line)
        elif trailer:
            trailer.append(line)
        elif line.text.strip():
            entry = _entry(line, cells, columns, body)
            if entry is None:
                trailer.append(line)
            elif not body or entry is not body[-1]:
                body.append(entry)
    if columns is None:
        raise SourceError(path, None, "no table header (序号 and a 牵头 or 责任 column)")
    return preamble, columns, body, trailer


def _entry(
    line: Line, cells: list[SpannedText], columns: Columns, body: list[Entry]
) -> Entry | None:
    """A new row, a theme row, the current row continued, or None where the table has ended."""
    filled = [cell for cell in cells if cell.text.strip()]
    first = cells[0].text.strip()
    if first.isdigit():
        row = Row(first, line.number)
        row.extend(_aligned(cells, columns))
        return row
    if len(filled) == 1 and len(filled[0].text.strip()) <= paragraphs.THEME_ROW_MAX:
        heading = read_marker(filled[0])
        if line.row or (heading is not None and not heading.style.startswith("1")):
            return _theme_row(filled[0], line)
        return None
    if len(cells) > 1 and body and isinstance(body[-1], Row):
        body[-1].extend(_aligned(cells, columns))
        return body[-1]
    return None


def _aligned(cells: list[SpannedText], columns: Columns) -> list[SpannedText]:
    """A row missing its theme cell (merged over several rows in HTML) gets it back, empty."""
    theme = columns.fields.get("theme")
    if theme is not None and len(cells) == columns.width - 1:
        return [*cells[:theme], SpannedText.empty(), *cells[theme:]]
    return cells


def _theme_row(cell: SpannedText, line: Line) -> Theme:
    text = cell.cleaned()
    marker = read_marker(text)
    label = (marker.rest if marker else text).strip().strip("。：")
    return Theme(0, label.as_printed, Span(line.number, line.number))


def _task(
    row: Row, columns: Columns, theme: int | None, number: int, first_leads: bool, path: str
) -> Task:
    text = columns.get(row.cells, "task")
    assignment = _assignment(row, columns, first_leads, path)
    if not assignment.leads:
        cell = columns.name("lead" if "lead" in columns.fields else "responsible")
        raise SourceError(path, row.line, f"row {row.label} has no lead department", cell)
    lines = [row.line, *(line for cell in row.cells for line in cell.lines)]
    try:
        instruments = find_instruments(text.text)
    except ValueError as error:
        problem = f"cannot read an amount: {error}"
        raise SourceError(path, row.line, problem, columns.name("task")) from error
    return Task(
        number=number,
        theme=theme,
        text=text.as_printed or None,
        leads=assignment.leads,
        cooperators=assignment.cooperators,
        remark=columns.get(row.cells, "remark").as_printed or None,
        instruments=instruments,
        span=Span(row.line, max(lines)),
        label=None if row.label == str(number) else row.label,
        deadline=columns.get(row.cells, "deadline").as_printed or None,
        leader=columns.get(row.cells, "leader").as_printed or None,
    )


def _assignment(row: Row, columns: Columns, first_leads: bool, path: str) -> Assignment:
    def cell(field_name: str, leads: bool) -> Assignment:
        """A column's bodies in the column's role, or, where the cell writes roles itself
        (市发改委牵头落实, A牵头，B配合), in the roles it writes."""
        text = columns.get(row.cells, field_name)
        if not text:
            return Assignment((), ())
        if looks_assigning(text.text):
            written = parse_annotation(text, path, False, columns.name(field_name))
            if leads or written.lead_named:
                return written
            return Assignment((), written.leads + written.cooperators)
        mentions = parse_assignees(text, path, columns.name(field_name))
        return Assignment(mentions, (), lead_named=False) if leads else Assignment((), mentions)

    if "lead" in columns.fields:
        parts = [cell("lead", True), cell("cooperating", False), cell("responsible", False)]
        return combined(parts[0], parts[1:])
    responsible = cell("responsible", True)
    cooperating = cell("cooperating", False)
    together = combined(responsible, [cooperating])
    if responsible.lead_named:
        return together
    return apply_first_leads(
        Assignment(together.leads, together.cooperators, lead_named=False), first_leads
    )
