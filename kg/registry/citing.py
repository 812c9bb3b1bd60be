"""Citations resolved: each title a text cites (or, for what the source leaves out, the words of
a copy that prints it) joined to the document its catalogue entry names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError
from kg.registry.citations import CitationEntry
from kg.registry.curated import Curated
from kg.sources.citations import citations
from kg.sources.records import Citation, SourceDocument
from kg.sources.spans import Span, SpannedText


@dataclass(frozen=True)
class DocumentLink:
    """One document citing another, and how (ELI's based_on or implements)."""

    citing: str  # document ids
    cited: str
    relation: str
    printed: str  # the title as printed
    span: Span | None  # its lines in the citing source (None: printed elsewhere)
    elsewhere: str | None = None  # the words of the copy that prints it


Entries = dict[str, list[CitationEntry]]


def entries_by_citing(curated: Curated) -> Entries:
    """The citation entries, by the source file (or cited document id) that cites."""
    entries: Entries = defaultdict(list)
    for entry in curated.citations:
        entries[entry.citing].append(entry)
    return entries


def document_links(
    source: SourceDocument,
    curated: Curated,
    entries: Entries,
    path: Path,
    warn: Callable[[str], None],
) -> list[DocumentLink]:
    """The citations one source makes, as its entries resolve them."""
    citing = curated.facts(source).id
    printed: dict[str, Citation] = {}
    for citation in source.citations:
        printed.setdefault(citation.title, citation)
    resolved = {entry.title: entry for entry in entries.get(source.path.name, ())}
    links = []
    for title, citation in printed.items():
        if title not in resolved:
            warn(
                f"{source.path}:{citation.span}: cites 《{citation.printed}》, which {path} "
                "does not resolve; the citation is left out"
            )
            continue
        entry = resolved[title]
        if entry.elsewhere:
            problem = "the source prints this citation itself; leave elsewhere empty"
            raise SourceError(path, entry.line, problem, "elsewhere")
        links.append(
            DocumentLink(citing, entry.cited, citation.relation, citation.printed, citation.span)
        )
    for title, entry in resolved.items():
        if title not in printed:
            if not entry.elsewhere:
                problem = (
                    f"{source.path.name} prints no citation of 《{title}》 with a verb that "
                    "says how; give the words of a copy that does (elsewhere)"
                )
                raise SourceError(path, entry.line, problem, "title")
            links.append(from_words(entry, citing, entry.elsewhere, path, "elsewhere"))
    return links


def cited_links(curated: Curated, entries: Entries, path: Path) -> list[DocumentLink]:
    """The citations the cited documents' own titles make (实施意见 of a 纲要, ...)."""
    return [
        from_words(entry, cited_id, normalized(document.title_zh), path, "title")
        for cited_id, document in curated.cited.items()
        for entry in entries.get(cited_id, ())
    ]


def from_words(
    entry: CitationEntry, citing: str, words: str, path: Path, cell: str
) -> DocumentLink:
    """The citation of entry.title that the words state, with its verb."""
    for citation in citations(SpannedText.at(words, 0)):
        if normalized(citation.title) == normalized(entry.title):
            elsewhere = words if cell == "elsewhere" else None
            return DocumentLink(
                citing, entry.cited, citation.relation, citation.printed, None, elsewhere
            )
    problem = (
        f"{words!r} cites no 《{entry.title}》 with a verb that says how (根据, 贯彻落实, ...)"
    )
    raise SourceError(path, entry.line, problem, cell)


def normalized(title: str) -> str:
    return title.replace("〈", "《").replace("〉", "》")
