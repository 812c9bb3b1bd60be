"""Running SPARQL over the built graph with pyoxigraph."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, Store

from kg.graph.iris import PREFIXES
from kg.store.dataset import load_store
from kg.store.sparql_text import has_from_clause


class QueryError(ValueError):
    """A query that cannot be run: its syntax, or what it asks of the store."""


def run(
    store: Store, sparql: str, merged: Sequence[str] = ()
) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run a query with the vocabulary's prefixes predeclared; unless it names its own dataset,
    its default graph also includes the `merged` named graphs (the inferred graph)."""
    dataset = {}
    if merged and not has_from_clause(sparql):
        dataset = {"default_graph": [DefaultGraph(), *(NamedNode(g) for g in merged)]}
    try:
        return store.query(sparql, prefixes=PREFIXES, **dataset)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error.msg}") from error
    except OSError as error:
        raise QueryError(str(error)) from error


def query_files(
    paths: Sequence[Path], sparql: str, merged: Sequence[str] = ()
) -> QuerySolutions | QueryBoolean | QueryTriples:
    return run(load_store(paths), sparql, merged)
