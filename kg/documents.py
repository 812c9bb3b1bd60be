"""Curated facts about the documents the source tables belong to."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError

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


def load_documents(path: Path) -> dict[str, DocumentFacts]:
    """Document facts by the file name of their source table."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise SourceError(path, 1, f"columns must be {', '.join(COLUMNS)}", "header")
            rows = list(enumerate(reader, start=2))
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(path, None, f"cannot read the document facts: {error}") from error
    facts: dict[str, DocumentFacts] = {}
    for line, row in rows:
        for column in ("source", "id", "title_zh"):
            if not (row.get(column) or "").strip():
                raise SourceError(path, line, f"{column} is required", column)
        fact = DocumentFacts(
            **{column: (row[column] or "").strip() or None for column in COLUMNS[:-1]}  # type: ignore[arg-type]
        )
        if fact.source in facts:
            raise SourceError(path, line, f"{fact.source!r} is described twice", "source")
        facts[fact.source] = fact
    return facts
