"""The build pipeline: source tables + curated registries -> graph -> Turtle bytes, written
document by document so that a corpus of any size builds in the memory of its largest document."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rdflib import Graph

from kg.errors import SourceError
from kg.files import staged
from kg.graph.context import context_bytes
from kg.graph.turtle import prologue, statements
from kg.graph.writer import cited_graph, document_graph, new_graph, registry_graph
from kg.parallel import mapped
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
from kg.registry.citing import DocumentLink, Entries, cited_links, document_links, entries_by_citing
from kg.registry.counterparts import load_counterparts
from kg.registry.curated import Curated
from kg.registry.documents import load_documents
from kg.registry.organizations import load_registry
from kg.report import FAILED, Row, failed_row, read_row, report_bytes
from kg.sources.datasets import Columns
from kg.sources.inputs import Outcome, items_of, read_item, source_files


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads, and how."""

    sources: Sequence[Path]  # files, folders of them, datasets (with `columns`)
    registry: Path = REGISTRY
    documents: Path = DOCUMENTS
    ontology: Path = ONTOLOGY
    changes: Path = CHANGES
    counterparts: Path = COUNTERPARTS
    cited: Path = CITED
    citations: Path = CITATIONS
    layout: str | None = None  # force one source form (kg.sources.read.LAYOUTS)
    keep_unresolved: bool = False
    columns: Columns | None = None  # which columns of a dataset hold a document's text and fields
    strict: bool = True  # stop at the first problem; else report it and build the rest
    workers: int = 1  # processes reading documents (1: this one)
    scheduler: str | None = None  # a Dask scheduler's address: read on its cluster instead


Warn = Callable[[str], None]
Progress = Callable[[Iterator[Outcome]], Iterator[Outcome]]


def default_sources() -> list[Path]:
    return source_files([SOURCES])


def _ignore(message: str) -> None:
    """Warnings nobody asked to see."""


def _unchanged(outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    return outcomes


@dataclass
class Built:
    """What a build wrote: triples, and a report row per document."""

    triples: int = 0
    rows: list[Row] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(row.status == FAILED for row in self.rows)


def graph_from(inputs: Inputs, warn: Warn = _ignore) -> Graph:
    """The whole graph in memory (what build writes); with `inputs.strict`, any problem raises
    SourceError."""
    graph = new_graph()
    for part in graph_parts(inputs, Built(), warn):
        graph += part
    return graph


def build(
    inputs: Inputs,
    output: Path = TRIPLES,
    context: Path | None = CONTEXT,
    warn: Warn = _ignore,
    report: Path | None = None,
    progress: Progress = _unchanged,
) -> Built:
    """Write the Turtle part by part as it is built (one document in memory at a time), the
    JSON-LD context and the report; all files whole or none (an error that stops the build
    leaves them as they were)."""
    built = Built()
    targets = [output] + ([context] if context else []) + ([report] if report else [])
    with staged(targets) as streams:
        streams[output].write(prologue().encode("utf-8"))
        for part in graph_parts(inputs, built, warn, progress):
            streams[output].write(statements(part).encode("utf-8"))
            built.triples += len(part)
        if context is not None:
            streams[context].write(context_bytes(inputs.ontology))
        if report is not None:
            streams[report].write(report_bytes(built.rows))
    return built


def graph_parts(
    inputs: Inputs, built: Built, warn: Warn = _ignore, progress: Progress = _unchanged
) -> Iterator[Graph]:
    """The graph in the order it is written: the registry, each source document in turn (read
    when its turn comes, in parallel where asked), then the documents they cite. Each document's
    outcome is added to `built.rows`; a problem raises where `inputs.strict`."""
    if not inputs.sources:
        raise SourceError(SOURCES, None, "no source tables to build from")
    curated = curate(inputs)
    entries = entries_by_citing(curated)
    yield registry_graph(curated)
    links = []
    read = partial(read_item, layout=inputs.layout)
    items = items_of(inputs.sources, inputs.columns)
    for outcome in progress(mapped(read, items, inputs.workers, inputs.scheduler)):
        try:
            graph, own, title = _document(outcome, curated, entries, inputs, warn)
        except SourceError as error:
            if inputs.strict:
                raise
            built.rows.append(failed_row(outcome, error))
            continue
        links.extend(own)
        built.rows.append(read_row(outcome, graph, title))
        yield graph
    yield cited_graph(curated, [*links, *cited_links(curated, entries, inputs.citations)])


def _document(
    outcome: Outcome, curated: Curated, entries: Entries, inputs: Inputs, warn: Warn
) -> tuple[Graph, list[DocumentLink], str]:
    """One document's graph, its citations and its title; the outcome's error, or the
    writer's, raised."""
    if outcome.error is not None:
        raise outcome.error
    source = outcome.document
    assert source is not None
    if source.origin is None and source.path.name not in curated.documents:
        warn(
            f"{source.path}: no entry in {inputs.documents}; title, number and date are "
            "taken from the text where it prints them, the rest is left out"
        )
    own = document_links(source, curated, entries, inputs.citations, warn)
    graph = document_graph(source, curated, own, inputs.keep_unresolved)
    return graph, own, curated.facts(source).title_zh


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
