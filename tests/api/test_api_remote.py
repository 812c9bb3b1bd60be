"""`policykg serve --store sparql:URL`: the endpoint in front of a real Virtuoso (its protocol,
limits and pages kept), and of a store that cannot be reached: 502 naming it, serving on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from engines import Engine, free_port
from live import Server, start
from SPARQLWrapper import CSV, SPARQLWrapper
from typer.testing import CliRunner

from kg.cli import app
from kg.questions import load_questions
from kg.store.dataset import default_files
from kg.store.query import MERGED, query_files
from kg.store.results import OutputFormat, render

CSV_TYPE = {"Accept": "text/csv"}


@pytest.fixture(scope="module")
def virtuoso(virtuoso_engine: Engine) -> Engine:
    result = CliRunner().invoke(app, ["load", "--to", virtuoso_engine.store])
    assert result.exit_code == 0, result.output
    return virtuoso_engine


def serve(virtuoso: Engine, time_limit: int, log: Path) -> Server:
    arguments = ["--store", f"sparql:{virtuoso.query}", "--workers", "2"]
    return start([*arguments, "--time-limit", str(time_limit)], log)


@pytest.fixture(scope="module")
def through(virtuoso: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A time limit no answer of these tests comes near, however busy the machine."""
    server = serve(virtuoso, 300, tmp_path_factory.mktemp("remote") / "server.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def short(virtuoso: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A time limit of a second, for a query that would never end."""
    server = serve(virtuoso, 1, tmp_path_factory.mktemp("remote-short") / "server.log")
    yield server
    server.stop()


def ask(server: Server, query: str) -> httpx.Response:
    return httpx.post(server.sparql, data={"query": query}, headers=CSV_TYPE, timeout=30)


def test_a_question_answers_as_on_the_embedded_store(through: Server) -> None:
    question = next(q for q in load_questions() if q.id == "partners-of-industry-bureau")
    client = SPARQLWrapper(through.sparql)
    client.setQuery(question.query)
    client.setReturnFormat(CSV)
    remote = client.query().convert().decode("utf-8")
    local = render(query_files(default_files(), question.query, MERGED), OutputFormat.csv)
    assert sorted(remote.splitlines()) == sorted(local.splitlines())


def test_an_answer_at_the_stores_row_cap_is_a_502_and_serving_goes_on(through: Server) -> None:
    capped = ask(through, "SELECT * WHERE { ?s ?p ?o }")
    assert capped.status_code == 502
    assert "caps answers at 10000 rows" in capped.text and "sparql" in capped.text
    assert ask(through, "ASK {}").status_code == 200


def test_a_query_past_the_time_limit_is_stopped(short: Server) -> None:
    slow = ask(short, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert slow.status_code == 503 and "time limit of 1 s" in slow.text
    assert ask(short, "ASK {}").status_code == 200


def test_a_query_the_store_finds_malformed_is_the_clients_400(through: Server) -> None:
    """The grammar allows it; the store's own rule (a variable bound twice) refuses it."""
    answer = ask(through, "SELECT * WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }")
    assert answer.status_code == 400 and "Virtuoso" in answer.text


def test_what_the_grammar_refuses_never_reaches_the_store(through: Server) -> None:
    """Only standard SPARQL is passed on: the other store's extensions cannot be checked."""
    for query in ("SELECT ?s WHERE { ?s ?p }", 'DEFINE input:grab-all "yes" SELECT * {}'):
        answer = ask(through, query)
        assert answer.status_code == 400 and "Virtuoso" not in answer.text, answer.text


def test_pages_and_the_service_description_read_the_store(through: Server) -> None:
    page = httpx.get(through.url + "org/costind", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "国防科学技术工业委员会" in page.text
    description = httpx.get(through.sparql, headers={"Accept": "text/turtle"})
    assert description.status_code == 200 and "void:triples" in description.text
    void = httpx.get(through.url + ".well-known/void")
    assert void.status_code == 404 and "policykg publish" in void.text


def test_no_answer_is_cached_since_the_store_changes_behind_us(through: Server) -> None:
    answer = ask(through, "ASK {}")
    assert "etag" not in answer.headers


def test_a_store_that_cannot_be_reached_is_a_502_naming_it(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    server = start(["--store", f"sparql:{url}", "--workers", "1"], tmp_path / "server.log")
    try:
        answer = ask(server, "ASK {}")
        assert (
            answer.status_code == 502 and url in answer.text and "cannot be reached" in answer.text
        )
        assert httpx.get(server.url).status_code == 200
    finally:
        server.stop()


def test_a_remote_store_is_served_read_only() -> None:
    result = CliRunner().invoke(
        app, ["serve", "--store", "sparql:http://127.0.0.1:9/sparql", "--update-token", "t"]
    )
    assert result.exit_code == 2 and "policykg load" in result.output
