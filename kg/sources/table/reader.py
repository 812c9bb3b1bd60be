"""Source table text -> clean records (kg.records.Table)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from kg.errors import SourceError
from kg.sources.assignees import parse_assignees
from kg.sources.instruments import find_instruments
from kg.sources.records import Imprint, Instrument, Table, Task, Theme
from kg.sources.spans import Span
from kg.sources.table.rows import Body, RawRow, read_body
from kg.sources.table.themes import Group, group_rows

IMPRINT = re.compile(r"^(?P<printer>\S+?)(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日印发$")
QUOTED_TITLE = re.compile(r"《(?P<title>[^》]+)》")


def read_table(path: Path) -> Table:
    """Parse a task-division table as extracted from its PDF (tab-separated cells)."""
    label = str(path)
    raw = _read(path, label)
    lines = _decode(raw, label).splitlines()
    body = read_body(lines, label)
    _check_sequence(body, label)
    themes, theme_of_row = _themes(group_rows(body.rows, body.layout, label))
    tasks = tuple(_task(row, theme_of_row[row.number], body, label) for row in body.rows)
    heading = _heading(body, label)
    title = QUOTED_TITLE.search(heading)
    return Table(
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        heading=heading,
        document_title=title["title"] if title else None,
        themes=themes,
        tasks=tasks,
        imprint=_imprint(body, label, len(lines)),
    )


def _read(path: Path, label: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SourceError(label, None, f"cannot read the file: {error.strerror}") from error


def _decode(raw: bytes, label: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(label, line, "not valid UTF-8") from error


def _themes(groups: list[Group]) -> tuple[tuple[Theme, ...], dict[int, int]]:
    """Number the distinct theme texts in order of appearance; map each row number to one."""
    themes: dict[str, Theme] = {}
    theme_of_row: dict[int, int] = {}
    for group in groups:
        label = group.text.text
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
        text=text.text or None,
        leads=parse_assignees(lead_cell, path, layout.name(layout.lead)),
        cooperators=parse_assignees(cooperating, path, layout.name(layout.cooperating))
        if cooperating
        else (),
        remark=remark.text or None,
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
    lines = [line.strip() for _, line in body.preamble if line.strip()]
    if not lines:
        raise SourceError(path, 1, "no heading line before the table")
    return "".join(lines)


def _imprint(body: Body, path: str, last_line: int) -> Imprint:
    for number, line in body.trailer:
        match = IMPRINT.match("".join(line.split()))
        if match:
            try:
                date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError as error:
                raise SourceError(path, number, f"imprint date is not a date: {error}") from error
            return Imprint(match["printer"], date, number)
    raise SourceError(
        path,
        last_line,
        "no imprint line (…年…月…日印发) after the table: the file looks truncated",
    )
