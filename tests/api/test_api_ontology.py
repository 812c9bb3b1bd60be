"""/ontology: the vocabulary's documentation, one anchor per term in Chinese and English, and the
ontology itself as RDF and as a named graph of the served dataset."""

from __future__ import annotations

import re

import httpx
from live import Server
from rdflib import OWL, RDF, Graph
from rdflib.compare import isomorphic

from api.ontology_rdf import RDFLIB_FORMATS
from kg.graph.iris import POL
from kg.paths import ONTOLOGY

GRAPH = Graph().parse(ONTOLOGY)


def test_every_term_has_its_entry_in_both_languages(readonly: Server) -> None:
    page = httpx.get(readonly.url + "ontology", headers={"Accept": "text/html"}).text
    declared = {
        str(s).removeprefix(str(POL))
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        for s in GRAPH.subjects(RDF.type, kind)
        if str(s).startswith(str(POL))
    }
    anchors = set(re.findall(r'<section class="term" id="([^"]+)">', page))
    assert anchors == declared
    task = page[page.index('id="JointlyLedTask"') :].split("</section>")[0]
    assert 'lang="zh">多部门牵头任务' in task and 'lang="en">jointly led task' in task
    assert "pol:Task ⊓ ≥2 pol:leadDepartment.org:Organization" in task


def test_the_ontology_as_rdf(readonly: Server) -> None:
    response = httpx.get(readonly.url + "ontology", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    assert isomorphic(Graph().parse(data=response.text, format="turtle"), GRAPH)


def test_the_ontology_is_a_named_graph_of_the_dataset(readonly: Server) -> None:
    query = "ASK { GRAPH <https://w3id.org/policykg/ontology> { ?task a ?class } }"
    task, cls = f"<{POL.Task}>", f"<{OWL.Class}>"
    query = query.replace("?task", task).replace("?class", cls)
    answer = httpx.get(readonly.sparql, params={"query": query}).json()
    assert answer["boolean"] is True


def test_a_resource_page_links_its_terms_to_their_entries(readonly: Server) -> None:
    page = httpx.get(
        readonly.url + "doc/sui-fu-ban-gui-2020-25/task/1", headers={"Accept": "text/html"}
    ).text
    assert f'href="{readonly.url}ontology#Task"' in page


def test_each_rdf_format_is_what_rdflib_makes_of_the_file_made_once(readonly: Server) -> None:
    """Turtle byte for byte (rdflib writes it alike every time); the others name the ontology's
    blank nodes anew on each parse, so the same bytes twice mean the file was parsed once."""
    turtle = httpx.get(readonly.url + "ontology", params={"format": "turtle"}).content
    assert turtle == GRAPH.serialize(format="turtle", encoding="utf-8")
    for name, rdflib_name in RDFLIB_FORMATS.items():
        first, second = (
            httpx.get(readonly.url + "ontology", params={"format": name}).content for _ in range(2)
        )
        assert isomorphic(Graph().parse(data=first, format=rdflib_name), GRAPH)
        assert second == first
