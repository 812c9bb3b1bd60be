"""Whole crawled datasets in one command, and batch builds that go past a bad document: the
corpus's documents as records of a CSV (with records that assign nothing and a garbage record)
build each document's assignments as its own file does; a report names every record's outcome."""

from __future__ import annotations

import csv
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV
from typer.testing import CliRunner

from kg.build import DOCUMENTS, SOURCES
from kg.cli import app
from kg.csvfile import read_rows
from kg.graph.iris import POL
from kg.registry.documents import COLUMNS

CORPUS = sorted(SOURCES.glob("*.txt"))
NOTHING = [
    "市政府召开常务会议，研究部署下一阶段经济工作。会议强调，要坚定信心，狠抓落实。",
    "关于举办2023年度全市职工运动会的通知各单位：为丰富职工文化生活，定于10月举办运动会。",
]
GARBAGE = "\x00\x01ÿþ<<>>%%%\ufffd\ufffd 12 34 ;;;; |||| " * 20
QUERY = """SELECT ?task ?role ?agent WHERE {
    ?task pol:assignment ?a . ?a prov:hadRole ?role ; prov:agent ?agent }"""


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def uncatalogued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue with no entries: files and records alike say what they say of themselves."""
    path = tmp_path_factory.mktemp("catalogue") / "documents.csv"
    path.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus's text documents as records, as a crawl would hold them, then the others."""
    catalogue = {row["source"]: row for _, row in read_rows(DOCUMENTS, COLUMNS)}
    path = tmp_path_factory.mktemp("dataset") / "policies.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "date", "url", "content"])
        for source in CORPUS:
            facts = catalogue.get(source.name, {})
            writer.writerow([source.stem, facts.get("title_zh"), facts.get("issued"),
                             facts.get("address"), source.read_text(encoding="utf-8")])  # fmt: skip
        for number, text in enumerate(NOTHING, start=1):
            writer.writerow([f"news-{number}", "", "", "", text])
        writer.writerow(["garbage", "", "", "", GARBAGE])
        writer.writerow(["empty", "", "", "", ""])
    return path


def assignments(graph: Graph, slug: str) -> set[tuple[str, str, str]]:
    """A document's assignments: task and place in it, role, body."""
    found = set()
    for task, role, agent in graph.query(QUERY, initNs={"pol": POL, "prov": PROV}):
        if f"/doc/{slug}/" in str(task):
            found.add((str(task).split(f"/doc/{slug}/")[1], str(role), str(agent)))
    return found


def test_a_dataset_builds_each_document_as_its_own_file_does(
    dataset: Path, uncatalogued: Path, tmp_path: Path
) -> None:
    from_records, from_files = tmp_path / "records.ttl", tmp_path / "files.ttl"
    common = ["--documents", str(uncatalogued), "--keep-unresolved"]
    code, message = invoke(str(dataset), "--text-column", "content", "--title-column", "title",
                           "--date-column", "date", "--url-column", "url", "--id-column", "id",
                           "-o", str(from_records), *common)  # fmt: skip
    assert code == 0, message
    code, message = invoke(*map(str, CORPUS), "-o", str(from_files), "--keep-unresolved")
    assert code == 0, message
    records, files = Graph().parse(from_records), Graph().parse(from_files)
    catalogue = {row["source"]: row["id"] for _, row in read_rows(DOCUMENTS, COLUMNS)}
    for source in CORPUS:
        expected = assignments(files, catalogue.get(source.name, source.stem))
        assert expected, source
        assert assignments(records, f"policies-{source.stem}") == expected, source

    with (tmp_path / "records-report.csv").open(encoding="utf-8") as handle:
        report = {row["record_id"]: row for row in csv.DictReader(handle)}
    assert {report[s.stem]["status"] for s in CORPUS} == {"read"}
    for skipped in ("news-1", "news-2", "garbage", "empty"):
        assert report[skipped]["status"] == "skipped", report[skipped]
    assert report["empty"]["reason"] == "the record has no text"
    assert report["news-1"]["where"] == f"{dataset}#{len(CORPUS) + 1}"


