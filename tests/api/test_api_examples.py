"""Every example question of the web page runs on the endpoint and gives what a local run gives."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from live import ROOT, Server

from kg.build import TRIPLES
from kg.questions import Question, load_questions
from kg.store.query import query_files
from kg.store.results import OutputFormat, render


@pytest.mark.parametrize("example", load_questions(), ids=lambda q: q.id)
def test_example_runs(readonly: Server, example: Question) -> None:
    catalogue = httpx.get(readonly.url + "api/examples").json()
    query = next(e["query"] for e in catalogue["examples"] if e["id"] == example.id)
    assert query.startswith("PREFIX ") and example.zh and example.en
    served = httpx.post(
        readonly.sparql, data={"query": query}, headers={"Accept": "text/csv"}, timeout=60
    )
    assert served.status_code == 200, served.text
    expected = render(query_files([TRIPLES], query), OutputFormat.csv)
    assert served.text == expected
    assert len(served.text.splitlines()) > 1, "an example question with no answer"


def test_serve_reports_bad_data(tmp_path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n", encoding="utf-8")
    command = [sys.executable, "-m", "kg.cli", "serve", "--data", str(broken), "--port", "1"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"{broken}:2" in result.stderr
