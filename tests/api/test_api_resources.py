"""Every IRI the graph minted dereferences: HTML with labels, links and the source line, or RDF."""

from __future__ import annotations

import httpx
import pytest
from live import ROOT, Server, start
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.build import TRIPLES
from kg.graph.iris import BASE
from kg.paths import INFERRED

GRAPH = Graph().parse(TRIPLES)
INFERRED_TRIPLES = Dataset().parse(INFERRED, format="trig")
POL = "https://w3id.org/policykg/ontology#"
MINTED = sorted(
    {s for s in GRAPH.subjects() if isinstance(s, URIRef) and str(s).startswith(BASE)}, key=str
)


def local(iri: URIRef) -> str:
    return str(iri)[len(BASE) :]


def test_every_minted_subject_has_a_page(readonly: Server) -> None:
    with httpx.Client(base_url=readonly.url) as client:
        for iri in MINTED:
            assert client.get(local(iri), headers={"Accept": "text/html"}).status_code == 200, iri


def test_task_page_shows_labels_links_and_source_line(readonly: Server) -> None:
    task = URIRef(BASE + "doc/sui-fu-ban-gui-2020-25/task/1")
    page = httpx.get(readonly.url + local(task), headers={"Accept": "text/html"}).text
    lead = GRAPH.value(task, URIRef(POL + "leadDepartment"))
    label = next(o for o in GRAPH.objects(lead, SKOS.prefLabel) if o.language == "zh")
    assert f'href="{readonly.url}{local(lead)}"' in page
    assert str(label) in page
    line = int(GRAPH.value(task, URIRef(POL + "firstLine")))
    source = (ROOT / "data" / "sources" / "guangzhou-auto-2020-task-division.txt").read_text(
        encoding="utf-8"
    )
    text = source.splitlines()[line - 1]
    assert f'<th class="n">{line}</th>' in page
    assert text.split("\t")[2] in page


@pytest.mark.parametrize(
    ("accept", "parser", "media"),
    [
        ("text/turtle", "turtle", "text/turtle"),
        ("application/ld+json", "json-ld", "application/ld+json"),
    ],
)
def test_rdf_by_content_negotiation(readonly: Server, accept: str, parser: str, media: str) -> None:
    org = URIRef(BASE + "org/guangzhou-industry-it")
    response = httpx.get(readonly.url + local(org), headers={"Accept": accept})
    assert response.headers["content-type"].startswith(media)
    assert "Accept" in response.headers["vary"]
    served = Graph().parse(data=response.text, format=parser)
    inferred = {(s, p, o) for s, p, o, _ in INFERRED_TRIPLES.quads((org, None, None, None))}
    assert inferred, "the body leads tasks, so the inferred graph says so (pol:leads)"
    assert set(served) == set(GRAPH.triples((org, None, None))) | inferred
    assert (org, SKOS.prefLabel, Literal("广州市工业和信息化局", lang="zh")) in served


def test_unknown_iri_is_404(readonly: Server) -> None:
    response = httpx.get(readonly.url + "doc/no-such-document", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "no-such-document" in response.text


def test_configurable_base(tmp_path) -> None:
    server = start(
        ["--base-iri", "https://policy.example.org/kg", "--workers", "1"], tmp_path / "log"
    )
    try:
        task = "doc/sui-fu-ban-gui-2020-25/task/1"
        page = httpx.get(server.url + task, headers={"Accept": "text/html"}).text
        assert 'href="https://policy.example.org/kg/doc/sui-fu-ban-gui-2020-25"' in page
        description = httpx.get(server.sparql, headers={"Accept": "text/turtle"}).text
        assert "<https://policy.example.org/kg/sparql>" in description
    finally:
        server.stop()
