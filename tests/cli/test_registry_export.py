"""`policykg registry export`: the bodies a build identified by rule, as registry rows a person
reviews and promotes; promoted, they resolve the same names from the curated registry."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.paths import PLACES, REGISTRY

DONGGUAN = (
    Path(__file__).parent.parent / "corpus" / "heldout" / "13-dongguan-2021-stable-employment.txt"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_rule_bodies_export_as_rows_that_curate_them(tmp_path: Path) -> None:
    graph = tmp_path / "dongguan.ttl"
    code, message = run("build", str(DONGGUAN), "-o", str(graph))
    assert code == 0, message
    organizations, places = tmp_path / "proposed.csv", tmp_path / "proposed-places.csv"
    code, message = run(
        "registry", "export", str(graph), "-o", str(organizations), "--places", str(places)
    )
    assert code == 0, message
    proposed = {row["pref_zh"]: row for row in rows(organizations)}
    finance = proposed["东莞市财政局"]
    assert (finance["id"], finance["kind"]) == ("441900-finance", "municipal-department")
    assert proposed["东莞市人民政府"]["id"] == finance["parent"]
    assert "Identified by rule" in finance["note"]
    assert {row["division"] for row in rows(places)} == {"441900", "440000"}  # and counterparts

    registry, placed = tmp_path / "organizations.csv", tmp_path / "places.csv"
    shutil.copy(REGISTRY, registry)
    shutil.copy(PLACES, placed)
    with registry.open("a", encoding="utf-8") as handle:
        handle.write(organizations.read_text(encoding="utf-8").split("\n", 1)[1])
    with placed.open("a", encoding="utf-8") as handle:
        handle.write(places.read_text(encoding="utf-8").split("\n", 1)[1])
    promoted = tmp_path / "promoted.ttl"
    code, message = run(
        "build", str(DONGGUAN), "-o", str(promoted), "--curated-only",
        "--registry", str(registry), "--places", str(placed),
    )  # fmt: skip
    assert code == 0, message
    assert "0 identified by rule" in message and "东莞市财政局" in promoted.read_text(
        encoding="utf-8"
    )


def test_a_graph_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle <", encoding="utf-8")
    code, message = run("registry", "export", str(bad))
    assert code == 2 and "cannot read the graph" in message
