"""A bounded fuzz of the HTTP surface, the same requests on every run: random methods, paths,
query strings, headers and bodies on raw sockets to one real server. None may make it fail
(5xx) but for its documented limits, nor leave a connection hanging, and it still answers after."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import unquote_plus

import httpx
import pytest
from engines import free_port
from fuzz_requests import TOKEN, Draws, draft
from live import Server, start
from wire import Exchange, exchange

SEED = 20240601
REQUESTS = 2000
# the 5xx the server documents: its time limit and queue (503), a remote that fails (502)
LIMITS = ("time limit", "too many concurrent queries", "no query worker became free")
# 500s another change is fixing, all set off by a query's text: \U escapes past U+10FFFF,
# SERVICE to an endpoint that fails, and deep nesting
KNOWN = re.compile(r"\\U|SERVICE|([{(]\s*){100}", re.IGNORECASE)
KNOWN_TRACES = ("ValueError: chr() arg not in range(0x110000)",)  # the \U escapes


@pytest.fixture(scope="module")
def remote() -> str:
    """A SPARQL endpoint where nothing listens."""
    return f"http://127.0.0.1:{free_port()}/sparql"


@pytest.fixture(scope="module")
def server(remote: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Writable (with the token the fuzz sometimes sends), SERVICE allowed to a dead endpoint."""
    fields = {
        "update_token": TOKEN,
        "workers": 2,
        "time_limit": 2,
        "service_allow_list": [remote],
    }
    log = tmp_path_factory.mktemp("fuzz") / "server.log"
    running = start([json.dumps(fields)], log, launcher=True)
    yield running
    running.stop()


def failed(reply: Exchange) -> bool:
    """Not HTTP, a reset with no answer, or a 5xx other than a documented limit, a failing
    remote or a known bug."""
    try:
        status = reply.status
    except ValueError:
        return True
    if status is None:
        return reply.reset
    if status < 500:
        return False
    sent = unquote_plus(reply.sent.decode("utf-8", "replace"))
    if status == 503:
        return not any(reason in reply.body.decode("utf-8", "replace") for reason in LIMITS)
    if status == 502:
        return "SERVICE" not in sent.upper()
    return not (status == 500 and KNOWN.search(sent))


def address(server: Server) -> tuple[str, int]:
    url = httpx.URL(server.url)
    return url.host, url.port or 80


def raised(log: str) -> list[str]:
    """The exception that ends each traceback in the server's log."""
    lines = log.splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last):"):
            end = next((i for i in range(index + 1, len(lines)) if not lines[i][:1].isspace()), -1)
            found.append(lines[end] if end >= 0 else "(cut short)")
    return found


def test_no_request_makes_the_server_fail(server: Server, remote: str) -> None:
    rng = Draws(SEED, address(server)[1], remote)
    failures = []
    for _ in range(REQUESTS):
        request = draft(rng)
        reply = exchange(address(server), request.data, half_close=request.short)
        if failed(reply):
            failures.append(f"sent {request.data[:3000]!r}\ngot {reply.received[:500]!r}")
    assert not failures, "\n\n".join(failures[:10])
    unknown = [error for error in raised(server.logged()) if not error.startswith(KNOWN_TRACES)]
    assert not unknown, unknown  # also what no client saw (it had gone, or the answer had begun)
    answer = httpx.post(server.sparql, data={"query": "ASK {}"})
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    assert httpx.get(server.url).status_code == 200


def test_a_client_gone_before_the_end_of_its_body_is_no_error(server: Server) -> None:
    """It promised 100 bytes, sent 12 and left: nothing to answer, nothing to log as a failure."""
    start = len(server.logged())
    for target in (b"/sparql", b"/store?default"):
        head = (
            b"POST " + target + b" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
        )
        head += b"\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\n"
        assert exchange(address(server), head + b"ASK { ?s ?p", half_close=True).status is None
    assert httpx.post(server.sparql, data={"query": "ASK {}"}).status_code == 200
    assert raised(server.logged()[start:]) == []
