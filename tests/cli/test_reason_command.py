"""`policykg reason`: writes the inferred graph, exits 1 naming a clash with nothing written,
and what it writes is what `query` and `serve` include (unless asked not to, or stale)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.paths import ONTOLOGY, TRIPLES
from kg.reasoning.output import with_inferences

JOINT = "SELECT (COUNT(?t) AS ?n) WHERE { ?t a pol:JointlyLedTask }"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def count(output: str) -> int:
    return int(output.splitlines()[2])


def test_reason_writes_the_inferred_graph(tmp_path: Path) -> None:
    target = tmp_path / "inferred.trig"
    code, output = invoke("reason", str(TRIPLES), "-o", str(target), "--engine", "rules")
    assert code == 0, output
    assert "inferred triples" in output and target.is_file()
    code, output = invoke("query", JOINT, "--data", str(TRIPLES), "--data", str(target))
    assert code == 0 and count(output) > 0
    code, output = invoke(
        "query", JOINT, "--no-infer", "--data", str(TRIPLES), "--data", str(target)
    )
    assert code == 0 and count(output) == 0


def test_a_query_naming_its_dataset_gets_only_that(tmp_path: Path) -> None:
    target = tmp_path / "inferred.trig"
    invoke("reason", str(TRIPLES), "-o", str(target), "--engine", "rules")
    named = JOINT.replace("WHERE", "FROM <https://w3id.org/policykg/graph/inferred> WHERE")
    code, output = invoke("query", named, "--data", str(TRIPLES), "--data", str(target))
    assert code == 0 and count(output) > 0


def test_an_inconsistent_graph_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        TRIPLES.read_text(encoding="utf-8")
        + "\n<https://w3id.org/policykg/org/guangzhou-finance> a pol:NationalAgency .\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.trig"
    code, output = invoke("reason", str(broken), "-o", str(target), "--engine", "rules")
    assert code == 1
    assert "广州市财政局 <https://w3id.org/policykg/org/guangzhou-finance> is both" in output
    assert not target.exists()


def test_bad_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, output = invoke("reason", str(bad), "--engine", "rules")
    assert code == 2 and str(bad) in output


def test_a_stale_inferred_graph_is_left_out_with_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "triples.ttl"
    data.write_bytes(TRIPLES.read_bytes())
    inferred = tmp_path / "inferred.trig"
    assert invoke("reason", str(data), "--engine", "rules")[0] == 0  # beside the data by default
    warnings: list[str] = []
    assert with_inferences(data, ONTOLOGY, inferred, warnings.append) == [data, inferred]
    data.write_bytes(TRIPLES.read_bytes() + b"\n")
    assert with_inferences(data, ONTOLOGY, inferred, warnings.append) == [data]
    assert warnings and "policykg reason" in warnings[0]
