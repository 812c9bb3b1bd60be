"""Reasoning: each defined class and property axiom has a case that must be inferred and one
that must not, on both routes; the routes agree on the real corpus; clashes are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from kg.graph.iris import BASE, POL
from kg.paths import INFERRED, ONTOLOGY, TRIPLES
from kg.reasoning.inferences import Inconsistent
from kg.reasoning.output import input_digest, trig
from kg.reasoning.reason import Engine, load, reason

ONTOLOGY_GRAPH = load([ONTOLOGY])
PREFIXES = f"""
@prefix pol: <{POL}> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <{BASE}test/> .
"""
BODIES = """
:finance a pol:MunicipalDepartment ; skos:prefLabel "广州市财政局"@zh .
:industry a pol:MunicipalDepartment ; skos:prefLabel "广州市工业和信息化局"@zh .
:tianhe a pol:DistrictGovernment ; org:memberOf :districts .
:districts a pol:CollectiveAssignee .
:some-districts a pol:CollectiveAssignee ; pol:drawnFrom :districts .
:departments a pol:CollectiveAssignee .
:miit a pol:NationalAgency .
:industry pol:nationalCounterpart :miit .
:doc a pol:PolicyDocument .
:other a pol:PolicyDocument .
"""


def infer(turtle: str, engine: Engine) -> set[tuple[URIRef, URIRef, URIRef]]:
    data = Graph().parse(data=PREFIXES + BODIES + turtle, format="turtle")
    return set(reason(data, ONTOLOGY_GRAPH, engine).triples)


def t(name: str) -> URIRef:
    return URIRef(f"{BASE}test/{name}")


def task(name: str, *roles: str, document: str = "doc") -> str:
    """A task of a document with its lead (L:body) and cooperating (C:body) departments."""
    lines = [f":{name} a pol:Task ; dcterms:isPartOf :{document} ."]
    for role in roles:
        kind, body = role.split(":")
        prop = "leadDepartment" if kind == "L" else "cooperatingDepartment"
        lines.append(f":{name} pol:{prop} :{body} .")
    return "\n".join(lines)


CASES = {
    "jointly led": (
        task("t", "L:finance", "L:industry"),
        task("t", "L:finance", "C:industry"),
        (t("t"), RDF.type, POL.JointlyLedTask),
    ),
    "district task (a district government)": (
        task("t", "L:finance", "C:tianhe"),
        task("t", "L:finance", "C:departments"),
        (t("t"), RDF.type, POL.DistrictTask),
    ),
    "district task (a collective drawn from the districts)": (
        task("t", "L:some-districts"),
        task("t", "L:departments"),
        (t("t"), RDF.type, POL.DistrictTask),
    ),
    "funded task": (
        task("t", "L:finance")
        + "\n:t pol:hasInstrument :fund . :fund a pol:IndustryFund ; schema:amount :sum ."
        + "\n:sum a schema:MonetaryAmount .",
        task("t", "L:finance") + "\n:t pol:hasInstrument :relief . :relief a pol:TaxIncentive .",
        (t("t"), RDF.type, POL.FundedTask),
    ),
    "both roles in one document": (
        task("a", "L:industry") + "\n" + task("b", "C:industry"),
        task("a", "L:industry") + "\n" + task("b", "C:industry", document="other"),
        (t("industry"), RDF.type, POL.DualRoleOrganization),
    ),
    "the national ministry above the lead": (
        task("t", "L:industry"),
        task("t", "L:finance", "C:industry"),
        (t("t"), POL.leadNationalCounterpart, t("miit")),
    ),
    "leads, the inverse of the lead department": (
        task("t", "L:industry"),
        task("t", "C:industry"),
        (t("industry"), POL.leads, t("t")),
    ),
    "lead and cooperating as kinds of responsibility": (
        task("t", "C:industry"),
        task("t"),
        (t("t"), POL.responsibleOrganization, t("industry")),
    ),
}


@pytest.mark.parametrize("engine", list(Engine))
@pytest.mark.parametrize("case", list(CASES))
def test_inferred_where_it_holds_and_not_elsewhere(case: str, engine: Engine) -> None:
    holds, fails, triple = CASES[case]
    assert triple in infer(holds, engine)
    assert triple not in infer(fails, engine)


@pytest.mark.parametrize("engine", list(Engine))
def test_a_stated_type_is_not_inferred_again(engine: Engine) -> None:
    found = infer(task("t", "L:finance", "L:industry") + "\n:t a pol:JointlyLedTask .", engine)
    assert (t("t"), RDF.type, POL.JointlyLedTask) not in found


CLASHES = {
    "disjoint kinds": (
        ":finance a pol:NationalAgency .",
        "广州市财政局 <https://w3id.org/policykg/test/finance> is both pol:MunicipalDepartment "
        "and pol:NationalAgency, which the ontology declares disjoint",
    ),
    "two numbers for one task": (
        task("t", "L:finance") + "\n:t pol:taskNumber 3, 4 .",
        "<https://w3id.org/policykg/test/t> has pol:taskNumber 3, 4, "
        "but the ontology allows it one value",
    ),
    "a task taken for an organization": (
        task("t", "L:finance") + "\n:x pol:leadDepartment :t .",
        "<https://w3id.org/policykg/test/t> is both org:Organization and pol:Task",
    ),
}


@pytest.mark.parametrize("engine", list(Engine))
@pytest.mark.parametrize("case", list(CLASHES))
def test_an_inconsistent_change_is_caught_and_named(case: str, engine: Engine) -> None:
    turtle, words = CLASHES[case]
    with pytest.raises(Inconsistent) as caught:
        infer(turtle, engine)
    assert any(problem.startswith(words) for problem in caught.value.problems), caught.value


def test_the_routes_agree_on_the_corpus() -> None:
    data = load([TRIPLES])
    hermit = reason(data, ONTOLOGY_GRAPH, Engine.hermit)
    rules = reason(data, ONTOLOGY_GRAPH, Engine.rules)
    assert hermit.triples == rules.triples
    kinds = {o for _, p, o in hermit.triples if p == RDF.type}
    assert {POL.JointlyLedTask, POL.DistrictTask, POL.FundedTask} <= kinds


def test_the_committed_inferred_graph_is_what_reason_writes() -> None:
    inferences = reason(load([TRIPLES]), ONTOLOGY_GRAPH, Engine.hermit)
    assert INFERRED.read_bytes() == trig(inferences, input_digest([TRIPLES, ONTOLOGY]))


def test_the_inferred_file_is_one_named_graph(tmp_path: Path) -> None:
    from rdflib import Dataset

    dataset = Dataset().parse(INFERRED, format="trig")
    names = {str(context.identifier) for context in dataset.contexts() if len(context)}
    assert names == {BASE + "graph/inferred"}
