"""The build pipeline: source tables + curated registries -> graph -> Turtle bytes, written
document by document so that a corpus of any size builds in the memory of its largest document."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import SourceError
from kg.files import staged
from kg.graph.context import context_bytes
from kg.graph.turtle import prologue, statements
from kg.graph.writer import cited_graph, document_graph, new_graph, registry_graph
from kg.paths import (
    CHANGES,
    CITATIONS,
    CITED,
    CONTEXT,
    COUNTERPARTS,
    DOCUMENTS,
    ONTOLOGY,
    REGISTRY,
    SOURCES,
    TRIPLES,
)
from kg.registry.changes import load_changes
from kg.registry.citations import load_citations, load_cited_documents
from kg.registry.citing import cited_links, document_links, entries_by_citing
from kg.registry.counterparts import load_counterparts
from kg.registry.curated import Curated
from kg.registry.documents import load_documents
from kg.registry.organizations import load_registry
from kg.sources.formats.detect import HTML_SUFFIXES
from kg.sources.read import read_source


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads."""

    sources: Sequence[Path]
    registry: Path = REGISTRY
    documents: Path = DOCUMENTS
    ontology: Path = ONTOLOGY
    changes: Path = CHANGES
    counterparts: Path = COUNTERPARTS
    cited: Path = CITED
    citations: Path = CITATIONS
    layout: str | None = None  # force one source form (kg.sources.read.LAYOUTS)
    keep_unresolved: bool = False


SOURCE_SUFFIXES = (".txt", *HTML_SUFFIXES)
Warn = Callable[[str], None]


def default_sources() -> list[Path]:
    return source_files([SOURCES])


def source_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, with each directory replaced by the source files in it, in name order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
        else:
            found.append(path)
    return found


def _ignore(message: str) -> None:
    """Warnings nobody asked to see."""


def graph_from(inputs: Inputs, warn: Warn = _ignore) -> Graph:
    """The whole graph in memory (what build writes); any problem raises SourceError."""
    graph = new_graph()
    for part in graph_parts(inputs, warn):
        graph += part
    return graph


def build(
    inputs: Inputs, output: Path = TRIPLES, context: Path | None = CONTEXT, warn: Warn = _ignore
) -> int:
    """Write the Turtle part by part as it is built (one document in memory at a time), and the
    JSON-LD context; all files whole or none (an error leaves them as they were). Returns the
    number of triples written."""
    count = 0
    with staged([output] + ([context] if context else [])) as streams:
        streams[output].write(prologue().encode("utf-8"))
        for part in graph_parts(inputs, warn):
            streams[output].write(statements(part).encode("utf-8"))
            count += len(part)
        if context is not None:
            streams[context].write(context_bytes(inputs.ontology))
    return count


def graph_parts(inputs: Inputs, warn: Warn = _ignore) -> Iterator[Graph]:
    """The graph in the order it is written: the registry, each source document in turn (read
    only when its turn comes), then the documents they cite."""
    if not inputs.sources:
        raise SourceError(SOURCES, None, "no source tables to build from")
    curated = curate(inputs)
    entries = entries_by_citing(curated)
    yield registry_graph(curated)
    links = []
    for path in inputs.sources:
        source = read_source(path, inputs.layout)
        if source.path.name not in curated.documents:
            warn(
                f"{source.path}: no entry in {inputs.documents}; title, number and date are "
                "taken from the text where it prints them, the rest is left out"
            )
        own = document_links(source, curated, entries, inputs.citations, warn)
        links.extend(own)
        yield document_graph(source, curated, own, inputs.keep_unresolved)
    yield cited_graph(curated, [*links, *cited_links(curated, entries, inputs.citations)])


def curate(inputs: Inputs) -> Curated:
    """The curated files, read and checked against each other."""
    registry = load_registry(inputs.registry)
    documents = load_documents(inputs.documents)
    for facts in documents.values():
        for publisher in facts.publishers:
            if publisher not in registry.by_id:
                problem = f"publisher {publisher!r} is not an organization id in {inputs.registry}"
                raise SourceError(inputs.documents, facts.line, problem, "publisher")
    changes = load_changes(inputs.changes, registry)
    counterparts = load_counterparts(inputs.counterparts, registry)
    cited = load_cited_documents(inputs.cited, registry)
    known = {facts.id for facts in documents.values()} | set(cited)
    citations = load_citations(inputs.citations, known)
    return Curated(registry, documents, changes, counterparts, cited, citations)
