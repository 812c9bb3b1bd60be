"""The protocol's error cases, headers and service description, with httpx against a live server."""

from __future__ import annotations

import httpx
import pytest
from live import Server
from rdflib import Graph, Namespace, URIRef

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
QUERY = "application/sparql-query"


def status(response: httpx.Response, expected: int) -> str:
    assert response.status_code == expected, response.text
    assert "Traceback" not in response.text and 'File "' not in response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


@pytest.mark.parametrize(
    ("request_args", "expected", "says"),
    [
        ({"method": "GET", "params": {"query": "ASK {"}}, 400, "syntax"),
        (
            {"method": "GET", "params": [("query", "ASK {}"), ("query", "ASK {}")]},
            400,
            "exactly one",
        ),
        ({"method": "POST", "data": {"default-graph-uri": "http://x/"}}, 400, "neither"),
        (
            {"method": "POST", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}},
            400,
            "unsupported media type",
        ),
        ({"method": "POST", "content": b"query=ASK%20%7B%7D"}, 400, "Content-Type"),
        (
            {
                "method": "POST",
                "content": "ASK {}".encode("utf-16"),
                "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"},
            },
            400,
            "UTF-8",
        ),
        (
            {
                "method": "POST",
                "content": b'ASK { FILTER("\xff") }',
                "headers": {"Content-Type": QUERY},
            },
            400,
            "not UTF-8",
        ),
        ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 400, "POST"),
        ({"method": "POST", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400, "not both"),
        (
            {"method": "GET", "params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}},
            406,
            "Accept",
        ),
        ({"method": "POST", "data": {"update": "CLEAR ALL"}}, 403, "read-only"),
    ],
)
def test_errors(readonly: Server, request_args: dict, expected: int, says: str) -> None:
    arguments = dict(request_args)
    response = httpx.request(arguments.pop("method"), readonly.sparql, **arguments)
    assert says in status(response, expected)


def test_wrong_method(readonly: Server) -> None:
    response = httpx.put(readonly.sparql, params={"query": "ASK {}"})
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]


def test_query_too_large(readonly: Server) -> None:
    query = "ASK { FILTER(" + " || ".join(["true"] * 20000) + ") }"
    response = httpx.post(readonly.sparql, content=query.encode(), headers={"Content-Type": QUERY})
    assert "limit" in status(response, 413)


def test_security_headers_and_cors(readonly: Server) -> None:
    response = httpx.get(
        readonly.sparql, params={"query": "ASK {}"}, headers={"Origin": "https://notebook.example"}
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    preflight = httpx.options(
        readonly.sparql,
        headers={
            "Origin": "https://notebook.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in preflight.headers


def test_access_log_has_durations(readonly: Server) -> None:
    httpx.get(readonly.sparql, params={"query": "ASK { ?s ?p ?o }"})
    lines = [line for line in readonly.logged().splitlines() if line.startswith("policykg.access ")]
    import json

    records = [json.loads(line.split(" ", 1)[1]) for line in lines]
    queries = [r for r in records if r["operation"] == "query" and r["status"] == 200]
    assert queries and all(r["ms"] >= r["query_ms"] >= 0 for r in queries)


def test_service_description(readonly: Server) -> None:
    response = httpx.get(readonly.sparql, headers={"Accept": "text/turtle"})
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef(readonly.sparql)
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    counted = httpx.get(
        readonly.sparql, params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}
    ).json()
    size = int(counted["results"]["bindings"][0]["n"]["value"])
    sizes = {int(o) for o in graph.objects(None, URIRef("http://rdfs.org/ns/void#triples"))}
    assert size in sizes


def test_browser_on_endpoint_gets_the_page(readonly: Server) -> None:
    response = httpx.get(readonly.sparql, headers={"Accept": "text/html"})
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_openapi_documents_the_other_routes(readonly: Server) -> None:
    paths = httpx.get(readonly.url + "openapi.json").json()["paths"]
    assert {"/api/examples", "/store", "/{path}"} <= set(paths)
    docs = httpx.get(readonly.url + "docs")
    assert "swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
