"""Running SPARQL over the built graph with pyoxigraph."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, Store

from kg.graph.iris import BASE, PREFIXES
from kg.store.dataset import load_store
from kg.store.sparql_text import has_from_clause

MERGED = BASE + "graph/"  # the named graphs a query's default graph includes unless told not to


class QueryError(ValueError):
    """A query that cannot be run: its syntax, or what it asks of the store."""


def merged_graphs(store: Store, prefix: str = MERGED) -> list[NamedNode]:
    """The store's named graphs under the prefix: policykg's own (the inferred graph, links)."""
    return sorted(
        (
            g
            for g in store.named_graphs()
            if isinstance(g, NamedNode) and g.value.startswith(prefix)
        ),
        key=lambda g: g.value,
    )


def run(
    store: Store, sparql: str, merge: str | None = None
) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run a query with the vocabulary's prefixes predeclared; unless it names its own dataset,
    its default graph also includes the named graphs under the `merge` prefix."""
    dataset = {}
    graphs = merged_graphs(store, merge) if merge and not has_from_clause(sparql) else []
    if graphs:
        dataset = {"default_graph": [DefaultGraph(), *graphs]}
    try:
        return store.query(sparql, prefixes=PREFIXES, **dataset)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error.msg}") from error
    except OSError as error:
        raise QueryError(str(error)) from error


def query_files(
    paths: Sequence[Path], sparql: str, merge: str | None = None
) -> QuerySolutions | QueryBoolean | QueryTriples:
    return run(load_store(paths), sparql, merge)
