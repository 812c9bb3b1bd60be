"""`policykg link` against a second live server that serves a provincial graph in schema.org and
RDFS; what it cannot reach, what refuses and what answers garbage exit 1 and write nothing; a
federated query joins the two through the SERVICE allow-list."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import ROOT, Server, free_port, start
from rdflib import SKOS, Dataset, Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.graph.iris import POL

PROVINCIAL = ROOT / "tests" / "fixtures" / "provincial-graph.ttl"
ORG = "https://w3id.org/policykg/org/"
EX = "https://example.org/guangdong/"


@pytest.fixture(scope="module")
def provincial(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("provincial") / "server.log"
    server = start(["--data", str(PROVINCIAL), "--workers", "1"], log)
    yield server
    server.stop()


def link(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["link", *args])
    return result.exit_code, result.output


def test_links_by_official_name_and_number_only_where_one_fits(
    provincial: Server, tmp_path: Path
) -> None:
    target = tmp_path / "guangdong.trig"
    code, output = link("--endpoint", provincial.sparql, "-o", str(target))
    assert code == 0, output
    links = {
        (str(s), str(o))
        for s, _, o, _ in Dataset()
        .parse(target, format="trig")
        .quads((None, SKOS.exactMatch, None, None))
    }
    assert links == {
        (ORG + "guangdong-industry-it", EX + "industry"),  # schema:name, @zh
        (ORG + "guangzhou-industry-it", EX + "guangzhou-industry"),  # rdfs:label, untagged
        ("https://w3id.org/policykg/doc/yue-fu-2021-22", EX + "work-division-2021"),  # its number
    }
    assert f"ambiguous  {ORG}guangdong-finance" in output  # two remote bodies bear the name
    assert f"ambiguous  {ORG}guangzhou-science-technology" in output  # two of ours bear it
    assert "ambiguous  https://w3id.org/policykg/doc/cn-2020-government-work-report" in output
    assert f"other kind {ORG}guangdong-commerce: {EX}commerce-square" in output


def test_each_link_keeps_its_evidence(provincial: Server, tmp_path: Path) -> None:
    target = tmp_path / "guangdong.trig"
    link("--endpoint", provincial.sparql, "-o", str(target))
    dataset = Dataset().parse(target, format="trig")
    [node] = [
        o
        for _, _, o, _ in dataset.quads(
            (URIRef(ORG + "guangdong-industry-it"), POL.linkEvidence, None, None)
        )
    ]
    facts = {(p, o) for _, p, o, _ in dataset.quads((node, None, None, None))}
    assert (POL.matchedOn, URIRef("https://schema.org/name")) in facts
    assert (POL.linkEndpoint, URIRef(provincial.sparql)) in facts
    graphs = {str(c.identifier) for c in dataset.contexts() if len(c)}
    assert graphs == {"https://w3id.org/policykg/graph/links/guangdong"}


class Garbage(http.server.BaseHTTPRequestHandler):
    """Answers every request 200 with a web page: not SPARQL results."""

    def do_POST(self) -> None:
        body = b"<html><body>maintenance</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def garbage() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), Garbage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


@pytest.mark.parametrize("case", ["unreachable", "refuses", "garbage"])
def test_a_failing_endpoint_exits_1_naming_it_and_writes_nothing(
    case: str, provincial: Server, garbage: str, tmp_path: Path
) -> None:
    url = {
        "unreachable": f"http://127.0.0.1:{free_port()}/sparql",
        "refuses": provincial.url + "no-such-endpoint/sparql",
        "garbage": garbage,
    }[case]
    target = tmp_path / "links.trig"
    code, output = link("--endpoint", url, "-o", str(target))
    assert code == 1
    assert url in output
    words = {"unreachable": "cannot be reached", "refuses": "refused", "garbage": "not SPARQL JSON"}
    assert words[case] in output
    assert not target.exists()


def test_a_federated_query_joins_our_graph_with_the_provinces(
    provincial: Server, tmp_path: Path
) -> None:
    ours = start(["--allow-service", provincial.sparql, "--workers", "1"], tmp_path / "log")
    try:
        query = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX schema: <https://schema.org/>
        PREFIX pol: <https://w3id.org/policykg/ontology#>
        SELECT ?body ?remote WHERE {{
          ?body pol:provincialCounterpart ?province .
          ?province skos:prefLabel ?name .
          SERVICE <{provincial.sparql}> {{ ?remote schema:name ?name }}
        }}"""
        response = httpx.post(ours.sparql, data={"query": query}, timeout=60)
        assert response.status_code == 200, response.text
        rows = {
            (r["body"]["value"], r["remote"]["value"])
            for r in response.json()["results"]["bindings"]
        }
        assert (ORG + "guangzhou-industry-it", EX + "industry") in rows
    finally:
        ours.stop()


def test_a_turtle_links_file_holds_the_plain_triples(provincial: Server, tmp_path: Path) -> None:
    target = tmp_path / "guangdong.ttl"
    code, output = link("--endpoint", provincial.sparql, "-o", str(target))
    assert code == 0, output
    graph = Graph().parse(target)
    industry = URIRef(ORG + "guangdong-industry-it")
    assert (industry, SKOS.exactMatch, URIRef(EX + "industry")) in graph
    assert f"not found  {ORG}guangzhou-finance" in output
