"""A second table in the same layout, with other contents, goes through the same extractor."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from kg import build as pipeline
from kg.sources.read import read_source
from kg.sources.records import SourceDocument

FIXTURES = Path(__file__).parent.parent / "fixtures"

SOURCE = FIXTURES / "synthetic-table.txt"
REGISTRY = FIXTURES / "registry.csv"


@pytest.fixture(scope="module")
def synthetic() -> SourceDocument:
    return read_source(SOURCE)


def themes_by_row(table: SourceDocument) -> dict[int, str]:
    labels = {theme.number: theme.label for theme in table.themes}
    return {task.number: labels[task.theme] for task in table.tasks}


def test_rows_and_merged_cells(synthetic: SourceDocument) -> None:
    assert themes_by_row(synthetic) == {
        1: "加强规划引导，推动产业集聚",
        2: "加强规划引导，推动产业集聚",
        3: "加强规划引导，推动产业集聚",
        4: "人才支撑体系",
        5: "资金保障",
        6: "资金保障",
        7: "资金保障",
    }
    assert synthetic.document_title == "示例市关于推进测试产业发展的若干措施"
    assert synthetic.imprint.date.isoformat() == "2024-03-05"


def test_cells_split_by_the_page_break(synthetic: SourceDocument) -> None:
    task = synthetic.tasks[2]
    assert task.text == "建立联席会议制度"
    assert [m.meant for m in task.leads] == ["市丙局"]
    assert [m.meant for m in task.cooperators] == ["市甲局", "市乙局"]


def test_text_spaces_remark_and_collectives(synthetic: SourceDocument) -> None:
    first, second = synthetic.tasks[0], synthetic.tasks[1]
    assert first.text == "编制测试产业发展规划"
    assert [m.meant for m in first.leads] == ["市甲局"]
    assert [m.meant for m in first.cooperators] == ["市乙局", "市丙局"]
    assert second.remark == "2025年底前完成"
    assert [m.meant for m in second.cooperators] == ["市甲局", "各区政府"]
    assert synthetic.tasks[3].text is None


def test_instruments_are_parsed_from_the_text(synthetic: SourceDocument) -> None:
    (line,) = synthetic.tasks[4].instruments
    assert (line.kind, line.amount, line.period) == (
        "RecurrentFundingLine",
        Decimal(50000000),
        "P2Y",
    )
    assert line.earmarks == ("甲专题", "乙专题")
    (fund,) = synthetic.tasks[5].instruments
    assert (fund.kind, fund.label) == ("IndustryFund", "示例产业基金")
    assert (fund.amount, fund.matching_ratio) == (Decimal(2000000000), Decimal("0.3"))
    assert [i.kind for i in synthetic.tasks[6].instruments] == ["TaxIncentive"]


def test_the_whole_pipeline_builds_a_graph_for_it(tmp_path: Path) -> None:
    output = tmp_path / "synthetic.ttl"
    inputs = pipeline.Inputs(
        [SOURCE],
        registry=REGISTRY,
        documents=FIXTURES / "documents.csv",
        changes=FIXTURES / "changes.csv",
        counterparts=FIXTURES / "counterparts.csv",
        cited=FIXTURES / "cited-documents.csv",
        citations=FIXTURES / "citations.csv",
        places=FIXTURES / "places.csv",
    )
    pipeline.build(inputs, output, context=None)
    graph = Graph().parse(output)
    rows = graph.query(
        """SELECT ?n ?lead WHERE {
             ?t pol:taskNumber ?n ; pol:leadDepartment/skos:prefLabel ?lead .
             FILTER(lang(?lead) = "zh")
           } ORDER BY ?n""",
        initNs={
            "pol": "https://w3id.org/policykg/ontology#",
            "skos": "http://www.w3.org/2004/02/skos/core#",
        },
    )
    assert [(int(n), str(lead)) for n, lead in rows] == [
        (1, "示例市甲局"), (2, "示例市乙局"), (3, "示例市丙局"), (4, "示例市甲局"),
        (5, "示例市甲局"), (6, "示例市乙局"), (7, "示例市税务局"),
    ]  # fmt: skip
    matching = graph.query(
        """SELECT ?v WHERE { ?f pol:matchingAmount/schema:value ?v }""",
        initNs={"pol": "https://w3id.org/policykg/ontology#", "schema": "https://schema.org/"},
    )
    assert [Decimal(str(v)) for (v,) in matching] == [Decimal(600000000)]


def test_a_row_number_printed_with_its_point_is_a_number(tmp_path: Path) -> None:
    """12. or 12、 in the 序号 column (as some tables, and OCR of some scans, print it)."""
    text = SOURCE.read_text(encoding="utf-8").splitlines()
    numbered = [
        f"{line.split(chr(9), 1)[0]}{point}\t{line.split(chr(9), 1)[1]}"
        if line.split("\t", 1)[0].isdigit()
        else line
        for line, point in zip(text, [".", "、"] * len(text), strict=False)
    ]
    path = tmp_path / "points.txt"
    path.write_text("\n".join(numbered) + "\n", encoding="utf-8")
    assert themes_by_row(read_source(path)) == themes_by_row(read_source(SOURCE))
