"""The committed graph is exactly what the build makes, and the build is deterministic."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.compare import isomorphic

from kg import build as pipeline
from kg.context import context_bytes
from kg.turtle import serialize


def test_committed_triples_equal_a_fresh_build(tmp_path: Path) -> None:
    output, context = tmp_path / "triples.ttl", tmp_path / "context.jsonld"
    pipeline.build(pipeline.Inputs(pipeline.default_sources()), output, context)
    assert output.read_bytes() == pipeline.TRIPLES.read_bytes()
    assert context.read_bytes() == pipeline.CONTEXT.read_bytes()


def test_two_builds_give_the_same_bytes(graph: Graph) -> None:
    again = pipeline.graph_from(pipeline.Inputs(pipeline.default_sources()))
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
