"""`policykg network`: the collaboration network of the corpus graph as GraphML, GEXF and a CSV
edge list that NetworkX reads back with the bodies and ties a plain SPARQL query counts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.paths import TRIPLES
from kg.store.dataset import load_store
from kg.store.query import run

ORG = "https://w3id.org/policykg/org/"
# 国发〔2017〕39号 (data/sources/cn-2017-foreign-investment-growth-measures.txt), as read: task
# (一) is "(国家发展改革委、商务部负责)" and task (三) "(财政部、税务总局按职责分工负责)"
READ = {
    (ORG + "mofcom", ORG + "ndrc"): "国发〔2017〕39号",
    (ORG + "mof", ORG + "state-taxation-administration"): "国发〔2017〕39号",
}
BODIES = """SELECT DISTINCT ?body ?name WHERE {
  ?task pol:assignment/prov:agent ?body . ?body skos:prefLabel ?name FILTER(lang(?name) = "zh") }"""
TIES = """SELECT ?a ?b (COUNT(DISTINCT ?task) AS ?n) WHERE {
  ?task pol:assignment/prov:agent ?a , ?b . FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""
JOINT_LEADS = """SELECT ?a ?b (COUNT(DISTINCT ?task) AS ?n) WHERE {
  ?task pol:assignment [ prov:agent ?a ; prov:hadRole pol:LeadResponsibility ] ,
                       [ prov:agent ?b ; prov:hadRole pol:LeadResponsibility ] .
  FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""
GOVERNMENT = """SELECT ?code WHERE {
  <https://w3id.org/policykg/org/guangzhou-government> dcterms:spatial/skos:notation ?code }"""
READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def answer(query: str) -> list[list[str]]:
    result = run(load_store([TRIPLES]), query)
    return [[s[v].value for v in result.variables] for s in result]  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The network of data/triples.ttl in each format, each named by its suffix alone."""
    folder = tmp_path_factory.mktemp("network")
    files = {}
    for fmt in ("graphml", "gexf", "csv"):
        files[fmt] = folder / f"network.{fmt}"
        result = CliRunner().invoke(app, ["network", "-o", str(files[fmt]), "--data", str(TRIPLES)])
        assert result.exit_code == 0, result.output
        assert f"ties ({fmt}) -> {files[fmt]}" in result.output
    return files


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_reads_the_bodies_and_ties_sparql_counts(
    written: dict[str, Path], fmt: str
) -> None:
    graph = READERS[fmt](written[fmt])
    assert {iri: graph.nodes[iri]["label"] for iri in graph} == dict(answer(BODIES))
    ties = {(a, b): int(n) for a, b, n in answer(TIES)}
    assert {tuple(sorted(e)): int(w) for *e, w in graph.edges(data="weight")} == ties
    for a, b, n in answer(JOINT_LEADS):
        assert graph.edges[a, b]["lead_lead"] == int(n)
    for _, _, tie in graph.edges(data=True):
        roles = ("lead_lead", "lead_cooperating", "cooperating_cooperating")
        assert sum(tie[r] for r in roles) == int(tie["weight"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_tie_read_in_the_source_carries_its_document_and_year(
    written: dict[str, Path], fmt: str
) -> None:
    graph = READERS[fmt](written[fmt])
    for (a, b), document in READ.items():
        tie = graph.edges[a, b]
        assert document in tie["documents"].split("; ")
        assert "2017" in tie["years"].split("; ")  # issued 2017年8月8日, as the source says
        assert tie["lead_lead"] >= 1


def test_bodies_carry_their_government_and_its_place(written: dict[str, Path]) -> None:
    graph = nx.read_graphml(written["graphml"])
    industry = graph.nodes[ORG + "guangzhou-industry-it"]
    assert industry["kind"] == "MunicipalDepartment"
    assert industry["government_iri"] == ORG + "guangzhou-government"
    assert industry["level"] == "municipal"
    codes = [code for (code,) in answer(GOVERNMENT)]
    assert industry.get("place_code") == (codes[0] if codes else None)
    assert max(industry["lead"], industry["cooperating"]) <= industry["tasks"]
    assert industry["tasks"] <= industry["lead"] + industry["cooperating"]
    ndrc = graph.nodes[ORG + "ndrc"]
    assert (ndrc["government_iri"], ndrc["level"]) == (ORG + "state-council", "central")


def test_the_csv_edge_list_has_the_ties_of_the_graph_files(written: dict[str, Path]) -> None:
    rows = list(csv.DictReader(io.StringIO(written["csv"].read_text(encoding="utf-8"))))
    graph = nx.read_gexf(written["gexf"])
    assert {(r["source"], r["target"]): int(r["weight"]) for r in rows} == {
        tuple(sorted(e)): int(w) for *e, w in graph.edges(data="weight")
    }
    first = rows[0]
    assert first["source_label"] == graph.nodes[first["source"]]["label"]


def test_the_format_comes_from_the_option_or_the_suffix_and_a_wrong_one_is_refused(
    tmp_path: Path,
) -> None:
    out = tmp_path / "network.txt"
    result = CliRunner().invoke(app, ["network", "-o", str(out), "--format", "gexf",
                                      "--data", str(TRIPLES)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(out).number_of_nodes() == len(answer(BODIES))
    printed = CliRunner().invoke(app, ["network", "--data", str(TRIPLES)])
    assert nx.read_graphml(io.BytesIO(printed.stdout_bytes)).number_of_nodes() == len(
        answer(BODIES)
    )
    refused = CliRunner().invoke(app, ["network", "--format", "pajek", "--data", str(TRIPLES)])
    assert refused.exit_code == 2 and "no format 'pajek'" in refused.output
