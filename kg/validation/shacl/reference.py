"""The reference engine: plain pyshacl, its report read back into the fast engine's results."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyshacl
import rdflib
from pyoxigraph import Literal
from rdflib.namespace import SH

from kg.validation.shacl.model import Path, Result, Shape
from kg.validation.shacl.terms import from_rdflib


def validate(
    data: rdflib.Graph, shapes: rdflib.Graph, ontology: rdflib.Graph, model: Sequence[Shape]
) -> list[Result]:
    """pyshacl's results (ontology mixed into the data, no inference), warnings not failing."""
    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    templates = message_templates(model)
    return [read_result(report, node, templates) for node in report.subjects(SH.resultSeverity)]


def read_result(report: rdflib.Graph, node: rdflib.term.Node, templates: dict) -> Result:
    def one(predicate: rdflib.URIRef):
        return report.value(node, predicate)

    shape = from_rdflib(one(SH.sourceShape))
    constraint = one(SH.sourceConstraint)
    known = templates.get(str(constraint) if constraint is not None else str(shape), ())
    return Result(
        focus=from_rdflib(one(SH.focusNode)),
        path=read_path(report, one(SH.resultPath)),
        value=from_rdflib(one(SH.value)) if one(SH.value) is not None else None,
        severity=from_rdflib(one(SH.resultSeverity)),  # type: ignore[arg-type]
        shape=shape,  # type: ignore[arg-type]
        component=from_rdflib(one(SH.sourceConstraintComponent)),  # type: ignore[arg-type]
        constraint=from_rdflib(constraint) if constraint is not None else None,  # type: ignore[arg-type]
        messages=tuple(
            sorted(
                (with_language(m, known) for m in report.objects(node, SH.resultMessage)),
                key=str,
            )
        ),
    )


def read_path(report: rdflib.Graph, path: rdflib.term.Node | None) -> Path | None:
    if path is None:
        return None
    if isinstance(path, rdflib.URIRef):
        return Path(from_rdflib(path))  # type: ignore[arg-type]
    inverse = report.value(path, SH.inversePath)
    return Path(from_rdflib(inverse), inverse=True)  # type: ignore[arg-type]


def message_templates(model: Sequence[Shape]) -> dict[str, tuple[Literal, ...]]:
    """Message templates by the node a result names: its SPARQL constraint, else its shape."""
    templates: dict[str, tuple[Literal, ...]] = {}
    for shape in model:
        templates[shape.node.value] = shape.messages
        for check in shape.checks:
            templates[check.node.value] = (*check.messages, *shape.messages)
    return templates


def with_language(message: rdflib.term.Node, templates: Sequence[Literal]) -> Literal:
    """pyshacl drops the language tag of a filled-in message; take it back from the template."""
    term = from_rdflib(message)
    assert isinstance(term, Literal)
    if term.language:
        return term
    for template in templates:
        if template.language and matches(template.value, term.value):
            return Literal(term.value, language=template.language)
    return term


def matches(template: str, text: str) -> bool:
    pattern = ".*".join(re.escape(part) for part in re.split(r"\{[?$]\w+\}", template))
    return re.fullmatch(pattern, text, flags=re.DOTALL) is not None
