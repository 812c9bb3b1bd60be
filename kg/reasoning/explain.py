"""Why a graph is inconsistent, in words: the resources that break a disjointness or a functional
property, found on the graph with everything the rules derive from it."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import QuerySolutions, Store
from rdflib import SKOS, Graph, URIRef

from kg.graph.iris import compact
from kg.reasoning.vocabulary import Vocabulary


def problems(store: Store, vocabulary: Vocabulary, data: Graph) -> list[str]:
    """One sentence per clash, naming each resource by its label and IRI."""
    found = []
    for pair in sorted(vocabulary.disjoint, key=lambda p: sorted(p)):
        one, other = sorted(pair)
        query = f"SELECT ?x WHERE {{ ?x a <{one}>, <{other}> }} ORDER BY ?x"
        for row in solutions(store, query):
            found.append(
                f"{name(row['x'].value, data)} is both {short(one)} and {short(other)}, "
                "which the ontology declares disjoint"
            )
    for prop in sorted(vocabulary.functional_data):
        query = (
            f"SELECT ?x ?v WHERE {{ ?x <{prop}> ?v {{ SELECT ?x WHERE {{ ?x <{prop}> ?w }} "
            "GROUP BY ?x HAVING (COUNT(DISTINCT ?w) > 1) } }"
        )
        values: dict[str, set[str]] = defaultdict(set)
        for row in solutions(store, query):
            values[row["x"].value].add(row["v"].value)
        for subject in sorted(values):
            found.append(
                f"{name(subject, data)} has {short(prop)} {', '.join(sorted(values[subject]))}, "
                "but the ontology allows it one value"
            )
    return found


def solutions(store: Store, query: str) -> QuerySolutions:
    result = store.query(query)
    assert isinstance(result, QuerySolutions)
    return result


def name(iri: str, data: Graph) -> str:
    label = data.value(URIRef(iri), SKOS.prefLabel) or data.value(URIRef(iri), SKOS.altLabel)
    return f"{label} <{iri}>" if label is not None else f"<{iri}>"


def short(iri: URIRef) -> str:
    return compact(str(iri)) or f"<{iri}>"
