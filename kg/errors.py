"""Errors that point at the place in the input that caused them."""

from pathlib import Path


class SourceError(ValueError):
    """A problem in an input file, located by file, line and (where known) cell."""

    def __init__(self, path: Path | str, line: int | None, problem: str, cell: str | None = None):
        self.path = str(path)
        self.line = line
        self.cell = cell
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        cell = f" [cell {self.cell}]" if self.cell else ""
        return f"{where}{cell}: {self.problem}"
