"""An existing triplestore: `policykg load` into a real Oxigraph server (the PyPI package's CLI,
started here on loopback) by the Graph Store Protocol and by SPARQL Update, and every question
of the catalogue answered alike there (`policykg query --endpoint`) and on the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.publish.partition import partition
from kg.questions import load_questions
from kg.store.dataset import default_files, load_store
from kg.store.query import MERGED, query_files
from kg.store.results import OutputFormat, render

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@dataclass
class Oxigraph:
    url: str
    process: subprocess.Popen

    @property
    def query(self) -> str:
        return self.url + "query"

    @property
    def store(self) -> str:
        return self.url + "store"

    @property
    def update(self) -> str:
        return self.url + "update"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Oxigraph]:
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Oxigraph(f"http://127.0.0.1:{port}/", process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(server.query, params={"query": "ASK {}"}, timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    yield server
    process.terminate()
    process.wait(10)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def graph_sizes(server: Oxigraph) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    rows = httpx.post(
        server.query, data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    ).json()
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows["results"]["bindings"]}


def expected_sizes() -> dict[str, int]:
    return {
        graph.value: len(quads) for graph, quads in partition(load_store(default_files())).items()
    }


def test_load_by_the_graph_store_protocol_twice_changes_nothing(oxigraph: Oxigraph) -> None:
    for _ in range(2):
        code, output = invoke("load", "--to", oxigraph.store)
        assert code == 0, output
        assert graph_sizes(oxigraph) == expected_sizes()


def test_load_by_sparql_update_gives_the_same_graphs(oxigraph: Oxigraph) -> None:
    code, output = invoke("load", "--update", oxigraph.update)
    assert code == 0, output
    assert graph_sizes(oxigraph) == expected_sizes()


@pytest.mark.parametrize("question", load_questions(), ids=lambda q: q.id)
def test_every_question_answers_alike_on_the_store(oxigraph: Oxigraph, question) -> None:
    if not graph_sizes(oxigraph):
        invoke("load", "--to", oxigraph.store)
    code, remote = invoke("query", "--endpoint", oxigraph.query, "--format", "csv", question.query)
    assert code == 0, remote
    local = render(query_files(default_files(), question.query, MERGED), OutputFormat.csv)
    assert sorted(remote.splitlines()) == sorted(local.splitlines())


def test_a_store_that_cannot_be_reached_is_named(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    code, output = invoke("load", "--to", url)
    assert code == 1 and url in output and "cannot be reached" in output
    code, output = invoke("query", "--endpoint", url.replace("store", "query"), "ASK {}")
    assert code == 1 and "cannot be reached" in output
