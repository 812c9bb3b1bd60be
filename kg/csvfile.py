"""Reading the curated CSV files: exact columns, rows numbered by their line in the file."""

from __future__ import annotations

import csv
from collections.abc import Hashable, Iterable
from pathlib import Path

from kg.errors import SourceError


def read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line, row) for every row; a wrong header or an unreadable file is a SourceError."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != columns:
                raise SourceError(path, 1, f"columns must be {', '.join(columns)}", "header")
            return [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(path, None, f"cannot read the file: {error}") from error


def value(row: dict[str, str], column: str) -> str | None:
    """A cell's text, stripped; None when it is empty."""
    return (row.get(column) or "").strip() or None


LIST_SEPARATOR = "|"


def values(row: dict[str, str], column: str) -> tuple[str, ...]:
    """A cell's list (a|b|c), each item stripped, empty items dropped."""
    items = (item.strip() for item in (value(row, column) or "").split(LIST_SEPARATOR))
    return tuple(item for item in items if item)


def unique_ids(
    path: Path,
    rows: Iterable[tuple[Hashable, int]],
    cell: str = "id",
    says: str = "id {key!r} is already used on line {first}",
) -> None:
    """Refuse a row whose key (an id, or what the row says) an earlier row already has."""
    first_line: dict[Hashable, int] = {}
    for key, line in rows:
        first = first_line.setdefault(key, line)
        if first != line:
            raise SourceError(path, line, says.format(key=key, first=first), cell)
