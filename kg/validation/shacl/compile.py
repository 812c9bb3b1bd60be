"""SHACL shapes -> SPARQL SELECT queries whose solutions are exactly the validation results."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from kg.validation.shacl.model import Constraint, Shape, SparqlCheck
from kg.validation.shacl.vocabulary import RDF_LANG_STRING, RDF_TYPE, XSD, XSD_STRING, sh

# How a class and its subclasses are found: classes -> the classes with all their subclasses.
Closure = Callable[[Sequence[NamedNode]], Sequence[NamedNode]]

# XSD datatypes whose lexical forms SPARQL can check by casting (others: the datatype IRI only)
CASTABLE = {"integer", "decimal", "double", "float", "boolean", "date", "dateTime", "duration"}
NODE_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
COMPARISONS = {"minInclusive": ">=", "minExclusive": ">", "maxInclusive": "<=", "maxExclusive": "<"}


@dataclass(frozen=True)
class Query:
    """One query for one constraint of one shape; each solution is one result."""

    shape: Shape
    component: NamedNode
    sparql: str
    check: SparqlCheck | None = None
    value_is_focus: bool = False  # node shapes: sh:value is the focus node unless ?value is bound


def queries(shape: Shape, closure: Closure) -> Iterator[Query]:
    """Every query that validates the shape."""
    targets = focus_nodes(shape, closure)
    for constraint in shape.constraints:
        sparql = constraint_query(shape, constraint, targets, closure)
        yield Query(shape, constraint.component, sparql, value_is_focus=shape.path is None)
    for check in shape.checks:
        yield Query(
            shape, sh("SPARQLConstraintComponent"), bind_this(check.select, targets), check, True
        )


def focus_nodes(shape: Shape, closure: Closure) -> str:
    """A group binding ?this to each focus node once."""
    classes = " ".join(map(str, closure(shape.targets)))
    return (
        "{ SELECT DISTINCT ?this WHERE { "
        f"?this {RDF_TYPE} ?targetType . "
        f"VALUES ?targetType {{ {classes} }} }} }}"
    )


def bind_this(select: str, targets: str) -> str:
    """The SELECT with its WHERE clause joined to the focus nodes (the first '{' opens WHERE)."""
    head, body = select.split("{", 1)
    return f"{head}{{ {targets}\n{body}"


def constraint_query(shape: Shape, constraint: Constraint, targets: str, closure: Closure) -> str:
    name = next(iter(constraint.parameters))
    parameter = constraint.parameters[name]
    if shape.path is None:  # node shape: the focus node is the value node
        violation = value_violation(name, parameter, "?this", closure, constraint)
        return f"SELECT ?this WHERE {{ {targets} FILTER ({violation}) }}"
    values = shape.path.sparql("?this", "?value")
    if name == "minCount":
        return (
            f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ {values} }} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {parameter})"
        )
    if name == "maxCount":
        return (
            f"SELECT ?this WHERE {{ {targets} {values} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {parameter})"
        )
    if name == "hasValue":
        pattern = shape.path.sparql("?this", str(parameter))
        return f"SELECT ?this WHERE {{ {targets} FILTER NOT EXISTS {{ {pattern} }} }}"
    if name == "uniqueLang":
        if not parameter:
            return "SELECT ?this WHERE { FILTER (false) }"
        return (
            f"SELECT DISTINCT ?this ?language WHERE {{ {targets} {values} "
            f"{shape.path.sparql('?this', '?other')} "
            'FILTER (!sameTerm(?value, ?other) && lang(?value) != "" '
            "&& LCASE(lang(?value)) = LCASE(lang(?other))) "
            "BIND (LCASE(lang(?value)) AS ?language) }"
        )
    violation = value_violation(name, parameter, "?value", closure, constraint)
    return f"SELECT DISTINCT ?this ?value WHERE {{ {targets} {values} FILTER ({violation}) }}"


def value_violation(
    name: str, parameter: object, v: str, closure: Closure, constraint: Constraint
) -> str:
    """A SPARQL expression true when the value node `v` violates the constraint."""
    if name == "class":
        classes = " ".join(map(str, closure([parameter])))  # type: ignore[list-item]
        return f"NOT EXISTS {{ {v} {RDF_TYPE} ?valueType . VALUES ?valueType {{ {classes} }} }}"
    if name == "datatype":
        return f"!({datatype_test(parameter, v)})"  # type: ignore[arg-type]
    if name == "nodeKind":
        kind = str(parameter.value).removeprefix("http://www.w3.org/ns/shacl#")  # type: ignore[attr-defined]
        return "!" + NODE_KINDS[kind].format(v=v)
    if name == "languageIn":
        matches = " || ".join(f"langMatches(lang({v}), {Literal(tag.value)})" for tag in parameter)  # type: ignore[attr-defined]
        return f"!(isLiteral({v}) && ({matches}))"
    if name == "in":
        return "!(" + " || ".join(f"sameTerm({v}, {member})" for member in parameter) + ")"  # type: ignore[attr-defined]
    if name in COMPARISONS:
        return f"!COALESCE({v} {COMPARISONS[name]} {parameter}, false)"
    if name == "pattern":
        flags = constraint.parameters.get("flags", "")
        return (
            f"!COALESCE(REGEX(STR({v}), {Literal(parameter.value)}, {Literal(str(flags))}), false)"  # type: ignore[attr-defined]
        )
    raise ValueError(f"no SPARQL for sh:{name}")


def datatype_test(datatype: NamedNode, v: str) -> str:
    """True when `v` is a well-formed literal of the datatype, as pyshacl (rdflib) decides it."""
    if datatype == RDF_LANG_STRING:
        return f'isLiteral({v}) && lang({v}) != ""'
    if datatype == XSD_STRING:
        return f'isLiteral({v}) && lang({v}) = "" && datatype({v}) = {XSD_STRING}'
    test = f"isLiteral({v}) && datatype({v}) = {datatype}"
    local = datatype.value.removeprefix(XSD)
    if datatype.value.startswith(XSD) and local in CASTABLE:
        test += f" && COALESCE(isLiteral({datatype}(STR({v}))), false)"
    return test
