"""SPARQLWrapper against the live endpoint, in every result format, checked against a local run."""

from __future__ import annotations

import csv
import io
import json
from xml.dom.minidom import Document

import pytest
from live import Server
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.build import TRIPLES
from kg.store.query import query_files
from kg.store.results import OutputFormat, render

SELECT = """PREFIX pol: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?number ?lead WHERE {
  ?task pol:taskNumber ?number ; pol:leadDepartment/skos:prefLabel ?lead .
  FILTER(lang(?lead) = "zh")
} ORDER BY ?number ?lead"""
ASK = "PREFIX pol: <https://w3id.org/policykg/ontology#> ASK { ?t a pol:Task }"
CONSTRUCT = """PREFIX pol: <https://w3id.org/policykg/ontology#>
CONSTRUCT { ?task pol:leadDepartment ?org } WHERE { ?task pol:leadDepartment ?org }"""


def local_rows() -> list[tuple[str, str]]:
    result = json.loads(render(query_files([TRIPLES], SELECT), OutputFormat.json))
    return [(b["number"]["value"], b["lead"]["value"]) for b in result["results"]["bindings"]]


def wrapper(server: Server, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_select_json(readonly: Server) -> None:
    result = wrapper(readonly, SELECT, JSON).query()
    assert result.info()["content-type"].startswith("application/sparql-results+json")
    bindings = result.convert()["results"]["bindings"]
    assert [(b["number"]["value"], b["lead"]["value"]) for b in bindings] == local_rows()


def test_select_xml(readonly: Server) -> None:
    result = wrapper(readonly, SELECT, XML).query()
    assert result.info()["content-type"].startswith("application/sparql-results+xml")
    document: Document = result.convert()
    rows = []
    for node in document.getElementsByTagName("result"):
        values = {
            b.getAttribute("name"): b.firstChild.firstChild.data
            for b in node.getElementsByTagName("binding")
        }
        rows.append((values["number"], values["lead"]))
    assert rows == local_rows()


@pytest.mark.parametrize(
    ("fmt", "media", "delimiter"),
    [(CSV, "text/csv", ","), (TSV, "text/tab-separated-values", "\t")],
)
def test_select_csv_tsv(readonly: Server, fmt: str, media: str, delimiter: str) -> None:
    result = wrapper(readonly, SELECT, fmt).query()
    assert result.info()["content-type"].startswith(media)
    text = result.convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if fmt == TSV:  # TSV writes RDF terms: "广州市…"@zh and plain integers
        body = [(n, lead.rsplit("@", 1)[0].strip('"')) for n, lead in rows[1:]]
    else:
        body = [tuple(row) for row in rows[1:]]
    assert rows[0] == (["number", "lead"] if fmt == CSV else ["?number", "?lead"])
    assert body == local_rows()


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(readonly: Server, fmt: str) -> None:
    result = wrapper(readonly, ASK, fmt).query().convert()
    value = (
        result["boolean"]
        if fmt == JSON
        else result.getElementsByTagName("boolean")[0].firstChild.data
    )
    assert value in (True, "true")


@pytest.mark.parametrize(
    ("fmt", "media", "parser"),
    [
        (TURTLE, "text/turtle", "turtle"),
        (N3, "text/turtle", "turtle"),
        (RDFXML, "application/rdf+xml", "xml"),
        (JSONLD, "application/ld+json", "json-ld"),
    ],
)
def test_construct(readonly: Server, fmt: str, media: str, parser: str) -> None:
    client = wrapper(readonly, CONSTRUCT, fmt)
    result = client.query()
    assert result.info()["content-type"].startswith(media)
    raw = result.response.read()
    served = Graph().parse(data=raw, format=parser)
    expected = Graph().parse(
        data=render(query_files([TRIPLES], CONSTRUCT), OutputFormat.turtle), format="turtle"
    )
    assert len(served) == len(expected) > 0
    assert set(served) == set(expected)


def test_ntriples_by_accept(readonly: Server) -> None:
    import httpx

    response = httpx.get(
        readonly.sparql, params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"}
    )
    assert response.headers["content-type"] == "application/n-triples; charset=utf-8"
    expected = Graph().parse(
        data=render(query_files([TRIPLES], CONSTRUCT), OutputFormat.turtle), format="turtle"
    )
    assert set(Graph().parse(data=response.text, format="nt")) == set(expected)


def test_post_form_and_direct_agree(readonly: Server) -> None:
    import httpx

    form = httpx.post(readonly.sparql, data={"query": SELECT}, headers={"Accept": "text/csv"})
    direct = httpx.post(
        readonly.sparql,
        content=SELECT.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    get = httpx.get(readonly.sparql, params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert form.status_code == direct.status_code == get.status_code == 200
    assert form.text == direct.text == get.text
    assert len(form.text.splitlines()) == len(local_rows()) + 1
