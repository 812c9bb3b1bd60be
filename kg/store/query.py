"""Running SPARQL over the built graph with pyoxigraph."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples, Store

from kg.graph.iris import PREFIXES
from kg.store.dataset import load_store


class QueryError(ValueError):
    """A query that cannot be run: its syntax, or what it asks of the store."""


def run(store: Store, sparql: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run a query with the vocabulary's prefixes predeclared."""
    try:
        return store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error.msg}") from error
    except OSError as error:
        raise QueryError(str(error)) from error


def query_files(paths: Sequence[Path], sparql: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    return run(load_store(paths), sparql)
