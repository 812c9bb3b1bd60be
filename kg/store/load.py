"""`policykg load`: the dataset pushed into an existing SPARQL store, one named graph per document
(and the registry's, the inferred graph, links), each replacing what the store held under that
name, so loading twice changes nothing. A graph is replaced whole or not at all: in one Graph
Store Protocol request, or by SPARQL Update into a staging graph, in pieces, moved over it last."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, serialize

from kg.publish.partition import partition
from kg.store.remote import RemoteError, send, with_graph

N_TRIPLES = "application/n-triples"
UPDATE = "application/sparql-update"
# Triples per INSERT DATA: stores cap one update's size (Virtuoso compiles one into at most
# 10,000 lines of SQL, which about 1,600 triples exceed)
PIECE = 500
STAGING = "#policykg-loading"  # appended to a graph's name while it is being loaded


@dataclass(frozen=True)
class Loaded:
    graph: str
    triples: int


def load(
    store: Store, graph_store: str | None, update: str | None, told: Callable[[Loaded], None]
) -> list[Loaded]:
    """Put every named graph by the Graph Store Protocol (PUT replaces it) or, given an update
    endpoint, by SPARQL Update."""
    done = []
    for graph, quads in partition(store).items():
        triples = [q.triple for q in quads]
        if update:
            replace_by_update(update, graph, triples)
        else:
            body = serialize(triples, format=RdfFormat.N_TRIPLES)
            send(with_graph(str(graph_store), graph.value), "PUT", body, N_TRIPLES)
        loaded = Loaded(graph.value, len(quads))
        told(loaded)
        done.append(loaded)
    return done


def replace_by_update(update: str, graph: NamedNode, triples: Sequence[Triple]) -> None:
    """Insert the triples into a staging graph piece by piece, then MOVE it over the graph in one
    update; on a failure drop the staging graph, leaving the graph as it was."""
    staging = NamedNode(graph.value + STAGING)
    send(update, "POST", f"DROP SILENT GRAPH <{staging.value}>".encode(), UPDATE)
    try:
        for start in range(0, len(triples), PIECE):
            piece = serialize(triples[start : start + PIECE], format=RdfFormat.N_TRIPLES)
            send(update, "POST", insertion(staging, piece), UPDATE)
        move = f"MOVE SILENT GRAPH <{staging.value}> TO GRAPH <{graph.value}>"
        send(update, "POST", move.encode(), UPDATE)
    except RemoteError:
        # the store that failed may fail this too; the graph itself is untouched either way
        with suppress(RemoteError):
            send(update, "POST", f"DROP SILENT GRAPH <{staging.value}>".encode(), UPDATE)
        raise


def insertion(graph: NamedNode, triples: bytes) -> bytes:
    """One SPARQL Update adding the N-Triples given to a graph."""
    return f"INSERT DATA {{ GRAPH <{graph.value}> {{\n".encode() + triples + b"} }\n"
