"""The committed graph is exactly what the build makes, and the build is deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.compare import isomorphic

from kg import build as pipeline
from kg.graph.context import context_bytes
from kg.graph.turtle import serialize


@pytest.mark.parametrize(
    "inputs",
    [pipeline.corpus_inputs(), pipeline.Inputs(pipeline.default_sources())],
    ids=["strict", "plain"],  # make build, and policykg build with no flags (bodies by rule too)
)
def test_committed_triples_equal_a_fresh_build(tmp_path: Path, inputs: pipeline.Inputs) -> None:
    output, context = tmp_path / "triples.ttl", tmp_path / "context.jsonld"
    pipeline.build(inputs, output, context)
    assert output.read_bytes() == pipeline.TRIPLES.read_bytes()
    assert context.read_bytes() == pipeline.CONTEXT.read_bytes()


def test_two_builds_give_the_same_bytes(graph: Graph) -> None:
    again = pipeline.graph_from(pipeline.corpus_inputs())
    assert serialize(graph) == serialize(again)


def test_the_turtle_says_exactly_the_graph(graph: Graph) -> None:
    assert isomorphic(Graph().parse(data=serialize(graph).decode(), format="turtle"), graph)


def test_no_blank_nodes(graph: Graph) -> None:
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]


def test_json_ld_with_the_context_round_trips(graph: Graph) -> None:
    context = json.loads(context_bytes(pipeline.ONTOLOGY))["@context"]
    document = json.loads(graph.serialize(format="json-ld", context=context))
    assert document["@context"]["leadDepartment"] == {"@id": "pol:leadDepartment", "@type": "@id"}
    assert document["@context"]["taskNumber"]["@type"] == "xsd:integer"
    assert isomorphic(Graph().parse(data=json.dumps(document), format="json-ld"), graph)


def test_file_names_that_iris_cannot_hold_are_percent_encoded(tmp_path: Path) -> None:
    source = tmp_path / "a b{1}.txt"
    source.write_bytes((pipeline.SOURCES / "guangzhou-auto-2020-task-division.txt").read_bytes())
    output = tmp_path / "out.ttl"
    pipeline.build(pipeline.Inputs([source]), output, context=None)
    graph = Graph().parse(output)
    assert URIRef("https://w3id.org/policykg/source/a%20b%7B1%7D.txt") in set(graph.subjects())


def test_the_writer_refuses_an_iri_turtle_cannot_hold() -> None:
    graph = Graph()
    graph.add((URIRef("http://example.org/a b"), RDF.type, RDFS.Resource))
    with pytest.raises(ValueError, match="not a valid IRI"):
        serialize(graph)
