"""The W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description manifests, replayed
against live servers: every test that a read-only endpoint can run on a read-only server, and
every test (updates and graph store writes included) on a server with updates turned on."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from live import TOKEN, W3C, Server, start
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from w3c import Case, cases, dataset_reset, run

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FIXTURE = W3C / "protocol-data.trig"
PROTOCOL = list(cases(W3C / "protocol" / "manifest.ttl"))
GRAPH_STORE = list(cases(W3C / "graph-store-protocol" / "manifest.ttl"))
SERVICE_DESCRIPTION = [c.name for c in cases(W3C / "service-description" / "manifest.ttl")]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def w3c_readonly(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start(
        ["--data", str(FIXTURE), "--workers", "2"], tmp_path_factory.mktemp("w3c") / "log"
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def w3c_writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    arguments = ["--data", str(FIXTURE), "--workers", "2", "--update-token", TOKEN]
    server = start(arguments, tmp_path_factory.mktemp("w3c-writes") / "log")
    yield server
    server.stop()


def names(tests: list[Case]) -> list:
    return [pytest.param(case, id=case.name) for case in tests]


def test_the_manifests_were_read() -> None:
    assert len(PROTOCOL) == 34 and len(GRAPH_STORE) == 13 and len(SERVICE_DESCRIPTION) == 3
    assert sum(not case.writes for case in PROTOCOL) >= 20


@pytest.mark.parametrize("case", names([c for c in PROTOCOL if not c.writes]))
def test_protocol_read_only(w3c_readonly: Server, case: Case) -> None:
    run(case, w3c_readonly.url, {})


@pytest.mark.parametrize("case", names(PROTOCOL + GRAPH_STORE))
def test_with_updates_on(w3c_writable: Server, case: Case) -> None:
    reset = httpx.post(w3c_writable.sparql, data={"update": dataset_reset(FIXTURE)}, headers=AUTH)
    assert reset.status_code == 204, reset.text
    run(case, w3c_writable.url, AUTH)


@pytest.mark.parametrize("case", names([c for c in GRAPH_STORE if not c.writes]))
def test_graph_store_read_only(w3c_readonly: Server, case: Case) -> None:
    run(case, w3c_readonly.url, {})


def description(server: Server) -> Graph:
    response = httpx.get(
        server.sparql, headers={"Accept": "text/turtle, application/rdf+xml;q=0.5"}
    )
    assert response.status_code == 200
    return Graph().parse(data=response.text, format="turtle")


@pytest.mark.parametrize("name", SERVICE_DESCRIPTION)
def test_service_description(w3c_readonly: Server, name: str) -> None:
    graph = description(w3c_readonly)
    if name == "returns-rdf":
        assert len(graph) > 0
    elif name == "has-endpoint-triple":
        assert (None, SD.endpoint, URIRef(w3c_readonly.sparql)) in graph
    elif name == "conforms-to-schema":
        shapes = Graph().parse(W3C / "service-description-shapes.ttl")
        conforms, _, text = validate(graph, shacl_graph=shapes)
        assert conforms, text
        named = set(graph.objects(None, SD.name))
        assert {
            URIRef(f"http://kasei.us/2009/09/sparql/data/data{n}.rdf") for n in (1, 2, 3)
        } == named
    else:
        pytest.fail(f"unknown service description test {name}")


def test_the_schema_shapes_can_fail(w3c_readonly: Server) -> None:
    graph = description(w3c_readonly)
    graph.add((URIRef(w3c_readonly.sparql), SD.supportedLanguage, SD.Klingon))
    assert not validate(graph, shacl_graph=Graph().parse(W3C / "service-description-shapes.ttl"))[0]


def test_the_runner_can_fail(w3c_readonly: Server) -> None:
    """A write test replayed on a read-only server must fail: the runner really checks."""
    case = next(c for c in GRAPH_STORE if c.name == "put_get_repeat_indirect")
    with pytest.raises(AssertionError, match="put_get_repeat_indirect step 1"):
        run(case, w3c_readonly.url, {})
