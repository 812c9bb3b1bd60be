"""A validator hook for the write tests: pyshacl with one small shape (a task has one number)."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, RdfFormat, Store
from pyshacl import validate
from rdflib import Graph

SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix pol: <https://w3id.org/policykg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:test:TaskShape> a sh:NodeShape ;
    sh:targetClass pol:Task ;
    sh:property [ sh:path pol:taskNumber ; sh:minCount 1 ; sh:maxCount 1 ;
                  sh:datatype xsd:integer ] .
"""


def task_numbers(store: Store) -> tuple[bool, str]:
    """(conforms, report in Turtle) for the default graph of the candidate store."""
    triples = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    data = Graph().parse(data=triples, format="nt")
    conforms, report, _ = validate(data, shacl_graph=Graph().parse(data=SHAPE, format="turtle"))
    return bool(conforms), report.serialize(format="turtle")
