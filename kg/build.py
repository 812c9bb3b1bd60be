"""The build pipeline: source tables + curated registries -> graph -> Turtle bytes, written
document by document so that a corpus of any size builds in the memory of its largest document."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import SourceError
from kg.files import staged
from kg.graph.context import context_bytes
from kg.graph.turtle import prologue, statements
from kg.graph.writer import Naming, cited_graph, document_graph, new_graph, registry_graph
from kg.parallel import mapped
from kg.paths import (
    CHANGES,
    CITATIONS,
    CITED,
    CONTEXT,
    COUNTERPARTS,
    DIVISIONS,
    DOCUMENTS,
    LEXICON,
    ONTOLOGY,
    PLACES,
    PREFIXES,
    REGISTRY,
    SOURCES,
    TRIPLES,
    ZONES,
)
from kg.places.divisions import load_divisions
from kg.places.jurisdiction import Finder, load_prefixes
from kg.places.zones import load_zones
from kg.registry.changes import load_changes
from kg.registry.citations import load_citations, load_cited_documents
from kg.registry.citing import DocumentLink, Entries, cited_links, document_links, entries_by_citing
from kg.registry.counterparts import load_counterparts
from kg.registry.curated import Curated
from kg.registry.documents import load_documents
from kg.registry.organizations import load_registry
from kg.registry.places import load_places
from kg.report import FAILED, Row, failed_row, read_row, report_bytes, unresolved_names
from kg.resolution.lexicon import load_lexicon
from kg.resolution.resolver import Resolver
from kg.sources.datasets import Columns
from kg.sources.inputs import Item, Outcome, items_of, name_of, read_item, source_files


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
    places: Path = PLACES
    lexicon: Path = LEXICON  # a folder with bodies.csv and reforms.csv
    layout: str | None = None  # force one source form (kg.sources.read.LAYOUTS)
    keep_unresolved: bool = False  # with curated_only: keep names it refuses, as written
    curated_only: bool = False  # refuse any name the curated registry does not hold
    jurisdiction: str | None = None  # the division code of documents that do not say theirs
    columns: Columns | None = None  # which columns of a dataset hold a document's text and fields
    strict: bool = True  # stop at the first problem; else report it and build the rest
    workers: int = 1  # processes reading documents (1: this one)
    scheduler: str | None = None  # a Dask scheduler's address: read on its cluster instead


Warn = Callable[[str], None]
Rendered = str | Graph  # a part of the graph as Turtle statements, or as a graph
Render = Callable[[Graph], Rendered]


@dataclass(frozen=True)
class Part:
    """One document's share of a build, made where it was read: its report row, its graph as
    rendered (Turtle statements to write, or the graph itself for a graph in memory), the
    citations it makes and the warnings it raised; or the error that stopped it."""

    row: Row
    body: Rendered = ""
    triples: int = 0
    links: tuple[DocumentLink, ...] = ()
    warnings: tuple[str, ...] = ()
    error: SourceError | None = None


Progress = Callable[[Iterator[Part]], Iterator[Part]]


def default_sources() -> list[Path]:
    return source_files([SOURCES])


def corpus_inputs() -> Inputs:
    """The project's own build (make build, policykg build --strict): every source of
    data/sources/, each name a body of the curated registry."""
    return Inputs(default_sources(), curated_only=True)


def _ignore(message: str) -> None:
    """Warnings nobody asked to see."""


def _unchanged(parts: Iterator[Part]) -> Iterator[Part]:
    return parts


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
    for part, _ in graph_parts(inputs, Built(), _as_is, warn):
        graph += part
    return graph


def _as_is(graph: Graph) -> Graph:
    return graph


def build(
    inputs: Inputs,
    output: Path = TRIPLES,
    context: Path | None = CONTEXT,
    warn: Warn = _ignore,
    report: Path | None = None,
    progress: Progress = _unchanged,
) -> Built:
    """Write the Turtle part by part as it is made (a few documents in memory at a time), the
    JSON-LD context and the report; all files whole or none (an error that stops the build
    leaves them as they were)."""
    built = Built()
    targets = [output] + ([context] if context else []) + ([report] if report else [])
    with staged(targets) as streams:
        streams[output].write(prologue().encode("utf-8"))
        for turtle, triples in graph_parts(inputs, built, statements, warn, progress):
            assert isinstance(turtle, str)
            streams[output].write(turtle.encode("utf-8"))
            built.triples += triples
        if context is not None:
            streams[context].write(context_bytes(inputs.ontology))
        if report is not None:
            streams[report].write(report_bytes(built.rows))
    return built


def graph_parts(
    inputs: Inputs,
    built: Built,
    render: Render,
    warn: Warn = _ignore,
    progress: Progress = _unchanged,
) -> Iterator[tuple[Rendered, int]]:
    """The graph's parts as `render` makes them, in the order they are written, with each
    part's triples: the registry,
    each source document in turn (read and written where its turn is taken: in this process, on
    every core, or on a Dask cluster), then the documents they cite. Each document's outcome is
    added to `built.rows`; a problem raises where `inputs.strict`."""
    if not inputs.sources:
        raise SourceError(SOURCES, None, "no source tables to build from")
    curated = curate(inputs)
    entries = entries_by_citing(curated)
    yield _rendered(registry_graph(curated), render)
    links: list[DocumentLink] = []
    parts = mapped(
        PartMaker(inputs, curated, entries, render),
        items_of(inputs.sources, inputs.columns),
        inputs.workers,
        inputs.scheduler,
    )
    for part in progress(parts):
        for message in part.warnings:
            warn(message)
        if part.error is not None and inputs.strict:
            raise part.error
        built.rows.append(part.row)
        if part.error is None:
            links.extend(part.links)
            yield part.body, part.triples
    cited = cited_graph(curated, [*links, *cited_links(curated, entries, inputs.citations)])
    yield _rendered(cited, render)


def _rendered(graph: Graph, render: Render) -> tuple[Rendered, int]:
    return render(graph), len(graph)


@dataclass(frozen=True)
class PartMaker:
    """Everything a worker needs to make a document's part of the build (picklable: it is sent
    to each worker process once)."""

    inputs: Inputs
    curated: Curated
    entries: Entries
    render: Render

    def __call__(self, item: Item) -> Part:
        outcome = read_item(item, self.inputs.layout)
        warnings: list[str] = []
        try:
            graph, own, title = self._document(outcome, warnings.append)
        except SourceError as error:
            return Part(failed_row(outcome, error), warnings=tuple(warnings), error=error)
        row = read_row(outcome, graph, title)
        return Part(row, *_rendered(graph, self.render), tuple(own), tuple(warnings))

    def _document(self, outcome: Outcome, warn: Warn) -> tuple[Graph, list[DocumentLink], str]:
        """One document's graph, its citations and its title; the outcome's error, or the
        writer's, raised."""
        if outcome.error is not None:
            raise outcome.error
        source = outcome.document
        assert source is not None
        curated, inputs = self.curated, self.inputs
        if source.origin is None and source.path.name not in curated.documents:
            warn(
                f"{source.path}: no entry in {inputs.documents}; title, number and date are "
                "taken from the text where it prints them, the rest is left out"
            )
        own = document_links(source, curated, self.entries, inputs.citations, warn)
        graph = document_graph(source, curated, own, naming(inputs))
        for line in unresolved_names(graph, name_of(outcome.item)):
            warn(line)
        return graph, own, curated.facts(source).title_zh


