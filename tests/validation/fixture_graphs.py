"""Fixtures for the validation tests: the base graph and its one-shape violations."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store

from kg.graph.iris import PREFIXES

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base.ttl"
VIOLATIONS = sorted((FIXTURES / "violations").glob("*.ru"))
UPDATE_PREFIXES = {
    **PREFIXES,
    "doc": "https://w3id.org/policykg/doc/test-2024-1",
    "d": "https://w3id.org/policykg/doc/test-2024-1/",
    "o": "https://w3id.org/policykg/org/test-",
}


def fixture_store(update: Path | None = None) -> Store:
    """The base graph, changed by one SPARQL Update file."""
    store = Store()
    store.load(path=str(BASE), format=RdfFormat.TURTLE)
    if update is not None:
        header = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in UPDATE_PREFIXES.items())
        store.update(header + update.read_text(encoding="utf-8"))
    return store


def fixture_turtle(update: Path, target: Path) -> Path:
    """The changed base graph written as a Turtle file."""
    fixture_store(update).dump(str(target), format=RdfFormat.TURTLE, from_graph=DefaultGraph())
    return target
