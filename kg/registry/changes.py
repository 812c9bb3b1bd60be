"""Renames, mergers and splits of organizations (org:ChangeEvent), each dated and cited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.csvfile import read_rows, unique_ids, value, values
from kg.errors import SourceError
from kg.registry.organizations import DATE, ID, Registry, first_day

KINDS = {
    "rename": "Renaming",
    "merger": "Merger",
    "split": "Split",
    "abolition": "Abolition",
    "transfer": "TransferOfFunctions",
}
COLUMNS = ("id", "date", "kind", "original", "resulting", "source", "note")
URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Change:
    """One change event: which bodies went in, which came out, when, and who says so."""

    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str  # the ontology class (see KINDS)
    original: tuple[str, ...]  # organization ids
    resulting: tuple[str, ...]
    source: str
    note: str | None
    line: int


def load_changes(path: Path, registry: Registry) -> tuple[Change, ...]:
    """Read and check the change events; every problem names its line and column."""
    if not path.exists():
        return ()
    changes = tuple(_change(row, line, path, registry) for line, row in read_rows(path, COLUMNS))
    unique_ids(path, ((change.id, change.line) for change in changes))
    return changes


def _change(row: dict[str, str], line: int, path: Path, registry: Registry) -> Change:
    for column in COLUMNS[:-1]:
        if not value(row, column):
            raise SourceError(path, line, f"{column} is required", column)
    if not ID.match(str(value(row, "id"))):
        raise SourceError(path, line, "an id is lower-case letters, digits and hyphens", "id")
    date = str(value(row, "date"))
    if not DATE.match(date):
        raise SourceError(path, line, "a date is YYYY, YYYY-MM or YYYY-MM-DD", "date")
    first_day(date)
    if value(row, "kind") not in KINDS:
        raise SourceError(path, line, f"kind must be one of {', '.join(KINDS)}", "kind")
    if not URL.match(str(value(row, "source"))):
        raise SourceError(path, line, "the source is the address of a public page", "source")
    ends = {column: _ids(row, column, line, path, registry) for column in ("original", "resulting")}
    return Change(
        id=str(value(row, "id")),
        date=date,
        kind=KINDS[str(value(row, "kind"))],
        original=ends["original"],
        resulting=ends["resulting"],
        source=str(value(row, "source")),
        note=value(row, "note"),
        line=line,
    )


def _ids(
    row: dict[str, str], column: str, line: int, path: Path, registry: Registry
) -> tuple[str, ...]:
    return registry.checked(values(row, column), path, line, column)
