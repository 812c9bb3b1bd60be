"""The build pipeline: source tables + curated registries -> graph -> Turtle bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import SourceError
from kg.files import write_atomic
from kg.graph.context import context_bytes
from kg.graph.turtle import serialize
from kg.graph.writer import build_graph
from kg.paths import CONTEXT, DOCUMENTS, ONTOLOGY, REGISTRY, SOURCES, TRIPLES
from kg.registry.documents import load_documents
from kg.registry.organizations import load_registry
from kg.sources.table.reader import read_table


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads."""

    sources: Sequence[Path]
    registry: Path = REGISTRY
    documents: Path = DOCUMENTS
    ontology: Path = ONTOLOGY


def default_sources() -> list[Path]:
    return sorted(SOURCES.glob("*.txt"))


def graph_from(inputs: Inputs) -> Graph:
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
    tables = [read_table(path) for path in inputs.sources]
    return build_graph(tables, registry, documents)


def build(inputs: Inputs, output: Path = TRIPLES, context: Path | None = CONTEXT) -> Graph:
    """Build and write the Turtle (and the JSON-LD context) atomically; nothing on error."""
    graph = graph_from(inputs)
    outputs = {output: serialize(graph)}
    if context is not None:
        outputs[context] = context_bytes(inputs.ontology)
    write_atomic(outputs)
    return graph