def naming(inputs: Inputs) -> Naming:
    """Curated only (names it lacks stop the document, or are kept as written), or curated and
    by rule with the rest kept as written."""
    if inputs.curated_only:
        return Naming(False, inputs.keep_unresolved, inputs.jurisdiction)
    return Naming(True, True, inputs.jurisdiction)


def curate(inputs: Inputs) -> Curated:
    """The curated files, read and checked against each other."""
    registry = load_registry(inputs.registry)
    divisions = load_divisions(DIVISIONS)
    if inputs.jurisdiction is not None:
        divisions.checked(inputs.jurisdiction, DIVISIONS, None, "--jurisdiction")
    placed = load_places(inputs.places, registry, divisions)
    lexicon = load_lexicon(inputs.lexicon)
    documents = load_documents(inputs.documents)
    for facts in documents.values():
        for publisher in facts.publishers:
            if publisher not in registry.by_id:
                problem = f"publisher {publisher!r} is not an organization id in {inputs.registry}"
                raise SourceError(inputs.documents, facts.line, problem, "publisher")
        for code in facts.jurisdiction:
            divisions.checked(code, inputs.documents, facts.line, "jurisdiction")
    changes = load_changes(inputs.changes, registry)
    counterparts = load_counterparts(inputs.counterparts, registry)
    cited = load_cited_documents(inputs.cited, registry)
    known = {facts.id for facts in documents.values()} | set(cited)
    citations = load_citations(inputs.citations, known)
    catalogued = (
        (facts.identifier, tuple(code for org in facts.publishers if (code := placed.code(org))))
        for facts in documents.values()
        if facts.identifier
    )
    finder = Finder(divisions, load_prefixes(PREFIXES, divisions).learned(catalogued))
    return Curated(
        Resolver(registry, placed, divisions, lexicon, load_zones(ZONES, divisions)),
        finder,
        documents,
        changes,
        counterparts,
        cited,
        citations,
    )
