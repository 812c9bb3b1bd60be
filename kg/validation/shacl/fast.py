"""The fast engine: shapes compiled to SPARQL run on pyoxigraph, results as pyshacl gives them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from pyoxigraph import Literal, NamedNode, QuerySolution, QuerySolutions, Store

from kg.validation.shacl.compile import Query, queries
from kg.validation.shacl.model import Result, Shape, Term
from kg.validation.shacl.vocabulary import RDFS

SUBCLASSES = (
    "SELECT DISTINCT ?class WHERE {{ VALUES ?super {{ {classes} }} ?class <%s>* ?super }}"
    % (RDFS + "subClassOf")
)


def validate(store: Store, shapes: Sequence[Shape]) -> list[Result]:
    """Every validation result of the shapes over the store's triples, all graphs together."""

    @cache
    def closure(classes: tuple[NamedNode, ...]) -> tuple[NamedNode, ...]:
        found = store.query(
            SUBCLASSES.format(classes=" ".join(map(str, classes))), use_default_graph_as_union=True
        )
        assert isinstance(found, QuerySolutions)
        return tuple(sorted({s["class"] for s in found} | set(classes), key=str))

    results: list[Result] = []
    for shape in shapes:
        for query in queries(shape, lambda classes: closure(tuple(classes))):
            results.extend(run(store, query))
    return results


def run(store: Store, query: Query) -> Iterator[Result]:
    prefixes = query.check.prefixes if query.check else None
    solutions = store.query(query.sparql, prefixes=prefixes, use_default_graph_as_union=True)
    assert isinstance(solutions, QuerySolutions)
    names = [variable.value for variable in solutions.variables]
    seen: set[tuple[Term | None, ...]] = set()
    for solution in solutions:
        row = tuple(solution[name] for name in names)
        if row in seen:
            continue
        seen.add(row)
        yield result(query, dict(zip(names, row, strict=True)), solution)


def result(query: Query, row: dict[str, Term | None], solution: QuerySolution) -> Result:
    shape = query.shape
    focus = row["this"]
    assert focus is not None
    value = row.get("value") or (focus if query.value_is_focus else None)
    messages = shape.messages
    if query.check is not None:
        bound = {name: term for name, term in row.items() if term is not None}
        bound["value"] = value
        templates = (*query.check.messages, *shape.messages)
        messages = tuple(fill(template, bound) for template in templates)
    return Result(
        focus=focus,
        path=shape.path,
        value=value,
        severity=shape.severity,
        shape=shape.node,
        component=query.component,
        constraint=query.check.node if query.check else None,
        messages=messages,
    )


def fill(template: Literal, bound: dict[str, Term | None]) -> Literal:
    """A message template with {?var} and {$var} replaced by the lexical form of each bound term."""
    text = template.value
    for name, term in bound.items():
        if term is not None:
            text = text.replace("{?" + name + "}", term.value).replace(
                "{$" + name + "}", term.value
            )
    return Literal(text, language=template.language) if template.language else Literal(text)
