"""The corpus's names resolve to the body that bore them on each document's date."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg import PROJECT_ROOT

DOC = "https://w3id.org/policykg/doc/"
ORG = "https://w3id.org/policykg/org/"
QUERY = """PREFIX pol: <https://w3id.org/policykg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?body WHERE {
  ?task dcterms:isPartOf ?doc ; pol:assignment ?a . ?a pol:writtenAs ?written ; prov:agent ?body
}"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(PROJECT_ROOT / "data" / "triples.ttl")


@pytest.mark.parametrize(
    ("document", "written", "body"),
    [
        ("sui-zi-2012-20", "市金融办", "guangzhou-financial-work-office"),  # not the pre-2009
        ("sui-zi-2012-20", "市经贸委", "guangzhou-economy-trade-commission"),  # 2004 to 2015
        ("sui-zi-2012-20", "市科技和信息化局", "guangzhou-science-it-bureau"),  # 2009 to 2015
        ("sui-zi-2012-20", "市卫生局", "guangzhou-health-bureau"),  # merged in 2015
        ("sui-zi-2012-20", "市法院", "guangzhou-intermediate-court"),
        ("sui-zi-2012-20", "各区、县级市", "guangzhou-districts-and-cities"),  # one collective
        ("guo-ban-han-2014-31", "農業部", "moa"),  # before the 2018 农业农村部
        ("guo-ban-han-2014-31", "國土資源部", "mlr"),  # 1998 to 2018
    ],
)
def test_a_name_is_the_body_of_the_documents_day(
    graph: Graph, document: str, written: str, body: str
) -> None:
    bindings = {"doc": URIRef(DOC + document), "written": Literal(written, lang="zh")}
    assert [str(row[0]) for row in graph.query(QUERY, initBindings=bindings)] == [ORG + body]


def test_names_no_source_expands_stay_as_written(graph: Graph) -> None:
    query = """PREFIX pol: <https://w3id.org/policykg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?name WHERE { ?o a pol:UnresolvedAssignee ; skos:prefLabel ?name } ORDER BY ?name"""
    names = sorted(str(row[0]) for row in graph.query(query))
    assert names == ["市住房保障办", "市留交办", "市编办"]


def test_a_joint_document_has_each_of_its_publishers(graph: Graph) -> None:
    publishers = graph.objects(URIRef(DOC + "sui-zi-2012-20"), DCTERMS.publisher)
    assert sorted(str(org) for org in publishers) == [
        ORG + "guangzhou-government",
        ORG + "guangzhou-party-committee",
    ]
