"""Another SPARQL store over HTTP: queries by the SPARQL 1.1 Protocol, graph uploads through the
Graph Store Protocol or SPARQL Update. Every failure is a RemoteError naming the URL and what went
wrong (not reachable, the status it answered, or an answer that is not what was asked for), and
an answer the store cut short (a row cap, its own time limit) is an IncompleteAnswer, never
passed on as if it were whole."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import Message
from typing import Any

from pyoxigraph import (
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    parse_query_results,
)

from kg.graph.iris import PREFIXES
from kg.store.sparql_text import outer_limit, query_form

JSON = "application/sparql-results+json"
TURTLE = "text/turtle, application/n-triples;q=0.9"
FORM = "application/x-www-form-urlencoded"
# Virtuoso caps every answer at its ResultSetMaxRows and says so in this header (SELECT only);
# an "anytime" query stopped at its time limit answers what it had, with this SQL state
ROW_CAP_HEADER = "X-SPARQL-MaxRows"
PARTIAL_STATE = ("X-SQL-State", "S1TAT")
# A SELECT of as many rows as asked (a store's own triples squared), to see whether a cap stops it
CAP_PROBE = "SELECT ?a WHERE {{ ?a ?b ?c . ?d ?e ?f }} LIMIT {rows}"


class RemoteError(Exception):
    """A store that cannot be reached, refuses, or answers something else; `status` is the
    HTTP status it answered, if it answered one."""

    def __init__(self, url: str, problem: str, status: int | None = None):
        self.url = url
        self.status = status
        super().__init__(f"{url}: {problem}")


class IncompleteAnswer(RemoteError):
    """The store answered only part: it capped the rows, or stopped at its own time limit."""

    def __init__(self, url: str, problem: str, timed_out: bool):
        self.timed_out = timed_out
        super().__init__(url, problem, 200)


@dataclass(frozen=True)
class Dataset:
    """The protocol's default-graph-uri and named-graph-uri parameters."""

    default_graphs: Sequence[str] = ()
    named_graphs: Sequence[str] = ()


@dataclass(frozen=True)
class Engine:
    """What a store's first answer tells of it: its Server header."""

    server: str

    @property
    def caps_answers(self) -> bool:
        return self.server.startswith("Virtuoso")

    def limit_parameters(self, seconds: float | None) -> dict[str, str]:
        """The request parameter by which this store itself stops a query at the time limit."""
        if seconds is None:
            return {}
        if self.server.startswith("Virtuoso"):
            return {"timeout": str(int(seconds * 1000))}  # milliseconds
        if "Fuseki" in self.server:
            return {"timeout": f"{seconds:g}"}  # seconds
        return {}  # Oxigraph's server takes its limit from the operator (--timeout-s)


@dataclass(frozen=True)
class Reply:
    body: bytes
    headers: Message


