"""`policykg build` over sources of any form: --layout, --keep-unresolved, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures"
FORMS = ROOT / "sources" / "fixtures"
REGISTRY = [
    "--registry",
    str(FIXTURES / "registry.csv"),
    "--changes",
    str(FIXTURES / "changes.csv"),
    "--counterparts",
    str(FIXTURES / "counterparts.csv"),
    "--cited",
    str(FIXTURES / "cited-documents.csv"),
    "--citations",
    str(FIXTURES / "citations.csv"),
    "--places",
    str(FIXTURES / "places.csv"),
]
CATALOGUE = ["--documents", str(FIXTURES / "documents.csv")]


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", *args, *REGISTRY, *CATALOGUE])
    return result.exit_code, result.output


def test_every_form_builds_with_a_warning_for_each_uncatalogued_source(tmp_path: Path) -> None:
    output = tmp_path / "out.ttl"
    code, message = build(*map(str, sorted(FORMS.iterdir())), "-o", str(output))
    assert code == 0, message
    assert message.count("warning:") == 4
    assert "pol:UnresolvedAssignee" not in output.read_text(encoding="utf-8")


def test_an_unknown_layout_name_is_bad_input(tmp_path: Path) -> None:
    code, message = build(
        str(FORMS / "list-2020.txt"), "--layout", "scroll", "-o", str(tmp_path / "o")
    )
    assert code == 2
    assert "the layouts are themed-table, table, list, inline" in message


def test_a_forced_layout_that_does_not_fit_is_bad_input(tmp_path: Path) -> None:
    output = tmp_path / "out.ttl"
    code, message = build(str(FORMS / "list-2020.txt"), "--layout", "table", "-o", str(output))
    assert code == 2 and "no table header" in message
    assert not output.exists()


def unknown(tmp_path: Path) -> Path:
    path = tmp_path / "unknown.txt"
    path.write_text(
        "示例意见\n一、任务\n1.甲。（牵头单位：市未知局）\n2.乙。（市无名办负责）\n", "utf-8"
    )
    return path


def test_unknown_names_stop_a_curated_only_build_all_listed(tmp_path: Path) -> None:
    output = tmp_path / "out.ttl"
    code, message = build(str(unknown(tmp_path)), "-o", str(output), "--curated-only")
    assert code == 2
    assert "'市未知局'" in message and "'市无名办'" in message
    assert "--keep-unresolved" in message
    assert not output.exists()


def test_keep_unresolved_builds_them_as_written(tmp_path: Path) -> None:
    output = tmp_path / "out.ttl"
    options = ("--curated-only", "--keep-unresolved")
    code, _ = build(str(unknown(tmp_path)), "-o", str(output), *options)
    assert code == 0
    turtle = output.read_text(encoding="utf-8")
    assert turtle.count("a pol:UnresolvedAssignee") == 2
    result = CliRunner().invoke(app, ["validate", str(output)])
    assert result.exit_code == 0
    assert "市未知局" in result.output


def test_a_directory_builds_as_its_source_files_in_name_order(tmp_path: Path) -> None:
    listed, walked = tmp_path / "listed.ttl", tmp_path / "walked.ttl"
    code, message = build(*map(str, sorted(FORMS.iterdir())), "-o", str(listed))
    assert code == 0, message
    code, message = build(str(FORMS), "-o", str(walked))
    assert code == 0, message
    assert walked.read_bytes() == listed.read_bytes()


def test_a_build_failing_after_documents_were_written_leaves_the_old_output(
    tmp_path: Path,
) -> None:
    """The build writes document by document; with --strict, one failing late must still change
    nothing."""
    output = tmp_path / "out.ttl"
    output.write_text("# the previous build\n", encoding="utf-8")
    code, message = build(*map(str, sorted(FORMS.iterdir())), str(unknown(tmp_path)),
                          "-o", str(output), "--strict")  # fmt: skip
    assert code == 2 and "'市未知局'" in message
    assert output.read_text(encoding="utf-8") == "# the previous build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ttl", "unknown.txt"]


def test_a_first_build_keeps_unknown_names_and_says_how_each_was_identified(
    tmp_path: Path,
) -> None:
    output = tmp_path / "out.ttl"
    code, message = build(str(unknown(tmp_path)), "-o", str(output))
    assert code == 0, message
    assert "2 names unresolved" in message and "市未知局: unresolved" in message
    assert f"{unknown(tmp_path)}:3 市未知局" in message  # each listed with its file and line
    assert output.read_text(encoding="utf-8").count("a pol:UnresolvedAssignee") == 2
