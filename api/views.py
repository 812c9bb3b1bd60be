"""Jobs for the graph's own IRIs: a resource as RDF (Describe) or as what its page shows (Look).

Like every job they run inside a query worker process (api.jobs, api.worker).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store
from rdflib.namespace import DCTERMS, RDFS, SKOS

from api.jobs import Answer, JobError, by_name, graph_answer
from api.negotiation import GRAPH_FORMATS
from kg.graph.iris import POL, PROV

# The properties a page takes a resource's name from, best first.
LABELS = tuple(str(p) for p in (SKOS.prefLabel, DCTERMS.title, RDFS.label, DCTERMS.description))
FIRST_LINE, LAST_LINE = str(POL.firstLine), str(POL.lastLine)
DERIVED_FROM = str(PROV.wasDerivedFrom)


@dataclass(frozen=True, order=True)
class Cell:
    """A term as a page shows it: its text, whether it is an IRI, and its label if it has one."""

    value: str
    is_iri: bool
    label: str | None = None
    language: str | None = None
    datatype: str | None = None
    described: bool = False


@dataclass(frozen=True)
class View:
    """What an HTML page about one resource shows."""

    iri: str
    labels: tuple[Cell, ...]
    outgoing: tuple[tuple[Cell, Cell], ...]
    incoming: tuple[tuple[Cell, Cell], ...]
    source: Cell | None = None
    lines: tuple[tuple[int, str], ...] = field(default=())


def subjects_of(store: Store, iri: str) -> list[Quad]:
    return list(store.quads_for_pattern(NamedNode(iri), None, None, None))


@dataclass(frozen=True)
class Describe:
    """A resource's own triples (and those of the blank nodes it points to), in an RDF format."""

    iri: str
    graph_format: str
    max_bytes: int
    prefixes: dict[str, str]

    def run(self, store: Store) -> Answer:
        quads = subjects_of(store, self.iri)
        if not quads and not any(store.quads_for_pattern(None, None, NamedNode(self.iri), None)):
            raise JobError(404, f"nothing in this graph is called <{self.iri}>")
        triples = {q.triple for q in quads}
        for quad in quads:
            if isinstance(quad.object, BlankNode):
                triples.update(q.triple for q in store.quads_for_pattern(quad.object, None, None))
        fmt = by_name(GRAPH_FORMATS, self.graph_format) or GRAPH_FORMATS[0]
        ordered = sorted(triples, key=str)
        return graph_answer(ordered, fmt, self.max_bytes, self.prefixes)


@dataclass(frozen=True)
class Look:
    """Everything an HTML page about one resource needs, with the source lines it came from."""

    iri: str
    sources: Path | None

    def run(self, store: Store) -> View:
        outgoing = subjects_of(store, self.iri)
        incoming = list(store.quads_for_pattern(None, None, NamedNode(self.iri), None))
        if not outgoing and not incoming:
            raise JobError(404, f"nothing in this graph is called <{self.iri}>")
        cell = Cells(store)
        view = View(
            iri=self.iri,
            labels=tuple(cell(q.object) for q in outgoing if q.predicate.value in LABELS),
            outgoing=tuple(sorted((cell(q.predicate), cell(q.object)) for q in outgoing)),
            incoming=tuple(sorted((cell(q.subject), cell(q.predicate)) for q in incoming)),
        )
        return self.with_source(view, outgoing, cell)

    def with_source(self, view: View, quads: list[Quad], cell: Cells) -> View:
        values = {q.predicate.value: q.object for q in quads}
        source = values.get(DERIVED_FROM)
        first, last = values.get(FIRST_LINE), values.get(LAST_LINE)
        if not isinstance(source, NamedNode) or first is None:
            return view
        lines: tuple[tuple[int, str], ...] = ()
        start, end = int(first.value), int((last or first).value)
        if self.sources is not None:
            path = self.sources / source.value.rsplit("/", 1)[-1]
            if path.is_file():
                text = path.read_text(encoding="utf-8").splitlines()
                lines = tuple((n, text[n - 1]) for n in range(start, end + 1) if 0 < n <= len(text))
        return View(view.iri, view.labels, view.outgoing, view.incoming, cell(source), lines)


class Cells:
    """Turns terms into cells, labelling IRIs from the store (one lookup per IRI)."""

    def __init__(self, store: Store):
        self.store = store
        self.known: dict[str, Cell] = {}

    def __call__(self, node: object) -> Cell:
        if isinstance(node, Literal):
            return Cell(node.value, False, None, node.language, node.datatype.value)
        if isinstance(node, BlankNode):
            return Cell(f"_:{node.value}", False)
        if isinstance(node, NamedNode):
            if node.value not in self.known:
                self.known[node.value] = self.labelled(node)
            return self.known[node.value]
        return Cell(str(node), False)

    def labelled(self, node: NamedNode) -> Cell:
        labels = []
        for quad in self.store.quads_for_pattern(node, None, None, None):
            if quad.predicate.value in LABELS and isinstance(quad.object, Literal):
                rank = (LABELS.index(quad.predicate.value), quad.object.language != "zh")
                labels.append((rank, quad.object.value))
        described = bool(labels) or any(self.store.quads_for_pattern(node, None, None, None))
        return Cell(node.value, True, min(labels)[1] if labels else None, described=described)
