"""An existing triplestore: `policykg load` into real Oxigraph and Virtuoso servers (started on
loopback by the fixtures) by the Graph Store Protocol and by SPARQL Update, every question of
the catalogue answered alike there (`policykg query --endpoint`) and on the embedded store, and
an answer the store cut short (Virtuoso's row cap, its time limit) never taken as whole."""

from __future__ import annotations

import pytest
from engines import Engine, free_port
from typer.testing import CliRunner

from kg.cli import app
from kg.publish.partition import partition
from kg.questions import load_questions
from kg.store.dataset import default_files, load_store
from kg.store.query import MERGED, query_files
from kg.store.remote import Endpoint, IncompleteAnswer
from kg.store.results import OutputFormat, render

# What Virtuoso 7.2 changes on the way in: it keeps an xsd:duration as a number of months, so
# "P1Y" comes back as "12" (the value is the same, the lexical form is not)
VIRTUOSO_DURATIONS = {"P1Y": "12"}
WHOLE_STORE = "SELECT * WHERE { ?s ?p ?o }"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def expected_sizes() -> dict[str, int]:
    return {
        graph.value: len(quads) for graph, quads in partition(load_store(default_files())).items()
    }


def loaded(engine: Engine) -> Engine:
    if engine.graph_sizes() != expected_sizes():
        code, output = invoke("load", "--to", engine.store)
        assert code == 0, output
    return engine


def test_load_by_the_graph_store_protocol_twice_changes_nothing(engine: Engine) -> None:
    for _ in range(2):
        code, output = invoke("load", "--to", engine.store)
        assert code == 0, output
        assert engine.graph_sizes() == expected_sizes()


def test_load_by_sparql_update_gives_the_same_graphs(oxigraph_engine: Engine) -> None:
    for _ in range(2):
        code, output = invoke("load", "--update", oxigraph_engine.update)
        assert code == 0, output
        assert oxigraph_engine.graph_sizes() == expected_sizes()


def test_an_update_load_that_fails_leaves_every_graph_as_it_was(virtuoso_engine: Engine) -> None:
    """Virtuoso cannot MOVE a graph holding an xsd:duration: the load fails on the graph that
    has one, after its pieces went into a staging graph, and nothing of ours changes."""
    before = loaded(virtuoso_engine).graph_sizes()
    code, output = invoke("load", "--update", virtuoso_engine.update)
    assert code == 1 and "xsd:duration" in output and "none is half-loaded" in output
    assert virtuoso_engine.graph_sizes() == before


@pytest.mark.parametrize("question", load_questions(), ids=lambda q: q.id)
def test_every_question_answers_alike_on_the_store(engine: Engine, question) -> None:
    code, remote = invoke(
        "query", "--endpoint", loaded(engine).query, "--format", "csv", question.query
    )
    assert code == 0, remote
    local = render(query_files(default_files(), question.query, MERGED), OutputFormat.csv)
    if engine.name == "virtuoso":
        for written, kept in VIRTUOSO_DURATIONS.items():
            local = local.replace(f",{written},", f",{kept},")
    assert sorted(remote.splitlines()) == sorted(local.splitlines())


def test_an_answer_at_virtuosos_row_cap_is_refused_as_incomplete(virtuoso_engine: Engine) -> None:
    url = loaded(virtuoso_engine).query
    assert sum(expected_sizes().values()) > 10000 - 2000  # with its own graphs, past the cap
    for query in (WHOLE_STORE, "CONSTRUCT WHERE { ?s ?p ?o }"):
        code, output = invoke("query", "--endpoint", url, "--format", "csv", query)
        assert code == 1 and "caps answers at 10000 rows" in output, output
    capped = WHOLE_STORE + " LIMIT 10000"
    code, output = invoke("query", "--endpoint", url, "--format", "csv", capped)
    assert code == 0 and len(output.splitlines()) == 10001  # asked for no more than the cap


def test_an_answer_virtuoso_cut_at_its_time_limit_is_refused(virtuoso_engine: Engine) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    endpoint = Endpoint(loaded(virtuoso_engine).query, time_limit=2)
    with pytest.raises(IncompleteAnswer, match="stopped the query at its time limit") as caught:
        endpoint.query(slow)
    assert caught.value.timed_out


def test_a_store_that_cannot_be_reached_is_named() -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    code, output = invoke("load", "--to", url)
    assert code == 1 and url in output and "cannot be reached" in output
    code, output = invoke("query", "--endpoint", url.replace("store", "query"), "ASK {}")
    assert code == 1 and "cannot be reached" in output


def test_a_query_the_store_refuses_is_named_with_its_reason(engine: Engine) -> None:
    code, output = invoke("query", "--endpoint", engine.query, "SELEC nothing")
    assert code == 1 and engine.query in output and "HTTP 400" in output
