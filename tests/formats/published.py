"""The published-file fixtures (make_files.py) and what a document says, to compare readings."""

from __future__ import annotations

from pathlib import Path

from kg.sources.records import SourceDocument

FILES = Path(__file__).parent / "files"
TEXT = Path(__file__).parents[2] / "data" / "sources" / "guangzhou-auto-2020-task-division.txt"


def records(document: SourceDocument) -> tuple[object, ...]:
    """What a document says, without where its file prints it."""
    themes = {theme.number: theme.label for theme in document.themes}
    tasks = tuple(
        (
            task.number,
            themes.get(task.theme) if task.theme else None,
            task.text,
            tuple(m.meant for m in task.leads),
            tuple(m.meant for m in task.cooperators),
            task.instruments,
        )
        for task in document.tasks
    )
    return (
        document.form,
        document.heading,
        tasks,
        document.imprint.date if document.imprint else None,
    )
