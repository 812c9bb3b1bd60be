"""`policykg validate` as a real process: exit codes, formats, clear errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import rdflib
from fixture_graphs import FIXTURES, fixture_turtle

from kg import PROJECT_ROOT

POLICYKG = [sys.executable, "-m", "kg.cli"]
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*POLICYKG, "validate", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )


def test_real_graph_conforms_with_exit_0_and_counts() -> None:
    done = run()
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().splitlines()[-1].startswith("conforms 符合: 0 violations 违规")
    assert "\x1b[" not in done.stdout  # no colour when not writing to a terminal


def test_violation_exits_1_and_names_task_and_departments(tmp_path: Path) -> None:
    graph = fixture_turtle(FIXTURES / "violations" / "LeadAndCooperate.ru", tmp_path / "g.ttl")
    done = run(str(graph))
    assert done.returncode == 1
    assert "任务1：测试市甲局既是牵头部门又是配合部门" in done.stdout
    assert "Task 1: 测试市甲局 both leads and cooperates on it" in done.stdout
    assert "Violation 违规 (1)" in done.stdout


def test_json_report_for_scripts(tmp_path: Path) -> None:
    graph = fixture_turtle(FIXTURES / "violations" / "FundMatching.ru", tmp_path / "g.ttl")
    done = run(str(graph), "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert report["conforms"] is False
    assert report["counts"]["Violation"] == len(report["results"]) == 1
    assert report["results"][0]["sourceShape"].endswith("#FundMatching")
    assert set(report["results"][0]["message"]) == {"zh", "en"}


def test_turtle_and_jsonld_reports_are_validation_reports() -> None:
    for fmt, parser in (("turtle", "turtle"), ("jsonld", "json-ld")):
        done = run("--format", fmt)
        assert done.returncode == 0, done.stderr
        graph = rdflib.Graph().parse(data=done.stdout, format=parser)
        report = graph.value(predicate=rdflib.RDF.type, object=SH.ValidationReport, any=False)
        assert graph.value(report, SH.conforms).toPython() is True
        assert len(list(graph.objects(report, SH.result))) == done_results()


def done_results() -> int:
    return len(json.loads(run("--format", "json").stdout)["results"])


def test_pyshacl_engine_gives_the_same_exit_code(tmp_path: Path) -> None:
    graph = fixture_turtle(FIXTURES / "violations" / "NumberUnique.ru", tmp_path / "g.ttl")
    fast, reference = (
        run(str(graph), "--format", "json"),
        run(str(graph), "--format", "json", "--engine", "pyshacl"),
    )
    assert fast.returncode == reference.returncode == 1
    assert json.loads(fast.stdout)["counts"] == json.loads(reference.stdout)["counts"]


def test_broken_turtle_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix pol: <https://w3id.org/policykg/ontology#> .\n\n<a> pol:x <b> ;\n  .. \n"
    )
    done = run(str(broken))
    assert done.returncode == 2
    assert f"{broken}:4" in done.stderr
    assert done.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    done = run(str(tmp_path / "absent.ttl"))
    assert done.returncode == 2
    assert "absent.ttl: no such file" in done.stderr


def test_unsupported_shape_exits_2(tmp_path: Path) -> None:
    shapes = tmp_path / "or.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:or ( <urn:a> <urn:b> ) ;\n"
        '  sh:message "x"@en .\n'
    )
    done = run("--shapes", str(shapes))
    assert done.returncode == 2
    assert "sh:or is not supported" in done.stderr


def test_missing_shapes_are_bad_input(tmp_path: Path) -> None:
    done = run("--shapes", str(tmp_path / "absent"))
    assert done.returncode == 2
    assert f"{tmp_path / 'absent'}: no such file or directory" in done.stderr
