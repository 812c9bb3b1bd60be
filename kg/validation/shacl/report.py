"""The validation report: results in a fixed order, as sh:ValidationReport or JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from kg.graph.iris import PREFIXES as DATA_PREFIXES
from kg.validation.shacl.model import Result, Term
from kg.validation.shacl.subjects import Subject
from kg.validation.shacl.text import render
from kg.validation.shacl.vocabulary import (
    PREFIXES,
    RDF_TYPE,
    SEVERITY_NAMES,
    VIOLATION,
    XSD_BOOLEAN,
    sh,
)


@dataclass(frozen=True)
class Report:
    """What validation found; conforms when no result is a sh:Violation."""

    results: tuple[Result, ...]
    subjects: Mapping[Term, Subject] = field(default_factory=dict)

    @property
    def conforms(self) -> bool:
        return all(result.severity != VIOLATION for result in self.results)

    def counts(self) -> dict[str, int]:
        found = Counter(SEVERITY_NAMES.get(r.severity, r.severity.value) for r in self.results)
        return {name: found[name] for name in SEVERITY_NAMES.values()} | dict(found)

    def subject(self, result: Result) -> Subject:
        return self.subjects.get(result.focus) or Subject.of(result.focus)

    def to_turtle(self) -> str:
        return serialize(self.triples(), format=RdfFormat.TURTLE, prefixes=prefixes()).decode()

    def to_jsonld(self) -> str:
        return serialize(self.triples(), format=RdfFormat.JSON_LD, prefixes=prefixes()).decode()

    def to_json(self) -> dict:
        """A plain JSON object for scripts: conformance, counts, and every result."""
        return {
            "conforms": self.conforms,
            "counts": self.counts(),
            "results": [self.result_json(result) for result in self.results],
        }

    def to_text(self, color: bool) -> str:
        return render(self, color)

    def result_json(self, result: Result) -> dict:
        subject = self.subject(result)
        return {
            "severity": SEVERITY_NAMES.get(result.severity, result.severity.value),
            "focusNode": term_json(result.focus),
            "about": {"zh": subject.zh, "en": subject.en},
            "resultPath": result.path.text if result.path else None,
            "value": term_json(result.value) if result.value is not None else None,
            "sourceShape": result.shape.value,
            "sourceConstraintComponent": result.component.value,
            "sourceConstraint": result.constraint.value if result.constraint else None,
            "message": {m.language or "": m.value for m in result.messages},
        }

    def triples(self) -> list[Triple]:
        report = BlankNode()
        triples = [
            Triple(report, RDF_TYPE, sh("ValidationReport")),
            Triple(
                report, sh("conforms"), Literal(str(self.conforms).lower(), datatype=XSD_BOOLEAN)
            ),
        ]
        for result in self.results:
            node = BlankNode()
            triples.append(Triple(report, sh("result"), node))
            triples.extend(result_triples(node, result))
        return triples


def result_triples(node: BlankNode, result: Result) -> Iterator[Triple]:
    yield Triple(node, RDF_TYPE, sh("ValidationResult"))
    yield Triple(node, sh("focusNode"), result.focus)
    if result.path is not None:
        if result.path.inverse:
            path = BlankNode()
            yield Triple(node, sh("resultPath"), path)
            yield Triple(path, sh("inversePath"), result.path.predicate)
        else:
            yield Triple(node, sh("resultPath"), result.path.predicate)
    if result.value is not None:
        yield Triple(node, sh("value"), result.value)
    yield Triple(node, sh("resultSeverity"), result.severity)
    yield Triple(node, sh("sourceShape"), result.shape)
    yield Triple(node, sh("sourceConstraintComponent"), result.component)
    if result.constraint is not None:
        yield Triple(node, sh("sourceConstraint"), result.constraint)
    for message in result.messages:
        yield Triple(node, sh("resultMessage"), message)


def term_json(term: Term) -> dict[str, str]:
    """A term as SPARQL 1.1 JSON results write it."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    return {"type": "literal", "value": term.value, "datatype": term.datatype.value}


def prefixes() -> dict[str, str]:
    return DATA_PREFIXES | PREFIXES
