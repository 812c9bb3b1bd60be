"""Clean records recovered from a source document, whatever its form: between text and graph."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kg.sources.places import Place
from kg.sources.spans import Span


@dataclass(frozen=True)
class Mention:
    """One assignee as a table cell or an annotation names it."""

    written: str  # the name as printed, stray spaces removed
    meant: str  # the name in simplified script, the list's leading 市 or 省 distributed to it
    cell: str  # where it was written: the column as the header names it, or the annotation's key
    span: Span


@dataclass(frozen=True)
class Theme:
    """A heading tasks sit under: a 主要任务 cell, a theme row, a numbered heading (一、 （一）)."""

    number: int  # order of first appearance in the document, from 1
    label: str
    span: Span
    parent: int | None = None  # the heading this one sits under (Theme.number)


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
    """One numbered task: a row of a table, or an item of a text."""

    number: int
    theme: int | None  # Theme.number (None: the task sits under no heading)
    text: str | None
    leads: tuple[Mention, ...]
    cooperators: tuple[Mention, ...]
    remark: str | None
    instruments: tuple[Instrument, ...]
    span: Span
    label: str | None = None  # the number as printed, where it is not the plain task number
    deadline: str | None = None  # 完成时限 as written
    leader: str | None = None  # 市政府分管领导 as written


@dataclass(frozen=True)
class Citation:
    """A title the text cites, as the reader normalized it and as the source prints it."""

    title: str  # inside 《》, simplified script (a nested 〈〉 kept)
    printed: str  # inside 《》, as printed
    relation: str  # how the text stands to it: "based_on" (根据) or "implements" (贯彻落实)
    span: Span


@dataclass(frozen=True)
class Imprint:
    """The closing line that says who printed or issued the document and when."""

    printer: str | None
    date: dt.date
    line: int


@dataclass(frozen=True)
class Origin:
    """The record of a dataset a document was read from, and what the record's other columns say
    of it."""

    dataset: Path
    record: int  # from 1, in the dataset's order
    id: str | None = None
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """What one source file says: its document's heading, themes and tasks."""

    path: Path
    sha256: str
    form: str  # the name of the reader that read it (kg.sources.readers)
    heading: str
    document_title: str | None  # the title inside 《》 in the heading, where there is one
    themes: tuple[Theme, ...]
    tasks: tuple[Task, ...]
    imprint: Imprint | None  # None: the text prints no date
    identifier: str | None = None  # the document number (文号) the text prints
    traditional: bool = False  # the file prints traditional characters
    citations: tuple[Citation, ...] = ()  # the higher-level documents the text cites
    run_on: frozenset[int] = frozenset()  # source lines that hold several of its lines
    # where each line stands in a file of no lines of its own (a PDF page, a Word table row)
    locations: Mapping[int, Place] = field(default_factory=dict)
    file_kind: str = "text"  # what the file is: text, html, pdf, docx, xlsx ...
    origin: Origin | None = None  # the dataset record it was read from (None: a file)
    confidence: tuple[float, ...] = ()  # OCR's confidence (0-1) in each character, by offset
    front: tuple[str, ...] = ()  # the lines above the first task (kg.sources.read.front_lines)
