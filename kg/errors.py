"""Errors that point at the place in the input that caused them."""

from pathlib import Path


class SourceError(ValueError):
    """A problem in an input file, located by file, line and (where known) cell."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        problem: str,
        cell: str | None = None,
        location: str | None = None,  # where a file of no lines has the line: "page 2, line 4"
    ):
        self.path = str(path)
        self.line = line
        self.cell = cell
        self.problem = problem
        self.location = location
        super().__init__(str(self))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole (a worker process reports it to the build)."""
        return (type(self), (self.path, self.line, self.problem, self.cell, self.location))

    def located(self, location: str) -> "SourceError":
        """The same error, saying where in its file (a page, a table row) the line stands."""
        return SourceError(self.path, self.line, self.problem, self.cell, location)

    @property
    def where(self) -> str:
        """file:line (page 2, table 1, row 5), as far as it is known."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return where + (f" ({self.location})" if self.location else "")

    def __str__(self) -> str:
        cell = f" [cell {self.cell}]" if self.cell else ""
        return f"{self.where}{cell}: {self.problem}"


class NothingAssigned(SourceError):
    """A source in which no reader finds a task assigned: no form recognized, no numbered item,
    no item that names a body (a dataset's build skips such records)."""
