"""Work done inside a query worker process: each job is a picklable value with a run method.

Reading jobs have run(store) -> answer; writing jobs have apply(store) -> answer and are checked
and committed by the worker (api.worker). Nothing here imports the web framework.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    QueryTriples,
    Store,
    Triple,
    serialize,
)

from api.errors import JobError
from api.negotiation import (
    GRAPH_FORMATS,
    RDF_READERS,
    RESULT_FORMATS,
    Format,
)
from api.reach import NO_SANDBOX, ReachPolicy
from kg.store.query import merged_dataset
from kg.store.results import GRAPH_WRITERS, RESULTS_WRITERS
from kg.store.sparql_text import has_from_clause


@dataclass(frozen=True)
class Answer:
    """A finished response body."""

    body: bytes
    media_type: str
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


class CappedBuffer:
    """A binary sink that refuses to grow past a size: serializing stops at the limit."""

    def __init__(self, limit: int):
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise JobError(
                413,
                f"the result is larger than this endpoint's limit of {self.limit} bytes; "
                "narrow the query or add a LIMIT",
            )
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Serializers flush; there is nothing to do."""

    def value(self) -> bytes:
        return b"".join(self.chunks)


def by_name(formats: Sequence[Format], name: str | None) -> Format | None:
    return next((f for f in formats if f.name == name), None)


def graph_answer(triples: Iterable[Triple], fmt: Format, limit: int, prefixes: dict) -> Answer:
    buffer = CappedBuffer(limit)
    serialize(triples, buffer, GRAPH_WRITERS[fmt.name], prefixes=prefixes or None)
    return Answer(buffer.value(), fmt.content_type)


def term(iri: str) -> NamedNode:
    try:
        return NamedNode(iri)
    except ValueError as error:
        raise JobError(400, f"not an absolute IRI: {iri!r}") from error


@dataclass(frozen=True)
class Query:
    """A SPARQL query, answered in the negotiated format for its kind of result."""

    text: str
    base_iri: str | None
    prefixes: dict[str, str]
    results_format: str | None
    graph_format: str | None
    max_bytes: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    # the named graphs under this prefix join the default graph, unless the query names its own
    merge: str | None = None
    reach: ReachPolicy = NO_SANDBOX

    def run(self, store: Store) -> Answer:
        reach = self.reach.check(self.text, self.prefixes, update=False)
        dataset: dict[str, object] = {}
        if self.default_graphs or self.named_graphs:
            dataset = {
                "default_graph": [term(g) for g in self.default_graphs],
                "named_graphs": [term(g) for g in self.named_graphs],
            }
        elif not (reach.own_dataset if reach else has_from_clause(self.text)):
            dataset = merged_dataset(store, self.merge)
        try:
            result = store.query(
                self.text, base_iri=self.base_iri, prefixes=self.prefixes, **dataset
            )
            if isinstance(result, QueryTriples):
                fmt = self.pick(GRAPH_FORMATS, self.graph_format, "an RDF graph")
                return graph_answer(result, fmt, self.max_bytes, {})
            fmt = self.pick(RESULT_FORMATS, self.results_format, "SPARQL results")
            buffer = CappedBuffer(self.max_bytes)
            result.serialize(buffer, RESULTS_WRITERS[fmt.name])
            return Answer(buffer.value(), fmt.content_type)
        except SyntaxError as error:
            raise JobError(400, f"SPARQL syntax error: {error.msg}") from error
        except (OSError, ValueError, RuntimeError) as error:
            failure = self.reach.engine_failure(self.text, reach, error)
            raise failure or JobError(500, f"the query could not be evaluated: {error}") from error

    @staticmethod
    def pick(formats: Sequence[Format], name: str | None, what: str) -> Format:
        fmt = by_name(formats, name)
        if fmt is None:
            offered = ", ".join(f.media_type for f in formats)
            raise JobError(
                406, f"this query gives {what}; the Accept header allows none of {offered}"
            )
        return fmt


