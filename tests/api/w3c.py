"""A runner for the W3C SPARQL 1.1 protocol and graph store manifests: it reads each test's
ht:Request list with rdflib and replays it against a live server, checking what mf: expects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import httpx
from pyoxigraph import RdfFormat, parse
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from rdflib.term import Node

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
STATUS = {"OK": {200}, "Created": {201}, "NoContent": {204}, "NotFound": {404}}
STATUS.update({f"StatusCode{n}xx": set(range(n * 100, n * 100 + 100)) for n in (2, 3, 4, 5)})
# The manifests' paths and where this service has them.
PATHS = (("/sparql/", "/sparql"), ("/gsp", "/store"))
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = RESULT_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


@dataclass
class Expected:
    statuses: set[int]
    boolean: bool | None = None
    format: str | None = None
    location: str | None = None
    content_type: str | None = None
    body: str | None = None


@dataclass
class Step:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    expected: Expected = field(default_factory=lambda: Expected(set()))

    @property
    def writes(self) -> bool:
        """An update or a graph store write: it needs a server with updates on."""
        kind = self.headers.get("content-type", "")
        text = (self.body or b"").decode("utf-8", "replace")
        return (
            "sparql-update" in kind
            or text.startswith("update=")
            or "update=" in self.path
            or (self.path.startswith("/gsp") and self.method in ("PUT", "POST", "DELETE"))
        )


@dataclass
class Case:
    name: str
    steps: list[Step]

    @property
    def writes(self) -> bool:
        return any(step.writes for step in self.steps)


def items(graph: Graph, node: Node | None) -> list[Node]:
    return [] if node is None else list(Collection(graph, node))


def cases(manifest: Path) -> Iterator[Case]:
    """The tests of a manifest (following mf:include), in order."""
    graph = Graph().parse(manifest, format="turtle", publicID=manifest.resolve().as_uri())
    root = next(graph.subjects(RDF.type, MF.Manifest))
    for included in items(graph, graph.value(root, MF.include)):
        yield from cases(manifest.parent / str(included).rsplit("/", 1)[-1])
    for entry in items(graph, graph.value(root, MF.entries)):
        action = graph.value(entry, MF.action)
        requests = items(graph, graph.value(action, HT.requests))
        name = str(entry).rsplit("#", 1)[-1]
        yield Case(name, [step(graph, request) for request in requests])


def step(graph: Graph, request: Node) -> Step:
    headers = {
        str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
        for h in items(graph, graph.value(request, HT.headers))
    }
    body_node = graph.value(request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    return Step(
        str(graph.value(request, HT.methodName)),
        str(graph.value(request, HT.absolutePath)),
        headers,
        body,
        expected(graph, graph.value(request, HT.resp)),
    )


def expected(graph: Graph, response: Node) -> Expected:
    statuses = set()
    for code in graph.objects(response, MF.expectedStatus):
        statuses |= STATUS[str(code).rsplit("#", 1)[-1]]
    headers = {
        str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
        for h in items(graph, graph.value(response, HT.headers))
    }
    body = graph.value(graph.value(response, HT.body), CNT.chars)
    boolean = graph.value(response, MF.expectedBoolean)
    return Expected(
        statuses,
        None if boolean is None else bool(boolean.toPython()),
        str(graph.value(response, MF.expectedFormat) or "") or None,
        str(graph.value(response, MF.expectedLocation) or "") or None,
        headers.get("content-type"),
        None if body is None else str(body),
    )


def local_path(path: str) -> str:
    for theirs, ours in PATHS:
        if path.startswith(theirs):
            return ours + path[len(theirs) :]
    return path


def run(case: Case, base_url: str, headers: dict[str, str]) -> None:
    """Replay every request of a test; an AssertionError says which step broke what."""
    template: dict[str, str] = {}
    with httpx.Client(base_url=base_url.rstrip("/"), timeout=30) as client:
        for number, request in enumerate(case.steps, 1):
            path = request.path
            for name, value in template.items():
                path = path.replace(name, value)
            response = client.request(
                request.method,
                local_path(path),
                headers={**request.headers, **headers},
                content=request.body,
            )
            where = f"{case.name} step {number} ({request.method} {path})"
            check(response, request.expected, where)
            if request.expected.location:
                template[request.expected.location] = response.headers["location"]


def check(response: httpx.Response, expected: Expected, where: str) -> None:
    assert response.status_code in expected.statuses, (
        f"{where}: {response.status_code} {response.text}"
    )
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if expected.format == "boolean":
        assert kind in RESULT_TYPES, f"{where}: {kind} is not a boolean result type"
    if expected.format == "tabular":
        assert kind in TABULAR_TYPES, f"{where}: {kind} is not a results type"
    if expected.format == "RDF":
        assert kind in RDF_TYPES, f"{where}: {kind} is not RDF"
        Graph().parse(data=response.text, format=RDF_TYPES[kind])
    if expected.boolean is not None:
        assert boolean(response.text, kind) is expected.boolean, f"{where}: {response.text}"
    if expected.content_type is not None:
        wanted = expected.content_type.split(";")[0].strip().lower()
        assert kind == wanted, f"{where}: content type {kind}, expected {wanted}"
    if expected.body is not None:
        served = Graph().parse(data=response.text, format=RDF_TYPES[kind])
        wanted_graph = Graph().parse(data=expected.body, format="turtle")
        assert isomorphic(served, wanted_graph), f"{where}: graphs differ:\n{response.text}"


def boolean(text: str, kind: str) -> bool:
    if kind == "application/sparql-results+json":
        return json.loads(text)["boolean"]
    element = ElementTree.fromstring(text).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert element is not None
    return element.text == "true"


def dataset_reset(data: Path) -> str:
    """An update putting the store back to the fixture: DROP ALL, then the fixture's quads."""
    quads = parse(path=str(data), format=RdfFormat.TRIG)
    inserts = " ".join(
        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads
    )
    return f"DROP ALL ; INSERT DATA {{ {inserts} }}"
