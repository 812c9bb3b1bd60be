"""Asking another SPARQL endpoint, with SPARQLWrapper; every failure is a LinkError that names
the endpoint and what went wrong."""

from __future__ import annotations

import json
import urllib.error
from typing import Any

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException


class LinkError(RuntimeError):
    def __init__(self, endpoint: str, problem: str):
        self.endpoint = endpoint
        super().__init__(f"{endpoint}: {problem}")


def select(endpoint: str, query: str, timeout: float = 30.0) -> list[dict[str, dict[str, str]]]:
    """The bindings of a SELECT query, as SPARQL JSON results give them."""
    client = SPARQLWrapper(endpoint, agent="policykg-link")
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    client.setQuery(query)
    try:
        response = client.query()
        body = response.response.read()
    except urllib.error.HTTPError as error:
        raise LinkError(
            endpoint, f"the endpoint refused the query: HTTP {error.code} {error.reason}"
        ) from error
    except SPARQLWrapperException as error:
        raise LinkError(endpoint, f"the endpoint refused the query: {error.msg}") from error
    except OSError as error:  # URLError, timeouts and refused connections are OSErrors
        reason = getattr(error, "reason", error)
        raise LinkError(endpoint, f"cannot be reached ({reason})") from error
    return bindings(endpoint, body)


def bindings(endpoint: str, body: bytes) -> list[dict[str, dict[str, str]]]:
    try:
        document: Any = json.loads(body)
        rows = document["results"]["bindings"]
        if not isinstance(rows, list):
            raise TypeError("bindings is not a list")
        return rows
    except (ValueError, KeyError, TypeError) as error:
        start = body[:60].decode("utf-8", "replace")
        raise LinkError(
            endpoint, f"the answer is not SPARQL JSON results ({start!r}...)"
        ) from error
