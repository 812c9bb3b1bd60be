"""A Host header that makes no valid IRI is the client's 400 in plain text, not the server's 500
(the request's base URL, built from it, is the base IRI of its query)."""

from __future__ import annotations

import socket

import httpx
from live import Server


def test_a_host_with_a_bad_escape_is_refused_in_plain_text(readonly: Server) -> None:
    answer = httpx.get(readonly.sparql, params={"query": "ASK {}"}, headers={"Host": "a%zz"})
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert answer.text.startswith("invalid Host header: 'a%zz'")


def test_a_valid_host_is_the_base_of_the_query(readonly: Server) -> None:
    query = "SELECT ?here WHERE { BIND(<here> AS ?here) }"
    headers = {"Host": "example.org:8080", "Accept": "application/sparql-results+json"}
    answer = httpx.get(readonly.sparql, params={"query": query}, headers=headers)
    assert answer.status_code == 200
    assert (
        answer.json()["results"]["bindings"][0]["here"]["value"] == "http://example.org:8080/here"
    )


def test_two_hosts_are_refused(readonly: Server) -> None:
    """Sent by hand: HTTP clients will not send two."""
    address = httpx.URL(readonly.url)
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.org\r\nConnection: close\r\n\r\n"
    with socket.create_connection((address.host, address.port), timeout=30) as connection:
        connection.sendall(request)
        answer = b"".join(iter(lambda: connection.recv(65536), b""))
    assert answer.startswith(b"HTTP/1.1 400 ") and b"invalid Host header" in answer
