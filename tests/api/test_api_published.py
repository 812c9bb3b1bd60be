"""/.well-known/void describes what is served and lists its dumps; each dump downloads and
holds its graph. httpx and rdflib against a live server."""

from __future__ import annotations

import gzip

import httpx
from live import Server
from rdflib import Dataset, Graph, Namespace, URIRef

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def description(server: Server, accept: str = "text/turtle") -> Graph:
    response = httpx.get(server.url + ".well-known/void", headers={"Accept": accept})
    assert response.status_code == 200, response.text
    return Graph().parse(data=response.text, format="json-ld" if "json" in accept else "turtle")


def test_the_description_names_the_endpoint_and_counts_the_data(readonly: Server) -> None:
    void = description(readonly)
    dataset = URIRef(readonly.url + "dataset")
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(readonly.sparql)
    counted = httpx.get(
        readonly.sparql,
        params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "infer": "false"},
    ).json()
    default = httpx.get(
        readonly.sparql, params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "infer": "false"}
    ).json()
    served = sum(int(r["results"]["bindings"][0]["n"]["value"]) for r in (counted, default))
    assert int(void.value(dataset, VOID.triples)) == served
    assert len(description(readonly, "application/ld+json")) == len(void)


def test_every_dump_listed_downloads_and_holds_its_graph(readonly: Server) -> None:
    void = description(readonly)
    urls = sorted(str(u) for u in void.objects(None, DCAT.downloadURL))
    assert any(u.endswith("/dumps/policykg.nq.gz") for u in urls)
    for url in [
        u for u in urls if u.endswith(("policykg.nq.gz", "registry.ttl.gz", "inferred.nt.gz"))
    ]:
        response = httpx.get(url)
        assert (
            response.status_code == 200 and response.headers["content-type"] == "application/gzip"
        )
        body = gzip.decompress(response.content)
        if url.endswith(".nq.gz"):
            assert len(Dataset().parse(data=body, format="nquads")) > 0
        else:
            assert len(Graph().parse(data=body, format="turtle" if ".ttl" in url else "nt")) > 0


def test_an_unknown_dump_is_404(readonly: Server) -> None:
    response = httpx.get(readonly.url + "dumps/nothing.ttl.gz")
    assert response.status_code == 404 and "well-known/void" in response.text
