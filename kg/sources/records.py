"""Clean records recovered from a task-division table: the layer between text and graph."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kg.sources.spans import Span


@dataclass(frozen=True)
class Mention:
    """One assignee as a table cell names it."""

    written: str  # the name as printed, stray spaces removed
    meant: str  # the name with the list's leading 市 distributed to it
    cell: str  # the column it was written in, as the header names it
    span: Span


@dataclass(frozen=True)
class Theme:
    """A 主要任务 heading: the text of a merged cell spanning a group of rows."""

    number: int  # order of first appearance in the table, from 1
    label: str
    span: Span


@dataclass(frozen=True)
class Instrument:
    """A funding or policy instrument that a task's text states."""

    kind: str  # the ontology class: RecurrentFundingLine, IndustryFund, LandPriceFloor, ...
    label: str  # the words of the text that state it (the fund's name, for a fund)
    start: int  # where those words start in the task text
    amount: Decimal | None = None  # in yuan
    period: str | None = None  # recurrence as an ISO 8601 duration (P1Y)
    matching_ratio: Decimal | None = None  # the share of a fund's size the government adds
    minimum_ratio: Decimal | None = None  # a floor as a share of its benchmark
    benchmark: str | None = None  # what a floor ratio applies to
    earmarks: tuple[str, ...] = ()  # the special topics a funding line is reserved for


@dataclass(frozen=True)
class Task:
    """One numbered row of the table."""

    number: int
    theme: int  # Theme.number
    text: str | None
    leads: tuple[Mention, ...]
    cooperators: tuple[Mention, ...]
    remark: str | None
    instruments: tuple[Instrument, ...]
    span: Span


@dataclass(frozen=True)
class Imprint:
    """The closing line that says who printed the document and when."""

    printer: str
    date: dt.date
    line: int


@dataclass(frozen=True)
class Table:
    """A whole task-division table and where it came from."""

    path: Path
    sha256: str
    heading: str
    document_title: str | None  # the title inside 《》 in the heading, where there is one
    themes: tuple[Theme, ...]
    tasks: tuple[Task, ...]
    imprint: Imprint