def test_records_keep_their_title_date_and_address(dataset: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.ttl"
    code, message = invoke(str(dataset), "--text-column", "content", "--title-column", "title",
                           "--date-column", "date", "--url-column", "url", "--id-column", "id",
                           "-o", str(output), "--keep-unresolved")  # fmt: skip
    assert code == 0, message
    graph = Graph().parse(output)
    source = next(s for s in CORPUS if s.name.startswith("cn-2017-foreign"))
    document = f"https://w3id.org/policykg/doc/policies-{source.stem}"
    rows = graph.query(
        "SELECT ?title ?issued WHERE { ?d dcterms:title ?title ; dcterms:issued ?issued }",
        initBindings={"d": URIRef(document)},
    )
    assert [(str(t), str(i)) for t, i in rows] == [
        ("国务院关于促进外资增长若干措施的通知", "2017-08-08")
    ]
    assert "no entry in" not in message  # a record is in no catalogue: nothing to warn of


def test_a_batch_goes_past_a_bad_document_and_reports_it(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    good = CORPUS[0]
    (folder / good.name).write_bytes(good.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    output = tmp_path / "out.ttl"
    code, message = invoke(str(folder), "-o", str(output), "--keep-unresolved")
    assert code == 1, message
    assert "1 documents read" in message and "1 failed" in message
    with (tmp_path / "out-report.csv").open(encoding="utf-8") as handle:
        rows = {Path(row["source"]).name: row for row in csv.DictReader(handle)}
    assert rows["broken.pdf"]["status"] == "error"
    assert "not a readable PDF" in rows["broken.pdf"]["reason"]
    assert rows[good.name]["status"] == "read"
    assert "guo-ban-han-2014-31/task/1" in output.read_text(encoding="utf-8")  # its catalogue id


def test_strict_stops_at_the_first_problem_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_bytes(CORPUS[0].read_bytes())
    (folder / "b.pdf").write_bytes(b"%PDF-1.7 truncated")
    output = tmp_path / "out.ttl"
    code, message = invoke(str(folder), "-o", str(output), "--keep-unresolved", "--strict")
    assert code == 2 and "b.pdf" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources"]


def test_a_json_lines_dataset_reports_a_broken_line_and_builds_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    record = json.dumps({"text": CORPUS[0].read_text(encoding="utf-8")}, ensure_ascii=False)
    nothing = json.dumps({"text": NOTHING[0]}, ensure_ascii=False)
    lines = [record, '{"text": "unclosed', nothing]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "out.ttl"
    code, message = invoke(
        str(path), "--text-column", "text", "-o", str(output), "--keep-unresolved"
    )
    assert code == 1, message
    with (tmp_path / "out-report.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["status"] for row in rows] == ["read", "error", "skipped"]
    assert rows[1]["reason"].startswith("not JSON") and rows[1]["where"] == f"{path}#2:2"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "no-column.csv",
            "title,body\n标题,正文\n",
            "no column content (the columns: title, body)",
        ),
        ("broken.csv", 'content,title\n"一、总体要求,标题\n', "the CSV breaks here"),
        ("broken.json", '[{"content": "x"}', "not JSON"),
        ("not-objects.json", '["x", "y"]', "not a JSON array of objects"),
    ],
)
def test_a_dataset_that_breaks_is_a_located_error(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    output = tmp_path / "out.ttl"
    code, message = invoke(str(path), "--text-column", "content", "-o", str(output))
    assert code == 2 and expected in message and str(path) in message
    assert not output.exists()


def test_a_dataset_needs_its_text_column(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("content\n一、x\n", encoding="utf-8")
    code, message = invoke(str(path), "-o", str(tmp_path / "out.ttl"))
    assert code == 2 and "--text-column" in message


def test_reading_in_processes_or_on_a_dask_cluster_writes_the_same_bytes(
    dataset: Path, tmp_path: Path
) -> None:
    from distributed import LocalCluster

    columns = ["--text-column", "content", "--title-column", "title", "--id-column", "id"]
    outputs = {}
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        scheduler_port=0, dashboard_address=None,
    ) as cluster:  # fmt: skip
        for name, how in [("one", ["-j", "1"]), ("two", ["-j", "2"]),
                          ("dask", ["--scheduler", cluster.scheduler_address])]:  # fmt: skip
            outputs[name] = tmp_path / f"{name}.ttl"
            code, message = invoke(str(dataset), *columns, *how, "-o", str(outputs[name]),
                                   "--keep-unresolved")  # fmt: skip
            assert code == 0, message
    one = outputs["one"].read_bytes()
    assert one == outputs["two"].read_bytes() == outputs["dask"].read_bytes()
    reports = {(tmp_path / f"{n}-report.csv").read_bytes() for n in outputs}
    assert len(reports) == 1


def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe(dataset: Path, tmp_path: Path) -> None:
    policykg = str(Path(sys.executable).with_name("policykg"))
    command = [policykg, "build", str(dataset), "--text-column", "content", "--keep-unresolved",
               "-j", "1", "-o", str(tmp_path / "out.ttl")]  # fmt: skip
    records = len(CORPUS) + len(NOTHING) + 2
    main, terminal = pty.openpty()
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=terminal) as build:  # fmt: skip
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the build closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        assert build.wait() == 0
    os.close(main)
    assert f"{records}/{records}" in shown.decode(errors="replace") and b"doc/s" in shown
    piped = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "doc/s" not in piped.stderr and "\r" not in piped.stderr
