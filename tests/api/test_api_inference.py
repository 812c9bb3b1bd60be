"""The served default graph includes the inferred graph; infer=false (as GraphDB and RDF4J spell
it) or a query naming its own dataset leaves it out. SPARQLWrapper and httpx, on a live server."""

from __future__ import annotations

import httpx
from live import Server
from SPARQLWrapper import JSON, SPARQLWrapper

JOINT = "PREFIX pol: <https://w3id.org/policykg/ontology#> ASK { ?t a pol:JointlyLedTask }"
INFERRED = "https://w3id.org/policykg/graph/inferred"


def ask(server: Server, query: str, **params: str) -> bool:
    response = httpx.get(server.sparql, params={"query": query, **params})
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def test_inferences_are_in_the_default_graph(readonly: Server) -> None:
    assert ask(readonly, JOINT)
    assert not ask(readonly, JOINT, infer="false")


def test_sparqlwrapper_can_leave_inferences_out(readonly: Server) -> None:
    client = SPARQLWrapper(readonly.sparql)
    client.setReturnFormat(JSON)
    client.setQuery(JOINT)
    assert client.queryAndConvert()["boolean"] is True
    client.addParameter("infer", "false")
    assert client.queryAndConvert()["boolean"] is False


def test_a_query_with_from_gets_the_graphs_it_names(readonly: Server) -> None:
    only = JOINT.replace("ASK", f"ASK FROM <{INFERRED}>").replace("JointlyLedTask", "Task")
    assert not ask(readonly, only)  # the inferred graph states no task's asserted type
    assert ask(readonly, JOINT.replace("ASK", f"ASK FROM <{INFERRED}>"))


def test_the_inferred_graph_is_a_named_graph(readonly: Server) -> None:
    query = f"ASK {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} }}"
    assert ask(readonly, query, infer="false")


def test_infer_takes_true_or_false(readonly: Server) -> None:
    response = httpx.get(readonly.sparql, params={"query": JOINT, "infer": "maybe"})
    assert response.status_code == 400 and "infer" in response.text
