"""`policykg load`: the dataset pushed into an existing SPARQL store, one named graph per document
(and the registry's, the inferred graph, links), each replacing what the store held under that
name, so loading twice changes nothing. A graph goes in one request, whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import NamedNode, RdfFormat, Store, serialize

from kg.publish.partition import partition
from kg.store.remote import send, with_graph

N_TRIPLES = "application/n-triples"
UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class Loaded:
    graph: str
    triples: int


def load(
    store: Store, graph_store: str | None, update: str | None, told: Callable[[Loaded], None]
) -> list[Loaded]:
    """Put every named graph by the Graph Store Protocol (PUT replaces it) or, given an update
    endpoint, by SPARQL Update (DROP SILENT GRAPH then INSERT DATA, in one request)."""
    done = []
    for graph, quads in partition(store).items():
        body = serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES)
        if update:
            send(update, "POST", replacement(graph, body), UPDATE)
        else:
            send(with_graph(str(graph_store), graph.value), "PUT", body, N_TRIPLES)
        loaded = Loaded(graph.value, len(quads))
        told(loaded)
        done.append(loaded)
    return done


def replacement(graph: NamedNode, triples: bytes) -> bytes:
    """One SPARQL Update that replaces a graph with the N-Triples given."""
    return (
        f"DROP SILENT GRAPH <{graph.value}> ;\nINSERT DATA {{ GRAPH <{graph.value}> {{\n".encode()
        + triples
        + b"} }\n"
    )
