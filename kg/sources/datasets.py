"""Crawled datasets whose records are documents (CSV, JSON Lines, a JSON array of objects): each
record's text, with the title, date, address and id its other columns give.

A dataset is read as a stream, a record at a time, so a dataset of any size is read in the memory
of its largest record. What breaks the dataset itself (a missing text column, an unclosed quote,
a JSON array that does not parse) is a located error; a record without text is a record to skip.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import SourceError
from kg.sources.encoding import BOMS, detected

DATASET_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json")
SAMPLE = 1 << 20  # bytes read to tell a dataset's encoding
FIELD_LIMIT = 1 << 25  # characters a CSV field may hold (the csv module's default is 131,072)


@dataclass(frozen=True)
class Columns:
    """Which column of a dataset holds each field of a document."""

    text: str
    title: str | None = None
    date: str | None = None
    id: str | None = None
    url: str | None = None
    html: bool = False  # the text column holds HTML (a page or a fragment)

    def named(self) -> list[str]:
        return [name for name in (self.text, self.title, self.date, self.id, self.url) if name]


@dataclass(frozen=True)
class Record:
    """One record of a dataset: its place, its text (None: the record has none) and fields."""

    dataset: Path
    number: int  # from 1, in the dataset's order
    line: int | None  # the dataset's line the record starts on (None: a JSON array's)
    text: str | None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    html: bool = False
    problem: str | None = None  # why the record could not be read (a JSON Lines line that breaks)

    @property
    def name(self) -> str:
        """The dataset and the record's number (policies.csv#17), as errors and reports say."""
        return f"{self.dataset}#{self.number}"


def is_dataset(path: Path) -> bool:
    return path.suffix.lower() in DATASET_SUFFIXES


def records(path: Path, columns: Columns) -> Iterator[Record]:
    """The dataset's records in order."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as raw:
            encoding = _encoding(raw.read(SAMPLE), path)
        with path.open(encoding=encoding, newline="") as stream:
            if suffix == ".csv":
                yield from _csv(stream, path, columns)
            elif suffix == ".json":
                yield from _json(stream, path, columns)
            else:
                yield from _json_lines(stream, path, columns)
    except UnicodeDecodeError as error:
        raise SourceError(path, None, f"not valid {encoding} past its first megabyte") from error
    except OSError as error:
        raise SourceError(path, None, f"cannot read the dataset: {error.strerror}") from error


def _encoding(sample: bytes, path: Path) -> str:
    """UTF-8 (with or without its mark) where the sample is UTF-8, else GB18030 or Big5."""
    for mark, encoding in BOMS:
        if sample.startswith(mark):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError as failure:
        return detected(sample, path, failure)


def _csv(stream: IO[str], path: Path, columns: Columns) -> Iterator[Record]:
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.DictReader(stream, strict=True)
    try:
        _check_columns(reader.fieldnames or [], columns, path)
        start = reader.line_num + 1
        for number, row in enumerate(reader, start=1):
            yield _record(row, columns, path, number, start)
            start = reader.line_num + 1
    except csv.Error as error:
        raise SourceError(path, reader.line_num, f"the CSV breaks here: {error}") from error


def _json_lines(stream: IO[str], path: Path, columns: Columns) -> Iterator[Record]:
    number = 0
    for line, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        number += 1
        try:
            row = json.loads(text)
        except json.JSONDecodeError as error:
            yield Record(
                path, number, line, None, problem=f"not JSON: {error.msg} at column {error.colno}"
            )
            continue
        if not isinstance(row, dict):
            yield Record(path, number, line, None, problem="not a JSON object")
            continue
        if number == 1:
            _check_columns(list(row), columns, path)
        yield _record(row, columns, path, number, line)


def _json(stream: IO[str], path: Path, columns: Columns) -> Iterator[Record]:
    try:
        rows = json.load(stream)
    except json.JSONDecodeError as error:
        raise SourceError(
            path, error.lineno, f"not JSON: {error.msg} at column {error.colno}"
        ) from error
    if isinstance(rows, dict):  # {"records": [...]} or the like: the one list it holds
        lists = [value for value in rows.values() if isinstance(value, list)]
        rows = lists[0] if len(lists) == 1 else rows
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise SourceError(path, 1, "not a JSON array of objects (one object a document)")
    if rows:
        _check_columns(list(rows[0]), columns, path)
    for number, row in enumerate(rows, start=1):
        yield _record(row, columns, path, number, None)


def _check_columns(names: list[str], columns: Columns, path: Path) -> None:
    missing = [name for name in columns.named() if name not in names]
    if missing:
        have = ", ".join(names) or "none"
        raise SourceError(path, 1, f"no column {', '.join(missing)} (the columns: {have})")


def _record(
    row: dict[str, Any], columns: Columns, path: Path, number: int, line: int | None
) -> Record:
    def field(name: str | None) -> str | None:
        value = row.get(name) if name else None
        text = "" if value is None else str(value).strip()
        return text or None

    return Record(
        dataset=path,
        number=number,
        line=line,
        text=field(columns.text),
        id=field(columns.id),
        title=field(columns.title),
        date=field(columns.date),
        url=field(columns.url),
        html=columns.html,
    )
