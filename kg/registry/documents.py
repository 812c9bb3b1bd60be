"""Curated facts about the documents the source tables belong to."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from kg.csvfile import read_rows, value, values
from kg.errors import SourceError
from kg.sources.records import Origin, SourceDocument

COLUMNS = (
    "source", "id", "title_zh", "identifier", "publisher", "issued", "address", "copy", "excerpt",
    "identifier_source", "unresolved", "note", "jurisdiction",
)  # fmt: skip
COPY_KINDS = ("original", "copy")  # the page found is the issuer's own, or a copy elsewhere
ISSUED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # a record id that can stand in an IRI
# An address a dataset gives that can stand as an IRI: http(s), no space, quote or angle bracket
ADDRESS = re.compile(r"https?://[^\s\"<>{}|\\^`]+")


@dataclass(frozen=True)
class DocumentFacts:
    """What the source table does not say about its document, each fact with its source."""

    source: str  # the file name of the table in data/sources/
    id: str  # the slug of the document's IRI
    title_zh: str
    identifier: str | None
    publishers: tuple[str, ...]  # organization ids in the registry (a joint document has two)
    identifier_source: str | None
    line: int | None = None  # where the facts stand in documents.csv (None: from the text alone)
    issued: dt.date | None = None  # where a cited page gives it; else the date the text prints
    address: str | None = None  # where the source text was found
    copy: str | None = None  # original (the issuer's own page) or copy
    excerpt: str | None = None  # how the source is an excerpt (the item it ends at); None: whole
    # names no public source expands yet: kept as written (pol:UnresolvedAssignee), never guessed
    unresolved: frozenset[str] = frozenset()
    # the GB/T 2260 codes of the governments it speaks for, where its publishers do not say
    jurisdiction: tuple[str, ...] = ()


def load_documents(path: Path) -> dict[str, DocumentFacts]:
    """Document facts by the file name of their source table."""
    facts: dict[str, DocumentFacts] = {}
    for line, row in read_rows(path, COLUMNS):
        for column in ("source", "id", "title_zh"):
            if not value(row, column):
                raise SourceError(path, line, f"{column} is required", column)
        fact = DocumentFacts(
            source=str(value(row, "source")),
            id=str(value(row, "id")),
            title_zh=str(value(row, "title_zh")),
            identifier=value(row, "identifier"),
            publishers=values(row, "publisher"),
            identifier_source=value(row, "identifier_source"),
            line=line,
            issued=_issued(row, line, path),
            address=value(row, "address"),
            copy=value(row, "copy"),
            excerpt=value(row, "excerpt"),
            unresolved=frozenset(values(row, "unresolved")),
            jurisdiction=values(row, "jurisdiction"),
        )
        if fact.copy is not None and fact.copy not in COPY_KINDS:
            raise SourceError(path, line, f"copy must be one of {', '.join(COPY_KINDS)}", "copy")
        if fact.source in facts:
            raise SourceError(path, line, f"{fact.source!r} is described twice", "source")
        facts[fact.source] = fact
    return facts


def _issued(row: dict[str, str], line: int, path: Path) -> dt.date | None:
    text = value(row, "issued")
    if text is None:
        return None
    try:
        if not ISSUED.match(text):
            raise ValueError("the form is YYYY-MM-DD")
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise SourceError(path, line, f"issued is not a date: {error}", "issued") from error


def default_facts(document: SourceDocument) -> DocumentFacts:
    """What a source says of its own document, for sources without a catalogue entry; a dataset
    record's also what its other columns say (title, date, address)."""
    origin = document.origin
    title = document.document_title or document.heading
    return DocumentFacts(
        source=document.path.name,
        id=record_slug(origin) if origin else document.path.stem,
        title_zh=(origin.title if origin and origin.title else title),
        identifier=document.identifier,
        publishers=(),
        identifier_source=None,
        issued=origin.date if origin else None,
        address=origin.url if origin and origin.url and ADDRESS.fullmatch(origin.url) else None,
    )


def record_slug(origin: Origin) -> str:
    """A dataset record's document: the dataset's name and the record's id where it is a slug,
    else its number (policies-17)."""
    own = origin.id if origin.id and SLUG.fullmatch(origin.id) else str(origin.record)
    return f"{origin.dataset.stem}-{own}"


def issued_on(document: SourceDocument, facts: DocumentFacts) -> dt.date | None:
    """The date a cited page gives, else the date the text prints."""
    if facts.issued:
        return facts.issued
    return document.imprint.date if document.imprint else None
