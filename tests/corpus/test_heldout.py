"""Documents of other cities and provinces, in none of data/sources/, read as a person read them.

They were collected after the readers were written, and read by hand before the readers ran on
them; the README gives the first run's score and what was generalized after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources.evaluation import load_reading, score
from kg.sources.read import read_source

HELDOUT = Path(__file__).parent / "heldout"
FILES = {path.stem: path for path in sorted(HELDOUT.glob("*.txt"))}
UNREAD = {"03-weifang-2017-open-government-table"}  # a table without 序号: see the README


def test_every_document_has_a_reading_made_by_hand() -> None:
    assert {path.stem for path in (HELDOUT / "readings").glob("*.csv")} == set(FILES)


@pytest.mark.parametrize("stem", sorted(set(FILES) - UNREAD))
def test_the_readers_read_what_a_person_read(stem: str) -> None:
    result = score(read_source(FILES[stem]), load_reading(HELDOUT / "readings" / f"{stem}.csv"))
    assert (result.tasks_read, result.missed, result.extra) == (result.tasks_expected, (), ())


@pytest.mark.parametrize("stem", sorted(UNREAD))
def test_a_table_without_row_numbers_is_not_yet_read(stem: str) -> None:
    with pytest.raises(SourceError, match="no layout recognized"):
        read_source(FILES[stem])
