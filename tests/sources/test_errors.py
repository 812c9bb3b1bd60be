"""Malformed input stops the build with file, line and cell named, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import build as pipeline
from kg.build import DOCUMENTS, SOURCES
from kg.cli import app
from kg.errors import SourceError
from kg.registry.organizations import load_registry
from kg.sources.read import read_source

REAL_SOURCE = SOURCES / "guangzhou-auto-2020-task-division.txt"

LINES = REAL_SOURCE.read_text(encoding="utf-8").split("\n")


def variant(tmp_path: Path, edit: dict[int, str] | None = None, keep: int | None = None) -> Path:
    """The real table with some lines (1-based) replaced, or cut after line `keep`."""
    lines = list(LINES[:keep] if keep else LINES)
    for number, text in (edit or {}).items():
        lines[number - 1] = text
    path = tmp_path / "table.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def line_of(prefix: str) -> int:
    return next(i for i, line in enumerate(LINES, start=1) if line.startswith(prefix))


def build(source: Path, output: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", str(source), "-o", str(output), *options])
    return result.exit_code, result.output


def test_row_number_out_of_sequence(tmp_path: Path) -> None:
    number = line_of("7\t")
    path = variant(tmp_path, {number: LINES[number - 1].replace("7\t", "8\t", 1)})
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert (caught.value.line, caught.value.cell) == (number, "序号")
    assert "expected 7" in caught.value.problem


def test_row_with_no_lead_department(tmp_path: Path) -> None:
    number = line_of("16\t")
    cells = LINES[number - 1].split("\t")
    cells[3] = ""
    with pytest.raises(SourceError) as caught:
        read_source(variant(tmp_path, {number: "\t".join(cells)}))
    assert (caught.value.line, caught.value.cell) == (number, "牵头(负责)部门")
    assert "row 16 has no lead department" in str(caught.value)


def test_unknown_department_names_file_line_and_cell(tmp_path: Path) -> None:
    number = line_of("16\t")
    path = variant(tmp_path, {number: LINES[number - 1].replace("市科技局", "市未知局")})
    output = tmp_path / "out.ttl"
    code, message = build(path, output, "--curated-only")
    assert code == 2
    assert (
        f"{path}:{number} [cell 配合部门] '市未知局': not in the organization registry" in message
    )
    closest = message.split("closest: ", 1)[1].split("\n", 1)[0].split(", ")
    registry = load_registry(pipeline.REGISTRY)
    assert closest and all(name in registry.by_name for name in closest)
    assert all(name.startswith(("市", "广州市")) for name in closest)  # the city's own first
    assert not output.exists()
    assert list(tmp_path.iterdir()) == [path]


def test_truncated_file_without_its_closing_imprint(tmp_path: Path) -> None:
    path = variant(tmp_path, keep=line_of("33\t"))
    with pytest.raises(SourceError, match="truncated"):
        read_source(path)


def test_file_cut_inside_a_department_list(tmp_path: Path) -> None:
    number = line_of("5\t")
    with pytest.raises(SourceError) as caught:
        read_source(variant(tmp_path, keep=number))
    assert (caught.value.line, caught.value.cell) == (number, "配合部门")
    assert "dangling separator" in caught.value.problem


def test_a_failed_build_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    output = tmp_path / "triples.ttl"
    output.write_text("previous", encoding="utf-8")
    number = line_of("7\t")
    code, _ = build(variant(tmp_path, {number: "9" + LINES[number - 1][1:]}), output)
    assert code == 2
    assert output.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.txt", "triples.ttl"]


def test_row_before_the_header(tmp_path: Path) -> None:
    header = line_of("序号")
    with pytest.raises(SourceError, match="before the table header") as caught:
        read_source(variant(tmp_path, {header: LINES[header]}))
    assert caught.value.line == header


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_bytes("序号\n".encode() + "广州".encode("gb18030"))
    with pytest.raises(SourceError, match="not valid UTF-8") as caught:
        read_source(path)
    assert caught.value.line == 2


def test_missing_file(tmp_path: Path) -> None:
    code, message = build(tmp_path / "absent.txt", tmp_path / "out.ttl")
    assert code == 2
    assert "absent.txt: cannot read the file" in message


def test_an_amount_that_is_not_a_number(tmp_path: Path) -> None:
    number = line_of("29\t")
    path = variant(tmp_path, {number: LINES[number - 1].replace("资金1亿元", "资金1.2.3亿元")})
    with pytest.raises(SourceError, match="cannot read an amount") as caught:
        read_source(path)
    assert (caught.value.line, caught.value.cell) == (number, "主要任务(task)")


def test_a_unit_with_no_number(tmp_path: Path) -> None:
    number = line_of("29\t")
    path = variant(tmp_path, {number: LINES[number - 1].replace("资金1亿元", "资金亿元")})
    with pytest.raises(SourceError, match="亿 with no number before it"):
        read_source(path)


def test_an_imprint_date_that_does_not_exist(tmp_path: Path) -> None:
    number = line_of("广州市人民政府办公厅秘书处")
    path = variant(tmp_path, {number: "广州市人民政府办公厅秘书处2020年13月10日印发"})
    with pytest.raises(SourceError, match="imprint date is not a date") as caught:
        read_source(path)
    assert caught.value.line == number


def test_a_publisher_the_registry_does_not_know(tmp_path: Path) -> None:
    documents = tmp_path / "documents.csv"
    text = DOCUMENTS.read_text(encoding="utf-8").replace(
        "guangzhou-general-office", "no-such-office"
    )
    documents.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["build", "--documents", str(documents), "-o", str(tmp_path / "out.ttl")]
    )
    assert result.exit_code == 2
    assert f"{documents}:2 [cell publisher]: publisher 'no-such-office'" in result.output
    assert not (tmp_path / "out.ttl").exists()
