"""The policykg command line: query formats, exit codes, the installed entry point."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
from pathlib import Path

from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app

AUTO = "<https://w3id.org/policykg/doc/sui-fu-ban-gui-2020-25>"  # the automobile opinions
TASKS = f"SELECT ?n WHERE {{ ?t dcterms:isPartOf {AUTO} ; pol:taskNumber ?n }} ORDER BY ?n"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.output


def test_table_is_the_default() -> None:
    code, output = invoke("query", TASKS)
    assert code == 0
    lines = output.splitlines()
    assert lines[0].strip() == "n"
    assert lines[2:4] == ["1", "2"]
    assert lines[-1] == "(34 rows)"


def test_json_csv_tsv_xml() -> None:
    _, output = invoke("query", TASKS, "--format", "json")
    document = json.loads(output)
    assert document["head"]["vars"] == ["n"]
    assert len(document["results"]["bindings"]) == 34
    _, output = invoke("query", TASKS, "--format", "csv")
    assert list(csv.reader(io.StringIO(output)))[1] == ["1"]
    _, output = invoke("query", TASKS, "--format", "tsv")
    assert output.splitlines()[0] == "?n"
    _, output = invoke("query", "ASK { ?t pol:taskNumber 34 }", "--format", "xml")
    assert "<boolean>true</boolean>" in output


def test_construct_as_turtle_and_query_from_stdin() -> None:
    where = f"?t pol:taskNumber ?n ; dcterms:isPartOf {AUTO}"
    query = f"CONSTRUCT {{ ?t pol:taskNumber ?n }} WHERE {{ {where} }}"
    code, output = invoke("query", "-", "--format", "turtle", stdin=query)
    assert code == 0
    assert len(Graph().parse(data=output, format="turtle")) == 34


def test_errors_have_exit_codes() -> None:
    code, output = invoke("query", "SELECT ?x WHERE { ?x")
    assert code == 1
    assert "SPARQL syntax error" in output
    code, output = invoke("query", TASKS, "--format", "turtle")
    assert code == 1
    assert "cannot be written as turtle" in output
    code, output = invoke("query", TASKS, "--data", "absent.ttl")
    assert code == 2
    assert "absent.ttl: no such file" in output


def test_query_over_other_data(tmp_path: Path) -> None:
    data = tmp_path / "tiny.ttl"
    data.write_text(
        "@prefix pol: <https://w3id.org/policykg/ontology#> .\n"
        "<http://e/t> a pol:Task ; pol:taskNumber 7 .\n"
    )
    query = "SELECT ?n WHERE { ?t a pol:Task ; pol:taskNumber ?n }"
    code, output = invoke("query", query, "--data", str(data), "--format", "csv")
    assert (code, output.split()) == (0, ["n", "7"])


def test_the_installed_command() -> None:
    command = Path(sys.executable).parent / "policykg"
    done = subprocess.run(
        [str(command), "query", "ASK { ?d a pol:PolicyDocument }"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "true\n")


def test_build_writes_the_context_and_the_report_beside_its_output(tmp_path: Path) -> None:
    code, _ = invoke("build", "-o", str(tmp_path / "graph.ttl"))
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["context.jsonld", "graph-report.csv", "graph.ttl"]
    code, _ = invoke("build", "--strict", "-o", str(tmp_path / "strict.ttl"))
    assert code == 0
    assert "strict-report.csv" not in {p.name for p in tmp_path.iterdir()}


def test_a_failure_while_reading_results_is_an_error_not_a_trace() -> None:
    with socket.socket() as probe:  # a loopback port with nothing listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, output = invoke("query", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{}} }}")
    assert code == 1
    assert "error: the query failed:" in output
    assert "Traceback" not in output
