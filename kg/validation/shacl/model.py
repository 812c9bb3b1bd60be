"""Shapes as the fast engine reads them, and validation results as both engines report them."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode

Term = NamedNode | BlankNode | Literal


@dataclass(frozen=True)
class Path:
    """A property path: a predicate, or its inverse (sh:inversePath)."""

    predicate: NamedNode
    inverse: bool = False

    def sparql(self, subject: str, obj: str) -> str:
        """The triple pattern from `subject` along the path to `obj` (SPARQL variables or terms)."""
        if self.inverse:
            return f"{obj} {self.predicate} {subject} ."
        return f"{subject} {self.predicate} {obj} ."

    @property
    def text(self) -> str:
        """The path's IRI, with ^ in front when inverse."""
        return f"^{self.predicate.value}" if self.inverse else self.predicate.value


@dataclass(frozen=True)
class Constraint:
    """One SHACL Core constraint component with its parameters (e.g. sh:MinCount, {minCount: 1})."""

    component: NamedNode
    parameters: dict[str, object]


@dataclass(frozen=True)
class SparqlCheck:
    """A SHACL-SPARQL constraint (sh:sparql): a SELECT with $this, and message templates."""

    node: NamedNode
    select: str
    prefixes: dict[str, str]
    messages: tuple[Literal, ...]


@dataclass(frozen=True)
class Shape:
    """A node shape, or a property shape with its node shape's targets (class IRIs)."""

    node: NamedNode
    targets: tuple[NamedNode, ...]
    severity: NamedNode
    messages: tuple[Literal, ...]
    path: Path | None = None
    constraints: tuple[Constraint, ...] = ()
    checks: tuple[SparqlCheck, ...] = ()


@dataclass(frozen=True)
class Result:
    """One sh:ValidationResult."""

    focus: Term
    path: Path | None
    value: Term | None
    severity: NamedNode
    shape: NamedNode
    component: NamedNode
    constraint: NamedNode | None
    messages: tuple[Literal, ...]

    def message(self, language: str) -> str:
        """The message in one language ('' when the shape gives none in it)."""
        return next((m.value for m in self.messages if m.language == language), "")
