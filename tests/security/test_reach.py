"""The findings of the adversarial review on what a request reaches and how it is read, each as a
regression test against a real server: SERVICE hidden from a hand lexer, an escape of no
character, a failing SERVICE endpoint, and nesting that crashed the engine. A listener on loopback
is the witness that nothing left the machine."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator

import httpx
import pytest
from listener import Listener, listening
from live import Server, start
from pyoxigraph import Store

from api import sandbox
from api.errors import JobError
from api.reach import ReachPolicy

BYPASS = "SELECT ?s WHERE {{ ?x ?y {var}.SERVICE <{url}> {{ SELECT ?s {{ ?s ?p ?o }} LIMIT 1 }} }}"


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as probe:
        yield probe


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The defaults: no allow-list, so the workers are sandboxed."""
    server = start(["--workers", "2"], tmp_path_factory.mktemp("default") / "server.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory, listener: Listener) -> Iterator[Server]:
    """An allow-list (the workers can reach the network; the parse-based check alone guards)."""
    log = tmp_path_factory.mktemp("listed") / "server.log"
    fields = {"workers": 2, "service_allow_list": [listener.url + "-listed"]}
    server = start([json.dumps(fields)], log, launcher=True)
    yield server
    server.stop()


def ask(server: Server, query: str) -> httpx.Response:
    """POST direct: the body is the query itself, so its size is the query's."""
    headers = {"Content-Type": "application/sparql-query"}
    return httpx.post(server.sparql, content=query.encode(), headers=headers, timeout=60)


@pytest.mark.parametrize("var", ["?z", "$z"])
@pytest.mark.parametrize("which", ["default", "listed"])
def test_a_service_glued_to_a_variable_is_refused_and_nothing_is_sent(
    request: pytest.FixtureRequest, listener: Listener, which: str, var: str
) -> None:
    server = request.getfixturevalue(which)
    before = listener.connections
    response = ask(server, BYPASS.format(var=var, url=listener.url))
    assert response.status_code == 403, response.text
    assert f"SERVICE <{listener.url}>" in response.text
    assert listener.connections == before


def sandboxed_query(url: str, answer: multiprocessing.Queue) -> None:
    sandbox.deny_network()
    try:
        list(Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
        answer.put("answered")
    except OSError as error:
        answer.put(type(error).__name__)


@pytest.mark.skipif(not sandbox.available(), reason="needs Linux with libseccomp")
def test_a_sandboxed_engine_cannot_reach_out_whatever_it_is_asked(listener: Listener) -> None:
    """The engine itself, with no check in front of it, in a sandboxed process."""
    before = listener.connections
    answer: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.get_context("fork").Process(
        target=sandboxed_query, args=(listener.url, answer)
    )
    process.start()
    process.join(60)
    assert answer.get(timeout=5) == "PermissionError"
    assert listener.connections == before


def test_load_is_refused_by_the_engine_of_a_sandboxed_worker_too(default: Server) -> None:
    response = httpx.post(
        default.sparql,
        content="LOAD <http://127.0.0.1:9/x.ttl>",
        headers={"Content-Type": "application/sparql-update"},
        timeout=60,
    )
    assert response.status_code == 403  # read-only, and LOAD is refused in any case


def test_an_escape_of_no_character_is_a_400(default: Server) -> None:
    response = ask(default, 'SELECT * WHERE { BIND("\\U00110000" AS ?x) }')
    assert response.status_code == 400
    assert "\\U00110000" in response.text and "names no character" in response.text


def test_a_failing_service_on_the_allow_list_is_a_502_without_its_page(
    tmp_path_factory: pytest.TempPathFactory, listener: Listener
) -> None:
    log = tmp_path_factory.mktemp("failing") / "server.log"
    server = start([json.dumps({"workers": 1, "service_allow_list": [listener.url]})], log, True)
    try:
        response = ask(server, f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
        assert response.status_code == 502, response.text
        assert response.text.startswith("a SERVICE endpoint failed")
        assert len(response.text) < 300
    finally:
        server.stop()


def test_nesting_past_the_documented_depth_is_a_400_before_any_worker(default: Server) -> None:
    workers = default.workers()
    for text in (
        "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
        "SELECT * WHERE { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }",
        "SELECT * WHERE " + "{ SELECT * WHERE " * 3000 + "{}" + "}" * 3000,
        "SELECT * WHERE {" + " OPTIONAL {" * 3000 + "}" * 3000 + "}",
    ):
        response = ask(default, text)
        assert response.status_code == 400
        assert "at most 128" in response.text
    assert default.workers() == workers
    assert ask(default, "ASK {}").status_code == 200


def test_long_chains_that_crashed_the_engine_are_answered(default: Server) -> None:
    """Not nesting, but as deep to the engine: 3,000 BINDs or MINUSes in one group (a segfault on
    an 8 MB stack); the worker answers them on its deep stack and lives on."""
    workers = default.workers()
    binds = " ".join(f"BIND(1 AS ?v{i})" for i in range(3000))
    minus = "?s <n> ?o " + "MINUS{?s <n> ?o} " * 3000
    for text in (f"SELECT * WHERE {{ {binds} }} LIMIT 1", f"ASK {{ {minus} }}"):
        response = ask(default, text)
        assert response.status_code == 200, response.text
    assert default.workers() == workers


def test_the_reach_check_reads_deep_queries_it_must_check(listed: Server) -> None:
    """A long query that mentions SERVICE is parsed (not refused as unreadable) by the check,
    whose parser recurses once per triple (1,000 is past Python's usual recursion limit)."""
    triples = " ".join(f"<urn:a> <urn:service> <urn:b{i}> ." for i in range(1000))
    response = ask(listed, f"ASK {{ {triples} }}")
    assert response.status_code == 200, response.text


def test_through_a_remote_store_only_standard_sparql_is_passed_on() -> None:
    """Another store's extensions (Virtuoso's DEFINE pragmas fetch IRIs) are not checkable."""
    policy = ReachPolicy(standard_only=True)
    with pytest.raises(JobError) as refused:
        policy.check('DEFINE input:grab-all "yes" SELECT * { ?s ?p ?o }', {}, update=False)
    assert refused.value.status == 400
    assert policy.check("SELECT * { ?s ?p ?o }", {}, update=False) is not None
