"""No assignment of the corpus or the held-out set names a body of a government outside those its
document's jurisdiction and the name itself allow: the document's place or one above it, or the
place the name carries (广东省财政厅, 越秀区)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from kg.build import Inputs, graph_from
from kg.graph.iris import ORG, POL, PROV
from kg.places.divisions import SUFFIXES
from kg.sources.text import to_simplified

HELDOUT = Path(__file__).parent / "heldout"


def place_of(graph: Graph, body: Node) -> Node | None:
    """A body's division: its own, else that of the body it belongs to."""
    seen = set()
    while body is not None and body not in seen:
        seen.add(body)
        if (place := graph.value(body, DCTERMS.spatial)) is not None:
            return place
        body = graph.value(body, ORG.subOrganizationOf) or graph.value(body, ORG.memberOf)
    return None


def above(graph: Graph, place: Node) -> set[Node]:
    """A division and those above it."""
    found = set()
    while place is not None and place not in found:
        found.add(place)
        place = graph.value(place, DCTERMS.isPartOf)
    return found


def carried(graph: Graph, place: Node, written: str) -> bool:
    """Whether a name writes a division's name (广州市, or 广州; in either script)."""
    name = str(graph.value(place, SKOS.prefLabel))
    stems = {name} | {name.removesuffix(s) for s in SUFFIXES if name.endswith(s)}
    return any(len(stem) >= 2 and stem in to_simplified(written) for stem in stems)


def outside(graph: Graph) -> list[tuple[str, str, str]]:
    """(document, name as written, body) for every assignment outside its bounds."""
    found = []
    for document in graph.subjects(RDF.type, POL.PolicyDocument):
        allowed = {
            p for place in graph.objects(document, DCTERMS.spatial) for p in above(graph, place)
        }
        for task in graph.subjects(DCTERMS.isPartOf, document):
            for node in graph.objects(task, POL.assignment):
                agent = graph.value(node, PROV.agent)
                written = str(graph.value(node, POL.writtenAs))
                if (agent, RDF.type, POL.UnresolvedAssignee) in graph:
                    continue
                place = place_of(graph, agent)
                national = place is not None and str(graph.value(place, SKOS.notation)) == "CN"
                if place is None or not (
                    national or place in allowed or carried(graph, place, written)
                ):
                    found.append((str(document), written, str(graph.value(agent, SKOS.prefLabel))))
    return found


def test_no_corpus_assignment_names_a_body_outside_its_bounds(graph: Graph) -> None:
    assert outside(graph) == []


@pytest.mark.parametrize("catalogue", [None, HELDOUT / "catalogue.csv"], ids=["text", "catalogue"])
def test_no_held_out_assignment_names_a_body_outside_its_bounds(catalogue: Path | None) -> None:
    documents = {"documents": catalogue} if catalogue else {}
    sources = sorted(HELDOUT.glob("*.txt"))
    built = graph_from(Inputs(sources, strict=False, **documents))  # type: ignore[arg-type]
    assert outside(built) == []
    assert any(built.subjects(POL.identifiedBy, POL.standardNameRule))  # the check has work


def test_the_check_sees_a_body_of_another_government(graph: Graph) -> None:
    moved = Graph()
    moved += graph
    dongguan = URIRef("https://w3id.org/policykg/place/441900")
    for document in list(moved.subjects(RDF.type, POL.PolicyDocument)):
        moved.set((document, DCTERMS.spatial, dongguan))
    assert outside(moved)
