"""Curated facts about the documents the source tables belong to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError
from kg.registry.csvfile import read_rows, value

COLUMNS = ("source", "id", "title_zh", "identifier", "publisher", "identifier_source", "note")


@dataclass(frozen=True)
class DocumentFacts:
    """What the source table does not say about its document, each fact with its source."""

    source: str  # the file name of the table in data/sources/
    id: str  # the slug of the document's IRI
    title_zh: str
    identifier: str | None
    publisher: str | None  # an organization id in the registry
    identifier_source: str | None
    line: int | None = None  # where the facts stand in documents.csv (None: from the table alone)


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
            publisher=value(row, "publisher"),
            identifier_source=value(row, "identifier_source"),
            line=line,
        )
        if fact.source in facts:
            raise SourceError(path, line, f"{fact.source!r} is described twice", "source")
        facts[fact.source] = fact
    return facts
