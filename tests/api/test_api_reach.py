"""SERVICE, LOAD, FROM and FROM NAMED never reach unlisted URLs or local files.

A local listener records every connection attempt: refused requests must leave it untouched, and
an allowed SERVICE call must reach the endpoint it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from listener import Listener, listening
from live import TOKEN, Server


@pytest.fixture
def listener() -> Iterator[Listener]:
    with listening() as probe:
        yield probe


def ask(server: Server, query: str, **params: str) -> httpx.Response:
    return httpx.post(server.sparql, data={"query": query, **params}, timeout=30)


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "PREFIX remote: <{url}#> SELECT * WHERE {{ SERVICE remote: {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?x ?y ?z . service <{url}> {{ ?s ?p ?o }} }} # SERVICE <http://fine/>",
        "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ],
)
def test_unlisted_service_is_refused_before_any_connection(
    readonly: Server, listener: Listener, template: str
) -> None:
    response = ask(readonly, template.format(url=listener.url))
    assert response.status_code == 403
    assert "SERVICE" in response.text
    assert listener.connections == 0


def test_text_that_only_mentions_service_is_a_query(readonly: Server, listener: Listener) -> None:
    mention = f"SERVICE <{listener.url}>"
    query = f'SELECT * WHERE {{ BIND("{mention} {{}}" AS ?x) }} # {mention}'
    assert ask(readonly, query).status_code == 200
    assert listener.connections == 0


def test_listed_service_is_called(writable: Server, readonly: Server) -> None:
    query = f"""PREFIX pol: <https://w3id.org/policykg/ontology#>
    SELECT (COUNT(?t) AS ?n) WHERE {{ SERVICE <{readonly.sparql}> {{ ?t a pol:Task }} }}"""
    local = "SELECT (COUNT(?t) AS ?n) { ?t a pol:Task }"
    remote = ask(writable, query)
    assert remote.status_code == 200, remote.text
    expected = ask(readonly, local).json()["results"]["bindings"][0]["n"]["value"]
    assert remote.json()["results"]["bindings"][0]["n"]["value"] == expected


def test_from_and_dataset_parameters_never_fetch(
    readonly: Server, listener: Listener, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:is> <urn:here> .\n", encoding="utf-8")
    queries = [
        ask(readonly, f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}"),
        ask(readonly, f"SELECT * FROM NAMED <{listener.url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"),
        ask(readonly, f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"),
        ask(readonly, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": secret.as_uri()}),
        ask(
            readonly,
            "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
            **{"named-graph-uri": listener.url},
        ),
    ]
    for response in queries:
        assert response.status_code == 200, response.text
        assert response.json()["results"]["bindings"] == []
    assert listener.connections == 0


@pytest.mark.parametrize("target", ["{url}", "file:///etc/passwd"])
def test_load_is_refused_even_with_the_token(
    writable: Server, listener: Listener, target: str
) -> None:
    update = f"LOAD <{target.format(url=listener.url)}> INTO GRAPH <urn:loaded>"
    response = httpx.post(
        writable.sparql, data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 403 and "LOAD is disabled" in response.text
    assert listener.connections == 0
    graphs = ask(writable, "ASK { GRAPH <urn:loaded> { ?s ?p ?o } }").json()
    assert graphs["boolean"] is False
