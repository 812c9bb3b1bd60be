"""Documents of other cities and provinces, in none of data/sources/, read as a person read them.

They were collected after the readers were written, and read by hand before the readers ran on
them; the README gives the first run's score and what was generalized after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.sources.evaluation import load_reading, score
from kg.sources.read import read_source

HELDOUT = Path(__file__).parent / "heldout"
FILES = {path.stem: path for path in sorted(HELDOUT.glob("*.txt"))}


def test_every_document_has_a_reading_made_by_hand() -> None:
    assert {path.stem for path in (HELDOUT / "readings").glob("*.csv")} == set(FILES)


@pytest.mark.parametrize("stem", sorted(FILES))
def test_the_readers_read_what_a_person_read(stem: str) -> None:
    result = score(read_source(FILES[stem]), load_reading(HELDOUT / "readings" / f"{stem}.csv"))
    assert (result.tasks_read, result.missed, result.extra) == (result.tasks_expected, (), ())
