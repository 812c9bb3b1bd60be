"""Fixtures for the validation tests: the base graph, its one-shape violations, and result comparison."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, RdfFormat, Store

from kg.iris import PREFIXES
from kg.shacl.model import Result, Term
from kg.validation import SHAPES

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base.ttl"
VIOLATIONS = sorted((FIXTURES / "violations").glob("*.ru"))
UPDATE_PREFIXES = {
    **PREFIXES,
    "doc": "https://w3id.org/policykg/doc/test-2024-1",
    "d": "https://w3id.org/policykg/doc/test-2024-1/",
    "o": "https://w3id.org/policykg/org/test-",
}
NUMERIC = {"integer", "decimal", "double", "float"}


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
    fixture_store(update).dump(str(target), format=RdfFormat.TURTLE, from_graph=None)
    return target


def comparable(term: Term | None) -> object:
    """A term as both engines agree on it: numbers by value (pyoxigraph writes 2.0E8 as 200000000)."""
    if isinstance(term, Literal) and term.datatype.value.rsplit("#", 1)[-1] in NUMERIC:
        try:
            return ("number", term.datatype.value, Decimal(term.value))
        except InvalidOperation:
            return ("literal", term.datatype.value, term.value)
    if isinstance(term, BlankNode):
        return "_:blank"  # each engine names blank nodes its own way
    return str(term)


def normalized(results: list[Result] | tuple[Result, ...]) -> list[tuple]:
    """Results as a sorted list of plain tuples, every field compared (messages by language and text)."""
    return sorted(
        (
            repr(comparable(r.focus)),
            r.path.text if r.path else "",
            repr(comparable(r.value)),
            r.severity.value,
            r.shape.value,
            r.component.value,
            r.constraint.value if r.constraint else "",
            tuple(sorted((m.language or "", m.value) for m in r.messages)),
        )
        for r in results
    )


@pytest.fixture(scope="session")
def shapes_dir() -> Path:
    return SHAPES
