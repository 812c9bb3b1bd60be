"""Comparing two engines' results field by field, where they write the same thing differently."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from pyoxigraph import BlankNode, Literal

from kg.validation.shacl.model import Result, Term
from kg.validation.shacl.vocabulary import XSD

NUMERIC = {XSD + name for name in ("integer", "decimal", "double", "float")}


def comparable(term: Term | None) -> str:
    """A term as both engines agree on it: numbers by value (pyoxigraph writes 2000000000.0 as
    2000000000), blank nodes all alike (each engine names them its own way)."""
    if isinstance(term, Literal) and term.datatype.value in NUMERIC:
        try:
            return f"{Decimal(term.value).normalize()}^^{term.datatype.value}"
        except InvalidOperation:
            return str(term)
    if isinstance(term, BlankNode):
        return "_:blank"
    return str(term)


def normalized(results: Iterable[Result]) -> list[tuple]:
    """Results as a sorted list of plain tuples, every field kept (messages by language, text)."""
    return sorted(
        (
            comparable(r.focus),
            r.path.text if r.path else "",
            comparable(r.value),
            r.severity.value,
            r.shape.value,
            r.component.value,
            r.constraint.value if r.constraint else "",
            tuple(sorted((m.language or "", m.value) for m in r.messages)),
        )
        for r in results
    )
