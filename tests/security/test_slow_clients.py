"""Slow clients (slowloris) are timed out by `policykg serve`: real servers, raw sockets."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from live import Server, start

PATIENCE = 60  # seconds a socket waits for the server: far beyond the timeouts under test
HEAD = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"
POST = (
    b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    b"Accept: application/sparql-results+json\r\n"
)


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server giving headers and bodies one second each, and queries three."""
    log = tmp_path_factory.mktemp("strict") / "server.log"
    timeouts = ["--header-timeout", "1", "--body-timeout", "1", "--time-limit", "3"]
    server = start(["--workers", "1", *timeouts], log)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def patient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server giving headers and bodies a minute each."""
    log = tmp_path_factory.mktemp("patient") / "server.log"
    server = start(["--workers", "1", "--header-timeout", "60", "--body-timeout", "60"], log)
    yield server
    server.stop()


def connect(server: Server) -> socket.socket:
    address = urlsplit(server.url)
    return socket.create_connection((address.hostname, address.port), timeout=PATIENCE)


def until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    received = []
    try:
        while chunk := sock.recv(65536):
            received.append(chunk)
    except TimeoutError:
        pytest.fail(f"the server held the connection open for {PATIENCE} s")
    return b"".join(received)


def timed_out(answer: bytes) -> bool:
    """Whether the answer is a 408 saying what was late, with the connection closed."""
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.lower().split(b"\r\n")
    return (
        lines[0] == b"http/1.1 408 request timeout"
        and b"connection: close" in lines
        and body.startswith(b"The request ")
        and b"not received within 1 s" in body
    )


def test_unfinished_headers_get_408_and_close(strict: Server) -> None:
    with connect(strict) as sock:
        sock.sendall(HEAD + b"X-Never: fin")
        assert timed_out(until_closed(sock))


def test_headers_sent_a_byte_at_a_time_are_cut_off(strict: Server) -> None:
    endless = HEAD + b"".join(b"X-%d: slow\r\n" % n for n in range(100_000))
    give_up = time.monotonic() + PATIENCE
    with connect(strict) as sock:
        for byte in endless:  # one byte, then wait a tenth of a second for the server's answer
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                return  # closed while we were still sending
            if select.select([sock], [], [], 0.1)[0]:
                break
            if time.monotonic() > give_up:
                pytest.fail(f"the server read headers a byte at a time for {PATIENCE} s")
        try:
            answer = until_closed(sock)
        except ConnectionResetError:
            return
        assert answer == b"" or timed_out(answer)


def test_silent_connection_is_closed(strict: Server) -> None:
    with connect(strict) as sock:
        assert until_closed(sock) == b""


def test_unfinished_body_gets_408_and_close(strict: Server) -> None:
    with connect(strict) as sock:
        sock.sendall(POST + b"Content-Length: 100\r\n\r\nASK {")
        assert timed_out(until_closed(sock))


def test_next_request_on_a_kept_connection_is_timed_out(strict: Server) -> None:
    with connect(strict) as sock:
        sock.sendall(HEAD + b"\r\n")
        assert until_response(sock).startswith(b"HTTP/1.1 200 ")
        sock.sendall(HEAD)  # the next request, never finished
        assert timed_out(until_closed(sock))


def half_sent(server: Server, count: int) -> list[socket.socket]:
    """Connections that sent part of their headers, or all of them and part of the body."""
    held = [connect(server) for _ in range(count)]
    for n, sock in enumerate(held):
        sock.sendall(HEAD + b"X-Never: fin" if n % 2 else POST + b"Content-Length: 9\r\n\r\nASK")
    return held


def test_answered_while_fifty_half_sent_are_held(patient: Server) -> None:
    held = half_sent(patient, 50)
    try:
        answer = httpx.get(patient.sparql, params={"query": "ASK {}"}, timeout=PATIENCE)
        assert answer.status_code == 200
        assert answer.json() == {"head": {}, "boolean": True}
    finally:
        for sock in held:
            sock.close()


def test_fifty_half_sent_are_all_timed_out(strict: Server) -> None:
    held = half_sent(strict, 50)
    try:
        assert all(timed_out(until_closed(sock)) for sock in held)
        answer = httpx.get(strict.sparql, params={"query": "ASK {}"}, timeout=PATIENCE)
        assert answer.status_code == 200
    finally:
        for sock in held:
            sock.close()


def test_slow_but_steady_request_is_answered(patient: Server) -> None:
    query = b"ASK { ?s ?p ?o }"
    request = POST + b"Content-Length: %d\r\n\r\n" % len(query) + query
    with connect(patient) as sock:
        for byte in request:  # a slow link: one byte every 10 ms, well within the minute
            sock.sendall(bytes([byte]))
            time.sleep(0.01)
        head, _, body = until_response(sock).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert b'"boolean":true' in body.replace(b" ", b"")


def test_a_long_query_is_not_cut_off(strict: Server) -> None:
    query = b"SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . FILTER(?c != ?f) }"
    request = POST + b"Content-Length: %d\r\n\r\n" % len(query) + query
    with connect(strict) as sock:
        sock.sendall(request)  # runs into the 3 s time limit, past the 1 s timeouts
        answer = until_response(sock)
        assert answer.startswith(b"HTTP/1.1 503 ")
        assert answer.endswith(b"time limit of 3 s\n")
        sock.sendall(HEAD + b"\r\n")  # the connection is still good
        assert until_response(sock).startswith(b"HTTP/1.1 200 ")


def until_response(sock: socket.socket) -> bytes:
    """The response to one request: its head and its body of Content-Length bytes."""
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = sock.recv(65536)
        assert chunk, f"the server closed the connection after {received!r}"
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
        if line.startswith(b"content-length:")
    )  # fmt: skip
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, "the server closed the connection within the response"
        body += chunk
    return head + b"\r\n\r\n" + body


def test_headers_past_the_size_bound_get_431_and_close(patient: Server) -> None:
    """httptools buffers headers without end: one client once grew the server by 1.4 GB."""
    with connect(patient) as sock:
        sock.sendall(HEAD)
        answer = b""
        try:
            for _ in range(64):  # 4 MB of one header, never finished; refused long before
                sock.sendall(b"X-Pad: " + b"a" * 65536 + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 431 ")


def test_a_get_with_a_query_at_the_size_limit_is_not_refused_for_its_headers(
    patient: Server,
) -> None:
    """A request line of 60 kB (uvicorn itself reads none much longer)."""
    path = b"/sparql?query=ASK%7B" + b"%23" * 20_000 + b"%0A%7D"
    with connect(patient) as sock:
        sock.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
