"""State Council documents as a crawled portal dataset holds them (tests/corpus/crawled), read by
hand before any rule for them was written. Their first run read none (FIRST-RUN.md); they are not
all read yet, so this holds what is: every document has its reading, and nothing is read that a
person did not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.sources.evaluation import load_reading, score
from kg.sources.read import read_source

CRAWLED = Path(__file__).parent / "crawled"
FILES = {path.stem: path for path in sorted(CRAWLED.glob("*.html"))}


def test_every_document_has_a_reading_made_by_hand() -> None:
    assert {path.stem for path in (CRAWLED / "readings").glob("*.csv")} == set(FILES)


@pytest.mark.parametrize("stem", sorted(FILES))
def test_every_task_is_found_and_nothing_is_read_that_a_person_did_not(stem: str) -> None:
    result = score(read_source(FILES[stem]), load_reading(CRAWLED / "readings" / f"{stem}.csv"))
    assert result.tasks_read == result.tasks_expected
    assert result.extra == ()
