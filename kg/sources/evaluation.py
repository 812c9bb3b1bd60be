"""How well a reader read a document: its assignments against a reading made by hand.

A reading is a CSV file with the columns task, label, role, written: one row per assignment (the
task's ordinal in the document, its printed number, lead or cooperating, the name as printed),
and one row with role and written empty for a task that assigns nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.csvfile import read_rows, value
from kg.errors import SourceError
from kg.sources.records import SourceDocument

COLUMNS = ("task", "label", "role", "written")
ROLES = ("lead", "cooperating")
Assigned = tuple[int, str, str]  # task ordinal, role, name as printed


@dataclass(frozen=True)
class Reading:
    """What a person read in a document: its tasks and their assignments."""

    tasks: int
    assignments: Counter[Assigned]


@dataclass(frozen=True)
class Score:
    """A reader's assignments compared with a reading."""

    tasks_read: int
    tasks_expected: int
    read: int
    expected: int
    correct: int
    missed: tuple[Assigned, ...]
    extra: tuple[Assigned, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.read if self.read else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def exact(self) -> bool:
        return self.tasks_read == self.tasks_expected and not self.missed and not self.extra


def load_reading(path: Path) -> Reading:
    """Read a hand reading; a row that is not one names its line and column."""
    tasks: set[int] = set()
    assignments: Counter[Assigned] = Counter()
    for line, row in read_rows(path, COLUMNS):
        task = value(row, "task") or ""
        if not task.isdigit():
            raise SourceError(path, line, "task is the task's ordinal, 1, 2, 3 ...", "task")
        tasks.add(int(task))
        role, written = value(row, "role"), value(row, "written")
        if role is None and written is None:
            continue
        if role not in ROLES or not written:
            raise SourceError(path, line, f"role is one of {', '.join(ROLES)}, with a name", "role")
        assignments[(int(task), role, written)] += 1
    if tasks != set(range(1, len(tasks) + 1)):
        raise SourceError(path, None, "tasks are numbered 1, 2, 3 ... without gaps")
    return Reading(len(tasks), assignments)


def assignments_of(document: SourceDocument) -> Counter[Assigned]:
    found: Counter[Assigned] = Counter()
    for ordinal, task in enumerate(document.tasks, start=1):
        for role, mentions in (("lead", task.leads), ("cooperating", task.cooperators)):
            found.update((ordinal, role, mention.written) for mention in mentions)
    return found


def score(document: SourceDocument, reading: Reading) -> Score:
    found = assignments_of(document)
    correct = found & reading.assignments
    return Score(
        tasks_read=len(document.tasks),
        tasks_expected=reading.tasks,
        read=sum(found.values()),
        expected=sum(reading.assignments.values()),
        correct=sum(correct.values()),
        missed=tuple(sorted((reading.assignments - found).elements())),
        extra=tuple(sorted((found - reading.assignments).elements())),
    )
