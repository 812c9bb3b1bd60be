"""One entry to every reader: recognize a source's form, read it into records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import SourceError
from kg.sources.citations import citations
from kg.sources.readers import inline, listing, table, themed
from kg.sources.records import SourceDocument
from kg.sources.text import SourceText, read_source_text


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
    raise SourceError(source.path, None, f"no layout recognized (looked for {looked_for})")


def read_source(path: Path, layout: str | None = None) -> SourceDocument:
    """Read a source file in the form given, or in the form it is recognized to be in."""
    source = read_source_text(path)
    reader = reader_named(layout) if layout else recognize(source)
    document = reader.read(source)
    return replace(document, citations=citations(source.spanned_text), run_on=source.run_on)
