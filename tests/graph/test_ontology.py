"""The ontology loads in OWL tools and declares every term the data uses."""

from __future__ import annotations

from pathlib import Path

import owlready2
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from kg import build as pipeline
from kg.graph.iris import POL

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
BUILT_IN = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy}  # OWL 2 needs no declaration


def ontology() -> Graph:
    return Graph().parse(pipeline.ONTOLOGY, format="turtle")


def declared(onto: Graph) -> set[URIRef]:
    return {s for kind in DECLARATIONS for s in onto.subjects(RDF.type, kind)}  # type: ignore[misc]


def test_loads_in_owlready2(tmp_path: Path) -> None:
    ntriples = tmp_path / "policykg.nt"
    ontology().serialize(ntriples, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(ntriples.as_uri()).load(format="ntriples")
    names = {c.name for c in onto.classes()}
    assert {"Task", "PolicyDocument", "Assignment", "IndustryFund"} <= names
    assert world.search_one(iri=str(POL.leadDepartment)) is not None


def test_every_class_and_property_the_data_uses_is_declared(graph: Graph) -> None:
    onto = ontology()
    known = declared(onto) | BUILT_IN
    used_properties = set(graph.predicates()) - {RDF.type}
    used_classes = set(graph.objects(None, RDF.type))
    assert used_properties - known == set()
    assert used_classes - known == set()
    used_individuals = {o for o in graph.objects() if isinstance(o, URIRef) and o in POL} - known
    assert {i for i in used_individuals if (i, RDF.type, OWL.NamedIndividual) not in onto} == set()


def test_every_pol_term_has_labels_and_definitions_in_both_languages() -> None:
    onto = ontology()
    for term in {s for s in declared(onto) if str(s).startswith(str(POL))}:
        for prop in (RDFS.label, SKOS.definition):
            languages = {o.language for o in onto.objects(term, prop)}  # type: ignore[union-attr]
            assert {"zh", "en"} <= languages, (term, prop)
