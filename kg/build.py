"""The build pipeline: source tables + curated registries -> graph -> Turtle bytes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import SourceError
from kg.files import write_atomic
from kg.graph.context import context_bytes
from kg.graph.turtle import serialize
from kg.graph.writer import build_graph
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
from kg.registry.citing import resolve_citations
from kg.registry.counterparts import load_counterparts
from kg.registry.curated import Curated
from kg.registry.documents import load_documents
from kg.registry.organizations import load_registry
from kg.sources.read import read_source
from kg.sources.text import HTML_SUFFIXES


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
    return sorted(path for path in SOURCES.iterdir() if path.suffix.lower() in SOURCE_SUFFIXES)


def _ignore(message: str) -> None:
    """Warnings nobody asked to see."""


def graph_from(inputs: Inputs, warn: Warn = _ignore) -> Graph:
    """Read and check every input, then build the graph; any problem raises SourceError."""
    if not inputs.sources:
        raise SourceError(SOURCES, None, "no source tables to build from")
    registry = load_registry(inputs.registry)
    documents = load_documents(inputs.documents)
    for facts in documents.values():
        if facts.publisher and facts.publisher not in registry.ids:
            problem = (
                f"publisher {facts.publisher!r} is not an organization id in {inputs.registry}"
            )
            raise SourceError(inputs.documents, facts.line, problem, "publisher")
    changes = load_changes(inputs.changes, registry)
    counterparts = load_counterparts(inputs.counterparts, registry)
    cited = load_cited_documents(inputs.cited, registry)
    sources = [read_source(path, inputs.layout) for path in inputs.sources]
    for source in sources:
        if source.path.name not in documents:
            warn(
                f"{source.path}: no entry in {inputs.documents}; title, number and date are "
                "taken from the text where it prints them, the rest is left out"
            )
    known = {facts.id for facts in documents.values()} | set(cited)
    citations = load_citations(inputs.citations, known)
    curated = Curated(registry, documents, changes, counterparts, cited, citations)
    links = resolve_citations(sources, curated, inputs.citations, warn)
    return build_graph(sources, curated, links, inputs.keep_unresolved)


def build(
    inputs: Inputs, output: Path = TRIPLES, context: Path | None = CONTEXT, warn: Warn = _ignore
) -> Graph:
    """Build and write the Turtle (and the JSON-LD context) atomically; nothing on error."""
    graph = graph_from(inputs, warn)
    outputs = {output: serialize(graph)}
    if context is not None:
        outputs[context] = context_bytes(inputs.ontology)
    write_atomic(outputs)
    return graph
