"""The Host header names the service only where the operator lets it: with --base-iri the
service description names the public URL whatever Host a client sends, and a server bound beyond
loopback without one warns at start-up."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from live import Server, start

from kg.cli import loopback

EVIL = {"Host": "evil.example", "Accept": "text/turtle"}


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Bound to every interface, its public URL given."""
    log = tmp_path_factory.mktemp("public") / "server.log"
    arguments = ["--host", "0.0.0.0", "--base-iri", "https://kg.example.org/", "--workers", "1"]
    server = start(arguments, log)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def exposed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Bound to every interface, no public URL given."""
    server = start(["--host", "0.0.0.0", "--workers", "1"], tmp_path_factory.mktemp("x") / "log")
    yield server
    server.stop()


def test_the_public_base_names_the_service_whatever_the_host_header(public: Server) -> None:
    description = httpx.get(public.sparql, headers=EVIL, timeout=30)
    assert description.status_code == 200
    assert "https://kg.example.org/sparql" in description.text
    assert "evil.example" not in description.text
    assert "without --base-iri" not in public.logged()


def test_serving_beyond_loopback_without_a_public_base_warns(exposed: Server) -> None:
    assert "without --base-iri" in exposed.logged()


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("::", False), ("192.0.2.7", False)],
)  # fmt: skip
def test_what_counts_as_loopback(host: str, local: bool) -> None:
    assert loopback(host) is local
