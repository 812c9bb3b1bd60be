"""kg.validation.runner from Python: rdflib graphs and stores, subclasses, the text."""

from __future__ import annotations

from pathlib import Path

import rdflib
from fixture_graphs import BASE, FIXTURES, fixture_store
from pyoxigraph import DefaultGraph, RdfFormat

from kg.validation.runner import validate


def test_rdflib_graph_and_store_give_the_same_report() -> None:
    store = fixture_store(FIXTURES / "violations" / "OfficialName.ru")
    graph = rdflib.Graph().parse(
        data=store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()), format="nt"
    )
    assert validate(graph).to_json() == validate(store).to_json()


def test_subclasses_come_from_the_ontology(tmp_path: Path) -> None:
    """Department B is only a pol:MunicipalDepartment: an org:Organization through the ontology."""
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    without = validate(fixture_store(), ontology=empty)
    assert "https://w3id.org/policykg/org/test-b" in {
        str(r.value.value) for r in without.results if r.value
    }
    assert validate(fixture_store()).results == ()


def test_text_report_groups_by_severity_then_task_with_counts() -> None:
    store = fixture_store(FIXTURES / "violations" / "LeadNotMunicipal.ru")
    store.update(
        "DELETE DATA { <https://w3id.org/policykg/doc/test-2024-1/task/4> "
        '<http://purl.org/dc/terms/description> "设立产业基金"@zh }'
    )
    text = validate(store).to_text(color=False).splitlines()
    assert text[0] == "Warning 警告 (1)"
    assert text[1].strip() == "任务4（测府办〔2024〕1号） · task 4 of 测府办〔2024〕1号"
    assert "Info 提示 (1)" in text
    assert text[-1] == "conforms 符合: 0 violations 违规, 1 warnings 警告, 1 infos 提示"


def test_colour_only_when_asked() -> None:
    report = validate(fixture_store(FIXTURES / "violations" / "LineOrder.ru"))
    assert "\x1b[31m" in report.to_text(color=True)
    assert "\x1b[" not in report.to_text(color=False)
    assert BASE.exists()