@dataclass(frozen=True)
class Update:
    """A SPARQL update (its dataset clauses already in the text)."""

    text: str
    base_iri: str | None
    prefixes: dict[str, str]
    reach: ReachPolicy = NO_SANDBOX

    def apply(self, store: Store) -> Answer:
        reach = self.reach.check(self.text, self.prefixes, update=True)
        try:
            store.update(self.text, base_iri=self.base_iri, prefixes=self.prefixes)
        except SyntaxError as error:
            raise JobError(400, f"SPARQL syntax error: {error.msg}") from error
        except (OSError, ValueError, RuntimeError) as error:
            failure = self.reach.engine_failure(self.text, reach, error)
            raise failure or JobError(400, f"the update failed: {error}") from error
        return Answer(b"", "text/plain; charset=utf-8", 204)


def graph_name(graph: str | None) -> NamedNode | DefaultGraph:
    return DefaultGraph() if graph is None else term(graph)


def exists(store: Store, graph: str | None) -> bool:
    return graph is None or store.contains_named_graph(term(graph))


@dataclass(frozen=True)
class ReadGraph:
    """Graph Store Protocol GET/HEAD: one graph (None is the default graph)."""

    graph: str | None
    graph_format: str
    max_bytes: int

    def run(self, store: Store) -> Answer:
        if not exists(store, self.graph):
            raise JobError(404, f"no graph named <{self.graph}> in this store")
        quads = store.quads_for_pattern(None, None, None, graph_name(self.graph))
        triples = (q.triple for q in quads)
        fmt = by_name(GRAPH_FORMATS, self.graph_format) or GRAPH_FORMATS[0]
        return graph_answer(triples, fmt, self.max_bytes, {})


@dataclass(frozen=True)
class Payload:
    """RDF sent by a client: bytes and the format they are in."""

    data: bytes
    media_type: str


@dataclass(frozen=True)
class WriteGraph:
    """Graph Store Protocol PUT (replace), POST (merge) and DELETE of one graph."""

    method: str
    graph: str | None
    payloads: tuple[Payload, ...] = ()
    base_iri: str | None = None
    location: str | None = None

    def apply(self, store: Store) -> Answer:
        existed = exists(store, self.graph)
        target = graph_name(self.graph)
        if self.method == "DELETE":
            if not existed:
                raise JobError(404, f"no graph named <{self.graph}> in this store")
            self.empty(store, target)
            return Answer(b"", "text/plain; charset=utf-8", 204)
        if self.method == "PUT" and existed:
            store.clear_graph(target)
        if isinstance(target, NamedNode):
            store.add_graph(target)
        for payload in self.payloads:
            self.load(store, payload, target)
        if existed:
            return Answer(b"", "text/plain; charset=utf-8", 204)
        headers = (("Location", self.location),) if self.location else ()
        return Answer(b"", "text/plain; charset=utf-8", 201, headers)

    @staticmethod
    def empty(store: Store, target: NamedNode | DefaultGraph) -> None:
        if isinstance(target, DefaultGraph):
            store.clear_graph(target)
        else:
            store.remove_graph(target)

    def load(self, store: Store, payload: Payload, target: NamedNode | DefaultGraph) -> None:
        try:
            store.load(
                payload.data,
                format=RDF_READERS[payload.media_type],
                base_iri=self.base_iri,
                to_graph=target,
            )
        except SyntaxError as error:
            line = getattr(error, "lineno", None)
            where = f" at line {line}" if line else ""
            raise JobError(400, f"the RDF sent could not be parsed{where}: {error.msg}") from error
        except (OSError, ValueError) as error:
            raise JobError(400, f"the RDF sent could not be read: {error}") from error


@dataclass(frozen=True)
class Statistics:
    """How many triples the default graph and each named graph hold."""

    def run(self, store: Store) -> dict[str | None, int]:
        whole = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        counts: dict[str | None, int] = {None: next(int(row["n"].value) for row in whole)}
        per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        for row in store.query(per_graph):
            counts[row["g"].value] = int(row["n"].value)
        for graph in store.named_graphs():
            if isinstance(graph, NamedNode):
                counts.setdefault(graph.value, 0)
        return counts
