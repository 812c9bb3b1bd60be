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


def merged_dataset(store: Store, prefix: str | None) -> dict[str, object]:
    """The dataset argument of Store.query that adds the named graphs under the prefix
    (policykg's own: the inferred graph, links) to the default graph; {} when there are none."""
    if not prefix:
        return {}
    graphs = [g for g in store.named_graphs() if isinstance(g, NamedNode)]
    merged = sorted((g for g in graphs if g.value.startswith(prefix)), key=lambda g: g.value)
    return {"default_graph": [DefaultGraph(), *merged]} if merged else {}


def run(
    store: Store, sparql: str, merge: str | None = None
) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run a query with the vocabulary's prefixes predeclared; unless it names its own dataset,
    its default graph also includes the named graphs under the `merge` prefix."""
    dataset = {} if has_from_clause(sparql) else merged_dataset(store, merge)
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
