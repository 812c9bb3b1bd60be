"""Updates and graph store writes: off without the token, checked by our shapes when on."""

from __future__ import annotations

import httpx
from live import TOKEN, Server
from rdflib import SH, Graph, URIRef

AUTH = {"Authorization": f"Bearer {TOKEN}"}
POL = "https://w3id.org/policykg/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
FINANCE = "https://w3id.org/policykg/org/guangzhou-finance"


def update(server: Server, text: str, headers: dict | None = None) -> httpx.Response:
    return httpx.post(server.sparql, data={"update": text}, headers=headers or {}, timeout=60)


def ask(server: Server, text: str) -> bool:
    return httpx.post(server.sparql, data={"query": text}).json()["boolean"]


def test_update_needs_the_token(writable: Server) -> None:
    text = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert update(writable, text).status_code == 401
    wrong = update(writable, text, {"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
    assert not ask(writable, "ASK { <urn:a> <urn:b> <urn:c> }")


def test_valid_update_is_seen_by_every_worker(writable: Server) -> None:
    note = f'<{FINANCE}> <{RDFS}comment> "checked"@en'
    assert update(writable, f"INSERT DATA {{ {note} }}", AUTH).status_code == 204
    assert all(ask(writable, f"ASK {{ {note} }}") for _ in range(6))


def test_update_breaking_the_shapes_is_refused_with_the_report(writable: Server) -> None:
    text = f"INSERT DATA {{ <urn:test:bad> a <{POL}Task> }}"
    response = update(writable, text, AUTH)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/turtle")
    report = Graph().parse(data=response.text, format="turtle")
    violations = report.subjects(SH.resultSeverity, SH.Violation)
    assert {report.value(result, SH.focusNode) for result in violations} == {URIRef("urn:test:bad")}
    assert not ask(writable, "ASK { <urn:test:bad> ?p ?o }")


def test_graph_store_write_cycle(writable: Server) -> None:
    store = writable.url + "store"
    graph = {"graph": "urn:test:graph"}
    turtle = {"Content-Type": "text/turtle", **AUTH}
    assert (
        httpx.put(store, params=graph, content=b"<urn:x> <urn:y> 1 .", headers=turtle).status_code
        == 201
    )
    assert (
        httpx.put(store, params=graph, content=b"<urn:x> <urn:y> 2 .", headers=turtle).status_code
        == 204
    )
    assert (
        httpx.post(store, params=graph, content=b"<urn:x> <urn:z> 3 .", headers=turtle).status_code
        == 204
    )
    got = httpx.get(store, params=graph, headers={"Accept": "application/n-triples"})
    triples = Graph().parse(data=got.text, format="nt")
    assert {(str(p), int(o)) for _, p, o in triples} == {("urn:y", 2), ("urn:z", 3)}
    assert httpx.head(store, params=graph).status_code == 200
    bad = httpx.put(store, params=graph, content=b"<urn:x> <urn:y> .", headers=turtle)
    assert bad.status_code == 400 and "line 1" in bad.text
    task = f"<urn:t> a <{POL}Task> .".encode()
    refused = httpx.post(store, params={"default": ""}, content=task, headers=turtle)
    assert refused.status_code == 422 and "urn:t" in refused.text
    assert httpx.delete(store, params=graph, headers=AUTH).status_code == 204
    assert httpx.get(store, params=graph).status_code == 404
    assert httpx.delete(store, params=graph, headers=AUTH).status_code == 404


def test_graph_store_is_read_only_without_updates(readonly: Server) -> None:
    store = readonly.url + "store"
    response = httpx.put(
        store,
        params={"default": ""},
        content=b"<urn:x> <urn:y> 1 .",
        headers={"Content-Type": "text/turtle"},
    )
    assert response.status_code == 403
    default = httpx.get(store, params={"default": ""}, headers={"Accept": "text/turtle"})
    assert (
        default.status_code == 200 and len(Graph().parse(data=default.text, format="turtle")) > 1000
    )
    assert httpx.get(store, params={"graph": "urn:none"}).status_code == 404
    assert httpx.get(store).status_code == 400
