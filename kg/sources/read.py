"""One entry to every reader: recognize a source's form, read it into records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import NothingAssigned, SourceError
from kg.sources import front
from kg.sources.citations import citations
from kg.sources.datasets import Record
from kg.sources.page_metadata import PageMetadata
from kg.sources.readers import inline, listing, table, themed
from kg.sources.records import Imprint, Origin, SourceDocument
from kg.sources.text import SourceText, read_source_text, source_text


@dataclass(frozen=True)
class Reader:
    """A source form: its name (for --layout), what it looks for, and how to read it."""

    name: str
    description: str
    recognizes: Callable[[SourceText], int]  # evidence: how many lines look like this form
    read: Callable[[SourceText], SourceDocument]
    minimum: int = 2  # the evidence a file must show before the form is recognized


READERS: tuple[Reader, ...] = (
    Reader(themed.NAME, themed.DESCRIPTION, themed.recognizes, themed.read_themed_table, 1),
    Reader(table.NAME, table.DESCRIPTION, table.recognizes, table.read_table, 1),
    Reader(listing.NAME, listing.DESCRIPTION, listing.recognizes, listing.read_list),
    Reader(inline.NAME, inline.DESCRIPTION, inline.recognizes, inline.read_inline, 1),
)
LAYOUTS = tuple(reader.name for reader in READERS)


def reader_named(name: str) -> Reader:
    for reader in READERS:
        if reader.name == name:
            return reader
    raise ValueError(f"no layout {name!r}: the layouts are {', '.join(LAYOUTS)}")


def recognize(source: SourceText) -> Reader:
    """The first form (in READERS' order) whose kind of line the file shows often enough."""
    for reader in READERS:
        if reader.recognizes(source) >= reader.minimum:
            return reader
    looked_for = "; ".join(f"{reader.name}: {reader.description}" for reader in READERS)
    raise NothingAssigned(source.path, None, f"no layout recognized (looked for {looked_for})")


def read_source(path: Path, layout: str | None = None) -> SourceDocument:
    """Read a source file in the form given, or in the form it is recognized to be in."""
    return read_document(read_source_text(path), layout)


def read_record(record: Record, layout: str | None = None) -> SourceDocument:
    """Read a dataset's record (its text, plain or HTML) as a document, with its fields."""
    name = Path(record.name)
    if record.problem:
        raise SourceError(name, record.line, record.problem)
    if not record.text:
        raise NothingAssigned(name, record.line, "the record has no text")
    raw = record.text.encode("utf-8")
    document = read_document(source_text(name, raw, "html" if record.html else "text"), layout)
    date = PRINTED_DATE.search(record.date) if record.date else None
    origin = Origin(
        record.dataset,
        record.number,
        record.id,
        record.title,
        _date(date) if date else None,
        record.url,
    )
    return replace(document, origin=origin)


def read_document(source: SourceText, layout: str | None = None) -> SourceDocument:
    """Read a source's lines in the form given, or in the form they are recognized to be in."""
    reader = reader_named(layout) if layout else recognize(source)
    try:
        document = with_page_metadata(reader.read(source), source.metadata)
    except SourceError as error:
        place = source.locations.get(error.line) if error.line is not None else None
        if place is None:
            raise
        raise error.located(place.where) from error
    return replace(
        document,
        front=front_lines(source, document),
        citations=citations(source.spanned_text),
        run_on=source.run_on,
        locations=source.locations,
        file_kind=source.kind,
        confidence=source.confidence,
    )


FRONT_LINES = 40  # the lines above a document's first task kept for finding its issuer


def front_lines(source: SourceText, document: SourceDocument) -> tuple[str, ...]:
    """The text's non-empty lines above its first task (at most FRONT_LINES), whitespace
    dropped: where a title, an issuer or a signature stands."""
    first = min((task.span.first for task in document.tasks), default=len(source.lines) + 1)
    lines = ("".join(line.text.split()) for line in source.lines if line.number < first)
    return tuple(line for line in lines if line)[:FRONT_LINES]


# 2018年11月16日, 2023-04-18, 2023.04.18, 2023/4/18
PRINTED_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)[年.\-/](?P<m>\d{1,2})[月.\-/](?P<d>\d{1,2})日?")


def with_page_metadata(document: SourceDocument, metadata: PageMetadata) -> SourceDocument:
    """What the text does not print itself, from what its page prints above it: the 文号, the
    date and issuer (成文日期, 发布机构), the title."""
    number = metadata.get("identifier")
    identifier = document.identifier
    if identifier is None and number and front.IDENTIFIER.fullmatch("".join(number.value.split())):
        identifier = "".join(number.value.split())
    title = metadata.get("title")
    return replace(
        document,
        identifier=identifier,
        imprint=document.imprint or page_imprint(metadata),
        heading=title.value if title and title.value in document.heading else document.heading,
    )


def page_imprint(metadata: PageMetadata) -> Imprint | None:
    written, issuer = metadata.get("written"), metadata.get("issuer")
    match = PRINTED_DATE.fullmatch(written.value.strip()) if written else None
    date = _date(match) if match else None
    if written is None or date is None:
        return None
    return Imprint(issuer.value if issuer else None, date, written.line)


def _date(match: re.Match[str]) -> dt.date | None:
    """A printed date as a date (None: it is no date, such as 2020年2月30日)."""
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
