"""The dataset as named graphs: each document with its tasks, themes, assignments, instruments,
citations and source file in a graph of its own; organizations, their changes and counterparts
in the registry's graph; named graphs already there (the inferred graph) kept as they are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from kg.graph.iris import BASE, PROV

DOCUMENTS = BASE + "doc/"
SOURCES = BASE + "source/"
GRAPHS = BASE + "graph/"
REGISTRY_GRAPH = NamedNode(GRAPHS + "registry")


def document_graph(document_id: str) -> NamedNode:
    return NamedNode(f"{GRAPHS}doc/{document_id}")


def graph_name(graph: NamedNode) -> str:
    """A file-name-safe name for a graph: doc-sui-fu-ban-gui-2020-25, registry, inferred."""
    return graph.value.removeprefix(GRAPHS).replace("/", "-")


def partition(store: Store) -> dict[NamedNode, list[Quad]]:
    """The store's quads by the named graph each belongs in, graphs in a stable order."""
    derived = {
        str(q.object.value): q.subject.value
        for q in store.quads_for_pattern(
            None, NamedNode(str(PROV.wasDerivedFrom)), None, DefaultGraph()
        )
        if isinstance(q.object, NamedNode) and q.object.value.startswith(SOURCES)
    }
    graphs: dict[NamedNode, list[Quad]] = defaultdict(list)
    for quad in store:
        if isinstance(quad.graph_name, NamedNode):
            graphs[quad.graph_name].append(quad)
            continue
        graph = home(quad.subject.value if isinstance(quad.subject, NamedNode) else "", derived)
        graphs[graph].append(Quad(quad.subject, quad.predicate, quad.object, graph))
    return {
        graph: sorted(graphs[graph], key=str) for graph in sorted(graphs, key=lambda g: g.value)
    }


def home(subject: str, derived: dict[str, str]) -> NamedNode:
    """The graph a subject's triples go to: its document's, or the registry's."""
    subject = derived.get(subject, subject)  # a source file goes with the document made from it
    if subject.startswith(DOCUMENTS):
        return document_graph(subject.removeprefix(DOCUMENTS).split("/", 1)[0])
    return REGISTRY_GRAPH


def triples_of(quads: Iterable[Quad]) -> list:
    return [quad.triple for quad in quads]
