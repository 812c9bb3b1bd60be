"""What each result is about, for people: the task (and its document), else the organization."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import NamedNode, QuerySolutions, Store

from kg.graph.iris import PREFIXES
from kg.validation.shacl.model import Term

TASK_OF = """
SELECT ?focus ?number ?document ?label WHERE {
    VALUES ?focus { %s }
    OPTIONAL {
        ?task (pol:assignment|pol:hasInstrument
                |(pol:hasInstrument/(schema:amount|pol:matchingAmount)))? ?focus ;
            a pol:Task ;
            pol:taskNumber ?number .
        OPTIONAL { ?task dcterms:isPartOf/dcterms:identifier ?document }
    }
    OPTIONAL {
        ?focus skos:prefLabel|dcterms:identifier ?label .
        FILTER (lang(?label) IN ("zh", ""))
    }
}"""


@dataclass(frozen=True, order=True)
class Subject:
    """A heading of the human report: tasks first, by document and number, then everything else."""

    key: tuple[int, str, int, str]
    zh: str
    en: str

    @classmethod
    def of(cls, node: Term) -> Subject:
        """A node known by nothing better than itself."""
        return cls((1, "", 0, str(node)), str(node), str(node))


def describe(store: Store, nodes: Iterable[Term]) -> dict[Term, Subject]:
    """A Subject for every node (IRIs looked up in the store; others named as they are)."""
    subjects = {node: Subject.of(node) for node in nodes}
    iris = [node for node in subjects if isinstance(node, NamedNode)]
    if not iris:
        return subjects
    found = store.query(
        TASK_OF % " ".join(map(str, iris)), prefixes=PREFIXES, use_default_graph_as_union=True
    )
    assert isinstance(found, QuerySolutions)
    for row in found:
        focus, number, document, label = (row[n] for n in ("focus", "number", "document", "label"))
        if number is not None and number.value.isdigit():
            doc = document.value if document is not None else ""
            subjects[focus] = Subject(
                (0, doc, int(number.value), ""),
                f"任务{number.value}（{doc}）" if doc else f"任务{number.value}",
                f"task {number.value} of {doc}" if doc else f"task {number.value}",
            )
        elif label is not None and subjects[focus].key[0] == 1:
            subjects[focus] = Subject((1, label.value, 0, focus.value), label.value, label.value)
    return subjects
