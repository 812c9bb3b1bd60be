"""Documents of every form build into one graph; names resolve by date; unknown names are listed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph

from kg import build as pipeline
from kg.errors import SourceError
from kg.registry.organizations import UnresolvedNames
from kg.store.query import run
from kg.validation.runner import validate
from kg.validation.shacl.terms import store_from_graph

FIXTURES = Path(__file__).parent.parent / "fixtures"
FORMS = Path(__file__).parent.parent / "sources" / "fixtures"
SOURCES = sorted(FORMS.iterdir())


def inputs(
    sources: list[Path], keep_unresolved: bool = False, curated_only: bool = True
) -> pipeline.Inputs:
    return pipeline.Inputs(
        sources,
        registry=FIXTURES / "registry.csv",
        documents=FIXTURES / "documents.csv",
        changes=FIXTURES / "changes.csv",
        counterparts=FIXTURES / "counterparts.csv",
        cited=FIXTURES / "cited-documents.csv",
        citations=FIXTURES / "citations.csv",
        places=FIXTURES / "places.csv",
        keep_unresolved=keep_unresolved,
        curated_only=curated_only,
    )


@pytest.fixture(scope="module")
def graph() -> Graph:
    return pipeline.graph_from(inputs(SOURCES))


def select(graph: Graph, query: str) -> list[tuple[str | None, ...]]:
    rows = run(store_from_graph(graph), query)
    return [tuple(None if value is None else value.value for value in row) for row in rows]


def test_one_name_two_bodies_by_the_documents_date(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?title ?org WHERE {
             ?task dcterms:isPartOf ?doc ; pol:assignment ?a .
             ?a pol:writtenAs "市科技局"@zh ; prov:hadRole pol:LeadResponsibility ; prov:agent ?o .
             ?doc dcterms:title ?title . ?o skos:prefLabel ?org FILTER(lang(?org) = "zh")
           } ORDER BY ?title""",
    )
    assert rows == [
        ("示例市2015年重点工作任务分工表", "示例市科学技术局"),
        ("示例市人民政府关于加快测试产业发展的意见", "示例市科技和信息化局"),
        ("示例市关于测试的实施方案", "示例市科学技术局"),
        ("示例市加快测试产业发展工作方案", "示例市科学技术局"),
    ]


def test_one_query_follows_a_body_through_its_successors(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?number ?title WHERE {
             ?org (org:changedBy/org:resultingOrganization)*
                 <https://w3id.org/policykg/org/sci-bureau> .
             ?task pol:leadDepartment ?org ; pol:taskNumber ?number ;
                 dcterms:isPartOf/dcterms:title ?title .
           } ORDER BY ?title ?number""",
    )
    assert ("3", "示例市人民政府关于加快测试产业发展的意见") in rows
    assert len(rows) == 4


def test_documents_without_a_catalogue_entry_take_what_their_text_prints(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?title ?issued ?number ?form WHERE {
             ?doc a pol:PolicyDocument ; dcterms:title ?title ; dcterms:issued ?issued .
             OPTIONAL { ?doc dcterms:identifier ?number }
             ?task dcterms:isPartOf ?doc ; prov:wasDerivedFrom/pol:form ?form .
           } GROUP BY ?title ?issued ?number ?form ORDER BY ?issued""",
    )
    assert rows[0] == (
        "示例市人民政府关于加快测试产业发展的意见",
        "2012-03-05",
        "示府〔2012〕5号",
        "inline",
    )
    assert [row[3] for row in rows] == ["inline", "table", "inline", "list"]


def test_a_missing_catalogue_entry_is_a_warning() -> None:
    warnings: list[str] = []
    pipeline.graph_from(inputs(SOURCES[:1]), warnings.append)
    assert len(warnings) == 1 and "no entry in" in warnings[0]


def unknown_names(tmp_path: Path) -> Path:
    path = tmp_path / "unknown.txt"
    path.write_text(
        "示例意见\n一、任务\n1.甲。（牵头单位：市未知局，配合单位：市乙局、市无名办）\n"
        "2.乙。（市甲局牵头，市未知局配合）\n",
        encoding="utf-8",
    )
    return path


def test_every_unknown_name_of_a_file_is_listed_at_once(tmp_path: Path) -> None:
    with pytest.raises(UnresolvedNames) as caught:
        pipeline.graph_from(inputs([unknown_names(tmp_path)]))
    message = str(caught.value)
    assert "3 name(s)" in message
    assert ":3 [cell 牵头单位] '市未知局'" in message
    assert ":3 [cell 配合单位] '市无名办'" in message
    assert ":4 [cell 配合] '市未知局'" in message
    assert isinstance(caught.value, SourceError)


def test_keep_unresolved_builds_and_validation_warns(tmp_path: Path) -> None:
    graph = pipeline.graph_from(inputs([unknown_names(tmp_path)], keep_unresolved=True))
    rows = select(
        graph,
        "SELECT ?name WHERE { ?o a pol:UnresolvedAssignee ; skos:prefLabel ?name } ORDER BY ?name",
    )
    assert rows == [("市无名办",), ("市未知局",)]
    report = validate(graph)
    warnings = {r.shape.value.split("#")[1] for r in report.results}
    assert "UnresolvedAssignee" in warnings
    assert report.conforms


def catalogued(tmp_path: Path, unresolved: str) -> Path:
    """A catalogue with one entry, for unknown.txt, listing names it keeps as written."""
    path = tmp_path / "documents.csv"
    header = FIXTURES.joinpath("documents.csv").read_text(encoding="utf-8").splitlines()[0]
    path.write_text(
        f"{header}\nunknown.txt,unknown,示例意见,,,,,,,,{unresolved},\n", encoding="utf-8"
    )
    return path


def test_names_the_catalogue_lists_as_unresolved_stay_as_written(tmp_path: Path) -> None:
    source = unknown_names(tmp_path)
    listed = replace(inputs([source]), documents=catalogued(tmp_path, "市未知局|市无名办"))
    rows = select(
        pipeline.graph_from(listed),
        "SELECT ?name WHERE { ?o a pol:UnresolvedAssignee ; skos:prefLabel ?name } ORDER BY ?name",
    )
    assert rows == [("市无名办",), ("市未知局",)]


def test_a_name_the_catalogue_does_not_list_still_stops_the_build(tmp_path: Path) -> None:
    source = unknown_names(tmp_path)
    listed = replace(inputs([source]), documents=catalogued(tmp_path, "市未知局"))
    with pytest.raises(UnresolvedNames) as caught:
        pipeline.graph_from(listed)
    assert "1 name(s)" in str(caught.value) and "'市无名办'" in str(caught.value)


def test_where_a_file_lost_its_line_breaks_assignments_give_character_offsets(
    tmp_path: Path,
) -> None:
    page = (FORMS / "inline-2012.html").read_text(encoding="utf-8").replace("\n", "")
    one_line = tmp_path / "inline-2012.html"
    one_line.write_text(page, encoding="utf-8")
    query = """SELECT ?written ?first ?last WHERE {
        ?a pol:writtenAs ?written ; pol:firstOffset ?first ; pol:lastOffset ?last }"""
    rows = select(pipeline.graph_from(inputs([one_line])), query)
    assert rows
    assert all(page[int(first) : int(last) + 1] == written for written, first, last in rows)
    assert select(pipeline.graph_from(inputs([FORMS / "inline-2012.html"])), query) == []
