"""Another SPARQL store over HTTP: queries through SPARQLWrapper, graph uploads through the Graph
Store Protocol or SPARQL Update. Every failure is a RemoteError naming the URL and what went
wrong (not reachable, the status it answered, or an answer that is not what was asked for)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
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
from SPARQLWrapper import JSON, N3, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.graph.iris import PREFIXES
from kg.store.sparql_text import query_form

PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(PREFIXES.items()))


class RemoteError(RuntimeError):
    def __init__(self, url: str, problem: str):
        self.url = url
        super().__init__(f"{url}: {problem}")


def ask(endpoint: str, text: str, return_format: str = JSON, timeout: float = 60.0) -> bytes:
    """The raw answer of a query (POSTed, as SPARQLWrapper sends it)."""
    client = SPARQLWrapper(endpoint, agent="policykg")
    client.setMethod(POST)
    client.setReturnFormat(return_format)
    client.setTimeout(int(timeout))
    client.setQuery(text)
    try:
        return client.query().response.read()
    except urllib.error.HTTPError as error:
        raise RemoteError(
            endpoint, f"the endpoint refused the query: HTTP {error.code} {error.reason}"
        ) from error
    except SPARQLWrapperException as error:
        raise RemoteError(endpoint, f"the endpoint refused the query: {error.msg}") from error
    except OSError as error:  # URLError, timeouts and refused connections are OSErrors
        raise RemoteError(
            endpoint, f"cannot be reached ({getattr(error, 'reason', error)})"
        ) from error


def select(endpoint: str, text: str) -> list[dict[str, dict[str, str]]]:
    """The bindings of a SELECT query, as SPARQL JSON results give them."""
    body = ask(endpoint, text)
    try:
        document: Any = json.loads(body)
        rows = document["results"]["bindings"]
        if not isinstance(rows, list):
            raise TypeError("bindings is not a list")
        return rows
    except (ValueError, KeyError, TypeError) as error:
        raise RemoteError(
            endpoint, f"the answer is not SPARQL JSON results ({preview(body)})"
        ) from error


def query(endpoint: str, text: str) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Any query against the endpoint, as the local engine's result types (the vocabulary's
    prefixes predeclared), so the same renderers write it."""
    text = PROLOGUE + text
    if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
        body = ask(endpoint, text, N3)
        store = Store()
        try:
            store.load(body, format=RdfFormat.TURTLE)
        except SyntaxError as error:
            raise RemoteError(endpoint, f"the answer is not Turtle ({preview(body)})") from error
        return store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")  # type: ignore[return-value]
    body = ask(endpoint, text)
    try:
        return parse_query_results(body, format=QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as error:
        raise RemoteError(
            endpoint, f"the answer is not SPARQL JSON results ({preview(body)})"
        ) from error


def send(url: str, method: str, body: bytes, content_type: str, timeout: float = 120.0) -> int:
    """An HTTP request with a body (a graph, an update); the status, or a RemoteError."""
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        detail = error.read()[:200].decode("utf-8", "replace").strip()
        raise RemoteError(url, f"HTTP {error.code} {error.reason}: {detail}") from error
    except OSError as error:
        raise RemoteError(url, f"cannot be reached ({getattr(error, 'reason', error)})") from error


def with_graph(store_url: str, graph: str) -> str:
    """The Graph Store Protocol address of one named graph (indirect identification)."""
    separator = "&" if "?" in store_url else "?"
    return f"{store_url}{separator}graph={urllib.parse.quote(graph, safe='')}"


def preview(body: bytes) -> str:
    return repr(body[:60].decode("utf-8", "replace")) + "..."
