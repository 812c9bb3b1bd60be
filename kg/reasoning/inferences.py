"""What both reasoning routes answer: the entailed triples that the graph does not state, in the
ontology's vocabulary (named classes and object properties), between the data's own IRIs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef

from kg.reasoning.vocabulary import Vocabulary

Triple = tuple[URIRef, URIRef, URIRef]


class Inconsistent(ValueError):
    """The data contradicts the ontology; each problem names the resources involved."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("the graph is inconsistent with the ontology:\n" + "\n".join(problems))


class ReasonerUnavailable(RuntimeError):
    """The reasoner could not run at all (no Java, for HermiT)."""


@dataclass(frozen=True)
class Inferences:
    triples: frozenset[Triple]
    reasoner: str  # which route and engine, with its version


def data_nodes(data: Graph, ontology: Graph) -> set[URIRef]:
    """The IRIs the data speaks of that the ontology does not define."""
    terms = set(ontology.subjects())
    nodes = {node for triple in data for node in (triple[0], triple[2]) if isinstance(node, URIRef)}
    return nodes - terms


def restrict(
    entailed: Iterable[Triple], data: Graph, nodes: set[URIRef], vocabulary: Vocabulary
) -> frozenset[Triple]:
    """What an inferred graph keeps, among the data's IRIs and in the vocabulary: each individual's
    most specific classes and the object property values, where the data does not state them.

    A class above another class of the same individual is left out (a jointly led task is not
    also said to be an eli:LegalResourceSubdivision), so a query that asks `?x a ?kind` gets
    the kinds it got before and the defined classes, not every superclass."""
    classes = vocabulary.output_classes()
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    kept = set()
    for subject, predicate, obj in entailed:
        if subject not in nodes:
            continue
        if predicate == RDF.type and obj in classes:
            types[subject].add(obj)
        elif predicate in vocabulary.object_properties and obj in nodes:
            kept.add((subject, predicate, obj))
    for subject, found in types.items():
        above = set().union(*(vocabulary.ancestors(cls) - {cls} for cls in found))
        kept.update((subject, RDF.type, cls) for cls in found - above)
    return frozenset(t for t in kept if t not in data)


def close_properties(triples: set[Triple], vocabulary: Vocabulary) -> set[Triple]:
    """Add what super-properties and inverses entail from the property values given."""
    todo = [t for t in triples if t[1] != RDF.type]
    while todo:
        subject, predicate, obj = todo.pop()
        implied = [(subject, sup, obj) for sup in vocabulary.property_ancestors(predicate)]
        implied += [(obj, inverse, subject) for inverse in vocabulary.inverses.get(predicate, ())]
        for triple in implied:
            if triple not in triples:
                triples.add(triple)  # type: ignore[arg-type]
                todo.append(triple)  # type: ignore[arg-type]
    return triples


def distinct_organizations(data: Graph, vocabulary: Vocabulary) -> list[URIRef]:
    """The organizations the data names: distinct registry entries are distinct bodies."""
    organization = URIRef("http://www.w3.org/ns/org#Organization")
    kinds = {c for c in vocabulary.classes if organization in vocabulary.ancestors(c)}
    kinds.add(organization)
    return sorted(
        {s for s, o in data.subject_objects(RDF.type) if o in kinds and isinstance(s, URIRef)}
    )
