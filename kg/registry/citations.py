"""The documents the corpus cites and which title of which text names which of them: a cited
document outside the corpus is described from a public page; a citation the text prints is
resolved by its title, one the text does not print (it is in the document's body, which the
source leaves out) is given with the words of the copy that prints it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.csvfile import read_rows, unique_ids, value, values
from kg.errors import SourceError
from kg.registry.changes import URL
from kg.registry.organizations import DATE, ID, Registry

DOCUMENT_COLUMNS = (
    "id", "title_zh", "identifier", "publisher", "issued", "title_en", "source", "en_source",
    "note",
)  # fmt: skip
CITATION_COLUMNS = ("citing", "title", "cited", "elsewhere", "note")


@dataclass(frozen=True)
class CitedDocument:
    """A document outside the corpus that a corpus document (or another cited one) cites."""

    id: str
    title_zh: str
    identifier: str | None
    publishers: tuple[str, ...]  # organization ids of the registry
    issued: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    title_en: str | None
    source: str
    en_source: str | None
    note: str | None
    line: int


@dataclass(frozen=True)
class CitationEntry:
    """Which document a title names in one citing document."""

    citing: str  # a source file name of the corpus, or the id of a cited document (its title)
    title: str  # as the text prints it inside 《》, in simplified script
    cited: str  # a document id: of the catalogue or of the cited documents
    elsewhere: str | None  # the words of another copy, where the source does not print it
    note: str | None
    line: int


def load_cited_documents(path: Path, registry: Registry) -> dict[str, CitedDocument]:
    if not path.exists():
        return {}
    documents = [
        _document(row, line, path, registry) for line, row in read_rows(path, DOCUMENT_COLUMNS)
    ]
    unique_ids(path, ((d.id, d.line) for d in documents))
    return {d.id: d for d in documents}


def _document(row: dict[str, str], line: int, path: Path, registry: Registry) -> CitedDocument:
    for column in ("id", "title_zh", "source"):
        if not value(row, column):
            raise SourceError(path, line, f"{column} is required", column)
    if not ID.match(str(value(row, "id"))):
        raise SourceError(path, line, "an id is lower-case letters, digits and hyphens", "id")
    issued = value(row, "issued")
    if issued and not DATE.match(issued):
        raise SourceError(path, line, "a date is YYYY, YYYY-MM or YYYY-MM-DD", "issued")
    for column in ("source", "en_source"):
        if value(row, column) and not URL.match(str(value(row, column))):
            raise SourceError(path, line, "a source is the address of a public page", column)
    if value(row, "title_en") and not value(row, "en_source"):
        raise SourceError(path, line, "an English title needs the page that gives it", "en_source")
    publishers = registry.checked(values(row, "publisher"), path, line, "publisher")
    return CitedDocument(
        str(value(row, "id")), str(value(row, "title_zh")), value(row, "identifier"),
        publishers, issued, value(row, "title_en"), str(value(row, "source")),
        value(row, "en_source"), value(row, "note"), line,
    )  # fmt: skip


def load_citations(path: Path, documents: set[str]) -> tuple[CitationEntry, ...]:
    """Read the entries; `documents` are the ids a citation may name."""
    if not path.exists():
        return ()
    entries = []
    for line, row in read_rows(path, CITATION_COLUMNS):
        for column in ("citing", "title", "cited"):
            if not value(row, column):
                raise SourceError(path, line, f"{column} is required", column)
        if value(row, "cited") not in documents:
            problem = f"no document with id {value(row, 'cited')!r} (catalogue or cited documents)"
            raise SourceError(path, line, problem, "cited")
        cells = [value(row, column) for column in CITATION_COLUMNS]
        entries.append(CitationEntry(*cells, line=line))  # type: ignore[arg-type]
    return tuple(entries)
