"""What a build reads, one document at a time: the files named (a folder's source files in name
order) and each record of the datasets named; and reading one, an outcome that is the document or
why there is none, never an exception (a batch goes past a bad document)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import NothingAssigned, SourceError
from kg.sources.datasets import Columns, Record, is_dataset, records
from kg.sources.read import read_record, read_source
from kg.sources.records import SourceDocument

Item = Path | Record  # a source file, or a dataset's record
# What a folder holds that a build reads: text, pages, and the files governments publish
SOURCE_SUFFIXES = (
    ".txt", ".html", ".htm", ".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".odt",
    ".ods", ".png", ".jpg", ".jpeg", ".tif", ".tiff",
)  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """A document read, or the error that stopped it (skipped: it assigns nothing)."""

    item: Item
    document: SourceDocument | None = None
    error: SourceError | None = None

    @property
    def skipped(self) -> bool:
        return isinstance(self.error, NothingAssigned)


def source_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, with each directory replaced by the source files in it, in name order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
        else:
            found.append(path)
    return found


def items_of(paths: Sequence[Path], columns: Columns | None) -> Iterator[Item]:
    """Every document to read, in order: files, and the records of datasets."""
    for path in source_files(paths):
        if is_dataset(path):
            if columns is None:
                problem = "a dataset: name the column of its documents' text with --text-column"
                raise SourceError(path, None, problem)
            yield from records(path, columns)
        else:
            yield path


def name_of(item: Item) -> str:
    """The file, or the dataset and the record's number (policies.csv#17)."""
    return str(item) if isinstance(item, Path) else item.name


def read_item(item: Item, layout: str | None = None) -> Outcome:
    """Read one document; any problem becomes the outcome's error, located where it can be."""
    try:
        if isinstance(item, Path):
            return Outcome(item, read_source(item, layout))
        return Outcome(item, read_record(item, layout))
    except SourceError as error:
        return Outcome(item, error=error)
    except Exception as error:  # a reader's fault on an input nobody foresaw: report, go on
        problem = f"the readers failed: {type(error).__name__}: {error}"
        return Outcome(item, error=SourceError(name_of(item), None, problem))