class Endpoint:
    """A SPARQL endpoint, and what its answers have told about it. With a time limit, each query
    is stopped at the limit on this side (the socket's timeout) and, where the store takes one,
    on its side too."""

    def __init__(self, url: str, time_limit: float | None = None):
        self.url = url
        self.time_limit = time_limit
        self.engine: Engine | None = None

    def query(
        self,
        text: str,
        prefixes: Mapping[str, str] = PREFIXES,
        base_iri: str | None = None,
        dataset: Dataset = Dataset(),
    ) -> QuerySolutions | QueryBoolean | QueryTriples:
        """Any query, as the local engine's result types (the prefixes predeclared), so the
        same renderers write it; an answer cut short raises IncompleteAnswer."""
        text = prologue(prefixes, base_iri) + text
        graph_form = query_form(text) in ("CONSTRUCT", "DESCRIBE")
        reply = self.ask(text, TURTLE if graph_form else JSON, dataset)
        if graph_form:
            return self.triples(reply)
        try:
            return parse_query_results(reply.body, format=QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as error:
            raise RemoteError(
                self.url, f"the answer is not SPARQL JSON results ({preview(reply.body)})"
            ) from error

    def select(self, text: str) -> list[dict[str, dict[str, str]]]:
        """The bindings of a SELECT query, as SPARQL JSON results give them."""
        body = self.ask(text, JSON).body
        try:
            document: Any = json.loads(body)
            rows = document["results"]["bindings"]
            if not isinstance(rows, list):
                raise TypeError("bindings is not a list")
            return rows
        except (ValueError, KeyError, TypeError) as error:
            raise RemoteError(
                self.url, f"the answer is not SPARQL JSON results ({preview(body)})"
            ) from error

    def ask(self, text: str, return_format: str, dataset: Dataset = Dataset()) -> Reply:
        """The store's answer to a query, checked to be whole."""
        engine = self.identify()
        reply = self.post(text, return_format, dataset, engine.limit_parameters(self.time_limit))
        self.check_whole(text, reply)
        return reply

    def identify(self) -> Engine:
        """Ask once what the store is."""
        if self.engine is None:
            self.engine = Engine(self.post("ASK {}", JSON).headers.get("Server", ""))
        return self.engine

    def post(
        self,
        text: str,
        accept: str,
        dataset: Dataset = Dataset(),
        parameters: Mapping[str, str] | None = None,
    ) -> Reply:
        """POST the query as a form (SPARQL 1.1 Protocol), with the dataset's graphs."""
        fields = [("query", text), *(parameters or {}).items()]
        fields += [("default-graph-uri", g) for g in dataset.default_graphs]
        fields += [("named-graph-uri", g) for g in dataset.named_graphs]
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(fields).encode("ascii"),
            headers={"Accept": accept, "Content-Type": FORM, "User-Agent": "policykg"},
        )
        # past the limit, so the store's own stop (an answer saying it is partial) and the
        # caller's (a worker killed) come first
        timeout = self.time_limit + 2 if self.time_limit else 60.0
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Reply(response.read(), response.headers)
        except urllib.error.HTTPError as error:
            detail = first_line(error.read())
            refusal = f"the store refused the query: HTTP {error.code} {error.reason}: {detail}"
            raise RemoteError(self.url, refusal, error.code) from error
        except OSError as error:  # URLError, timeouts and refused connections are OSErrors
            raise RemoteError(
                self.url, f"cannot be reached ({getattr(error, 'reason', error)})"
            ) from error

    def check_whole(self, text: str, reply: Reply) -> None:
        if reply.headers.get(PARTIAL_STATE[0]) == PARTIAL_STATE[1]:
            raise IncompleteAnswer(
                self.url, "the store stopped the query at its time limit and answered only "
                "the part it had; narrow the query", timed_out=True,
            )  # fmt: skip
        cap = reply.headers.get(ROW_CAP_HEADER)
        if cap is not None and not within(text, int(cap) if cap.isdigit() else 0):
            raise capped(self.url, cap)

    def triples(self, reply: Reply) -> QueryTriples:
        store = Store()
        try:
            store.load(reply.body, format=RdfFormat.TURTLE)
        except SyntaxError as error:
            raise RemoteError(
                self.url, f"the answer is not Turtle ({preview(reply.body)})"
            ) from error
        cap = self.cap_reached(len(store)) if self.engine and self.engine.caps_answers else None
        if cap is not None:
            raise capped(self.url, cap)
        return store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")  # type: ignore[return-value]

    def cap_reached(self, rows: int) -> str | None:
        """The store's cap on answers if it is `rows` or fewer (a graph answer carries no sign
        of its cap, and Virtuoso's may hold one triple more than it): a SELECT of one row more
        comes back with the cap's header if so."""
        probe = self.post(CAP_PROBE.format(rows=rows + 1), JSON)
        cap = probe.headers.get(ROW_CAP_HEADER)
        return cap if cap is not None and cap.isdigit() and int(cap) <= rows else None


def within(text: str, cap: int) -> bool:
    """Whether the query's own LIMIT keeps its answer at or under the store's cap."""
    limit = outer_limit(text)
    return limit is not None and limit <= cap


def capped(url: str, cap: str) -> IncompleteAnswer:
    return IncompleteAnswer(
        url, f"the store caps answers at {cap} rows and this one reached the cap, so it may be "
        "incomplete; page through it with ORDER BY, LIMIT and OFFSET, or raise the store's cap "
        "(Virtuoso: ResultSetMaxRows)", timed_out=False,
    )  # fmt: skip


def prologue(prefixes: Mapping[str, str], base_iri: str | None = None) -> str:
    declared = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(prefixes.items()))
    return (f"BASE <{base_iri}>\n" if base_iri else "") + declared


def query(endpoint: str, text: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Any query against the endpoint, the vocabulary's prefixes predeclared."""
    return Endpoint(endpoint).query(text)


def send(url: str, method: str, body: bytes, content_type: str, timeout: float = 120.0) -> int:
    """An HTTP request with a body (a graph, an update); the status, or a RemoteError."""
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        detail = first_line(error.read())
        raise RemoteError(url, f"HTTP {error.code} {error.reason}: {detail}", error.code) from error
    except OSError as error:
        raise RemoteError(url, f"cannot be reached ({getattr(error, 'reason', error)})") from error


def with_graph(store_url: str, graph: str) -> str:
    """The Graph Store Protocol address of one named graph (indirect identification)."""
    separator = "&" if "?" in store_url else "?"
    return f"{store_url}{separator}graph={urllib.parse.quote(graph, safe='')}"


def first_line(body: bytes) -> str:
    """The first line of an error body (engines go on to echo the whole query)."""
    lines = body[:2000].decode("utf-8", "replace").strip().splitlines()
    return lines[0][:300] if lines else ""


def preview(body: bytes) -> str:
    return repr(body[:60].decode("utf-8", "replace")) + "..."
