"""How well the readers read: for each source of the corpus, and each held-out document of other
cities and provinces (tests/corpus/heldout), its form, tasks and assignments, and precision and
recall of the assignments against the reading made by hand.

.venv/bin/python bench/readings.py          # the two tables the README shows
"""

from __future__ import annotations

import csv
from pathlib import Path

from kg.build import DOCUMENTS, REGISTRY, default_sources
from kg.errors import SourceError
from kg.graph.writer import issued_on
from kg.registry.documents import default_facts, load_documents
from kg.registry.organizations import load_registry
from kg.sources.evaluation import Score, load_reading, score
from kg.sources.formats.detect import HTML_SUFFIXES
from kg.sources.read import read_source
from kg.sources.records import SourceDocument

CORPUS = Path(__file__).parent.parent / "tests" / "corpus"
READINGS = CORPUS / "readings"
HELDOUT = CORPUS / "heldout"
SCORES = ("tasks", "assignments", "correct", "precision", "recall")


def percent(value: float) -> str:
    return f"{value:.0%}"


def header(*columns: str) -> str:
    names = [*columns, *SCORES]
    return "| " + " | ".join(names) + " |\n|" + "---|" * len(names)


def scored(document: SourceDocument | None, result: Score | None, expected: int) -> list[str]:
    """The score columns: tasks read, assignments read, correct of expected, precision, recall."""
    if document is None or result is None:
        return ["0", "0", f"0/{expected}", "", "0%"]
    return [
        str(len(document.tasks)),
        str(result.read),
        f"{result.correct}/{result.expected}",
        percent(result.precision),
        percent(result.recall),
    ]


def corpus_table() -> None:
    catalogue = load_documents(DOCUMENTS)
    registry = load_registry(REGISTRY)
    print(header("document", "number", "issuer", "date", "form", "saved as", "script"))
    for path in default_sources():
        document = read_source(path)
        facts = catalogue.get(path.name) or default_facts(document)
        result = score(document, load_reading(READINGS / f"{path.stem}.csv"))
        cells = [
            facts.title_zh,
            facts.identifier or document.identifier or "",
            "、".join(registry.get(publisher).pref_zh for publisher in facts.publishers),
            str(issued_on(document, facts) or ""),
            document.form,
            "HTML" if path.suffix.lower() in HTML_SUFFIXES else "text",
            "traditional" if document.traditional else "simplified",
            *scored(document, result, result.expected),
        ]
        print("| " + " | ".join(cells) + " |")


def heldout_table() -> None:
    print(header("held-out document", "issuer", "form"))
    with (HELDOUT / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = {row["file"]: row for row in csv.DictReader(handle)}
    totals = [0, 0, 0]  # correct, read, expected
    for path in sorted(HELDOUT.glob("*.txt")):
        reading = load_reading(HELDOUT / "readings" / f"{path.stem}.csv")
        try:
            document: SourceDocument | None = read_source(path)
        except SourceError:
            document = None
        result = score(document, reading) if document else None
        expected = sum(reading.assignments.values())
        totals = [
            totals[0] + (result.correct if result else 0),
            totals[1] + (result.read if result else 0),
            totals[2] + expected,
        ]
        form = document.form if document else "no layout recognized"
        title = sources[path.name]["title"]
        cells = [title, sources[path.name]["issuer"], form, *scored(document, result, expected)]
        print("| " + " | ".join(cells) + " |")
    correct, read, expected = totals
    print(
        f"| all | | | | {read} | {correct}/{expected} | {percent(correct / read)} "
        f"| {percent(correct / expected)} |"
    )


if __name__ == "__main__":
    corpus_table()
    print()
    heldout_table()
