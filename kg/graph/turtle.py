"""Deterministic Turtle: the same graph always gives the same bytes, in a readable order."""

from __future__ import annotations

import re
from collections import defaultdict

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.graph.iris import PREFIXES, compact

_NOT_IN_IRIREF = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NUMBER_RUN = re.compile(r"(\d+)")
OBJECT_SEPARATOR = " ,\n        "


def serialize(graph: Graph) -> bytes:
    """Turtle with fixed prefixes, subjects in natural order, `a` first, then sorted predicates."""
    return (prologue() + statements(graph)).encode("utf-8")


def prologue() -> str:
    """The fixed prefixes every file starts with."""
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(PREFIXES.items()))


def statements(graph: Graph) -> str:
    """The graph's triples, subject by subject in natural order, each after an empty line, so
    that the statements of several graphs written one after another make one Turtle file."""
    by_subject: dict[URIRef, dict[URIRef, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in graph:
        if isinstance(subject, BNode) or isinstance(obj, BNode):
            raise ValueError(f"blank node in the graph near {subject} {predicate}")
        by_subject[subject][predicate].append(obj)  # type: ignore[index]
    lines = []
    for subject in sorted(by_subject, key=natural_key):
        lines.append("")
        lines.append(term(subject))
        predicates = sorted(by_subject[subject], key=lambda p: (p != RDF.type, term(p)))
        for index, predicate in enumerate(predicates):
            objects = sorted(by_subject[subject][predicate], key=lambda o: natural_key(term(o)))
            end = " ." if index == len(predicates) - 1 else " ;"
            verb = "a" if predicate == RDF.type else term(predicate)
            lines.append(f"    {verb} {OBJECT_SEPARATOR.join(term(o) for o in objects)}{end}")
    return "".join(f"{line}\n" for line in lines)


def trig(graph: Graph, name: URIRef) -> bytes:
    """The deterministic Turtle of a graph as one named graph of a TriG file."""
    lines = serialize(graph).decode("utf-8").split("\n")
    prefixes = [line for line in lines if line.startswith("@prefix")]
    body = [f"    {line}" if line else "" for line in lines[len(prefixes) + 1 :]]
    return "\n".join([*prefixes, "", f"<{name}> {{", *body, "}", ""]).encode("utf-8")


def term(node: Node) -> str:
    if isinstance(node, Literal):
        return literal(node)
    return iri(str(node))


def iri(value: str) -> str:
    if _NOT_IN_IRIREF.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return compact(value) or f"<{value}>"


def literal(node: Literal) -> str:
    lexical = "".join(_ESCAPES.get(char, char) for char in str(node))
    if node.language:
        return f'"{lexical}"@{node.language}'
    if node.datatype == XSD.integer and _INTEGER.match(str(node)):
        return str(node)
    if node.datatype is None or node.datatype == XSD.string:
        return f'"{lexical}"'
    return f'"{lexical}"^^{iri(str(node.datatype))}'


def natural_key(value: object) -> tuple[tuple[int, int | str], ...]:
    """Sort task/2 before task/10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _NUMBER_RUN.split(str(value))
    )
