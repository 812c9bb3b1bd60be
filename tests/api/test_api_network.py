"""/explore/network.{graphml,gexf,csv}: the page's network as files NetworkX reads, with the bodies
and ties the endpoint's own SPARQL counts, filtered as the page filters, the same network
`policykg network` writes, and made by a query worker, not on the event loop."""

from __future__ import annotations

import csv
import io
import json

import httpx
import networkx as nx
import pytest
from live import Server
from typer.testing import CliRunner

from kg.cli import app

ORG = "https://w3id.org/policykg/org/"
AUTO = "https://w3id.org/policykg/doc/sui-fu-ban-gui-2020-25"
READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}
BODIES = """PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?body WHERE {
  ?task pol:assignment/prov:agent ?body ; dcterms:isPartOf ?d . FILTER }"""
TIES = """PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?a ?b (COUNT(DISTINCT ?task) AS ?n) WHERE {
  ?task pol:assignment/prov:agent ?a , ?b . FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""


def ask(server: Server, query: str) -> list[list[str]]:
    answer = httpx.post(server.sparql, data={"query": query}, timeout=60).json()
    names = answer["head"]["vars"]
    return [[row[n]["value"] for n in names] for row in answer["results"]["bindings"]]


def download(server: Server, fmt: str, **filters: str) -> httpx.Response:
    response = httpx.get(f"{server.url}explore/network.{fmt}", params=filters, timeout=60)
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_files_hold_the_bodies_and_ties_the_endpoint_counts(readonly: Server, fmt: str) -> None:
    response = download(readonly, fmt)
    assert response.headers["content-disposition"] == f'attachment; filename="network.{fmt}"'
    graph = READERS[fmt](io.BytesIO(response.content))
    assert set(graph) == {body for (body,) in ask(readonly, BODIES.replace("FILTER", ""))}
    ties = {(a, b): int(n) for a, b, n in ask(readonly, TIES)}
    assert {tuple(sorted(e)): int(w) for *e, w in graph.edges(data="weight")} == ties
    access = [json.loads(line.split(" ", 1)[1]) for line in readonly.logged().splitlines()
              if line.startswith("policykg.access ") and "/explore/network." in line]  # fmt: skip
    assert access and all(a["operation"] == "network" for a in access)  # a worker's job


def test_the_route_and_the_command_give_the_same_network(readonly: Server, tmp_path) -> None:
    out = tmp_path / "network.graphml"
    assert CliRunner().invoke(app, ["network", "-o", str(out)]).exit_code == 0
    served = nx.read_graphml(io.BytesIO(download(readonly, "graphml").content))
    written = nx.read_graphml(out)
    assert dict(served.nodes(data=True)) == dict(written.nodes(data=True))
    assert {tuple(sorted(e)): d for *e, d in served.edges(data=True)} == {
        tuple(sorted(e)): d for *e, d in written.edges(data=True)
    }
    rows = csv.DictReader(io.StringIO(download(readonly, "csv").text))
    assert {(r["source"], r["target"]): int(r["weight"]) for r in rows} == {
        tuple(sorted(e)): int(d["weight"]) for *e, d in written.edges(data=True)
    }


def test_the_page_filters_apply(readonly: Server) -> None:
    chosen = nx.read_gexf(io.BytesIO(download(readonly, "gexf", document=AUTO).content))
    expected = ask(readonly, BODIES.replace("FILTER", f"FILTER(?d = <{AUTO}>)"))
    assert set(chosen) == {body for (body,) in expected}
    whole = nx.read_graphml(io.BytesIO(download(readonly, "graphml").content))
    industry = whole.nodes[ORG + "guangzhou-industry-it"]
    key = industry.get("place_code") or industry["government_iri"]
    same = nx.read_graphml(io.BytesIO(download(readonly, "graphml", government=key).content))
    assert ORG + "guangzhou-industry-it" in same and 1 < len(same) < len(whole)
    assert {d.get("place_code") or d["government_iri"] for _, d in same.nodes(data=True)} == {key}
    municipal = nx.read_graphml(
        io.BytesIO(download(readonly, "graphml", level="municipal").content)
    )
    assert {d["level"] for _, d in municipal.nodes(data=True)} == {"municipal"}
    years = nx.read_graphml(io.BytesIO(download(readonly, "graphml", year="2020").content))
    assert years and all(d["years"] == "2020" for *_, d in years.edges(data=True))
    leads = nx.read_graphml(io.BytesIO(download(readonly, "graphml", role="lead").content))
    assert all(d["cooperating"] == 0 for _, d in leads.nodes(data=True))


def test_an_unknown_format_is_refused(readonly: Server) -> None:
    response = httpx.get(readonly.url + "explore/network.pajek")
    assert response.status_code in (400, 422) and "graphml" in response.text
