"""Every document of the corpus is read as a person read it, and the README says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import PROJECT_ROOT
from kg.build import default_sources
from kg.sources.evaluation import load_reading, score
from kg.sources.read import read_source

READINGS = Path(__file__).parent / "readings"
SOURCES = {path.stem: path for path in default_sources()}
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_source_has_a_reading_made_by_hand() -> None:
    assert {path.stem for path in READINGS.glob("*.csv")} == set(SOURCES)


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_the_build_reads_what_a_person_read(stem: str) -> None:
    result = score(read_source(SOURCES[stem]), load_reading(READINGS / f"{stem}.csv"))
    assert (result.tasks_read, result.missed, result.extra) == (result.tasks_expected, (), ())
