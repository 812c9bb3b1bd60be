"""The OWL route: the ontology and the data in owlready2, classified and realized by HermiT."""

from __future__ import annotations

import io
from collections.abc import Iterator

import owlready2
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.reasoning.inferences import (
    Inconsistent,
    ReasonerUnavailable,
    Triple,
    close_properties,
    distinct_organizations,
)
from kg.reasoning.vocabulary import Vocabulary

ENGINE = f"HermiT (owlready2 {owlready2.VERSION})"
# The datatypes HermiT accepts (the OWL 2 datatype map, as far as policykg's data uses it).
# Literals of others (xsd:date, xsd:gYear, xsd:duration) cannot change what is inferred here:
# no axiom of the ontology reads them, so they are left out of HermiT's input.
OWL2_DATATYPES = {
    XSD.integer, XSD.nonNegativeInteger, XSD.decimal, XSD.string, XSD.boolean, XSD.dateTime,
    XSD.anyURI, RDF.PlainLiteral, None,
}  # fmt: skip
REASONING_BASE = "https://w3id.org/policykg/reasoning"


def reasoner_input(data: Graph, ontology: Graph, vocabulary: Vocabulary) -> bytes:
    """N-Triples for owlready2: ontology and data within the OWL 2 datatypes; bodies distinct."""
    graph = Graph()
    for triple in (*ontology, *data):
        if accepted(triple):
            graph.add(triple)
    members = distinct_organizations(data, vocabulary)
    if len(members) > 1:
        axiom, listed = BNode(), BNode()
        Collection(graph, listed, members)  # type: ignore[arg-type]
        graph.add((axiom, RDF.type, OWL.AllDifferent))
        graph.add((axiom, OWL.distinctMembers, listed))
    return graph.serialize(format="nt", encoding="utf-8")


def accepted(triple: tuple) -> bool:
    _, predicate, obj = triple
    if isinstance(obj, Literal):
        return (obj.language is not None and obj.datatype is None) or obj.datatype in OWL2_DATATYPES
    if predicate == RDFS.range and str(obj).startswith(str(XSD)):
        return obj in OWL2_DATATYPES
    return True


def entailed(
    data: Graph, ontology: Graph, vocabulary: Vocabulary, nodes: set[URIRef]
) -> set[Triple]:
    """Every type and object property value HermiT entails for the data's individuals."""
    world = owlready2.World()
    try:
        loaded = world.get_ontology(REASONING_BASE).load(
            fileobj=io.BytesIO(reasoner_input(data, ontology, vocabulary)), format="ntriples"
        )
        with loaded:
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        found = set(types(world, nodes)) | set(values(world, vocabulary))
    except owlready2.OwlReadyInconsistentOntologyError as error:
        raise Inconsistent(["HermiT found the ontology and the data inconsistent"]) from error
    except (OSError, owlready2.OwlReadyJavaError) as error:
        raise ReasonerUnavailable(
            f"HermiT could not run ({error}); it needs Java (Debian: default-jre-headless), "
            "or use --engine rules"
        ) from error
    finally:
        world.close()
    return close_properties(found, vocabulary)


def types(world: owlready2.World, nodes: set[URIRef]) -> Iterator[Triple]:
    """The named classes of each of the data's individuals (world.individuals() lists only those
    declared owl:NamedIndividual, so they are looked up by IRI)."""
    for node in sorted(nodes):
        individual = world[str(node)]
        if not isinstance(individual, owlready2.Thing):
            continue
        for cls in individual.INDIRECT_is_a:
            if isinstance(cls, owlready2.ThingClass) and cls is not owlready2.Thing:
                yield node, RDF.type, URIRef(cls.iri)


def values(world: owlready2.World, vocabulary: Vocabulary) -> Iterator[Triple]:
    """The object property values in the world: asserted, and what HermiT wrote back."""
    for subject, predicate, obj in world.as_rdflib_graph():
        known = predicate in vocabulary.object_properties
        if known and isinstance(subject, URIRef) and isinstance(obj, URIRef):
            yield subject, predicate, obj  # type: ignore[misc]
