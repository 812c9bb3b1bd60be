"""How well the readers read: for each source of the corpus, and each held-out document of other
cities and provinces (tests/corpus/heldout), its form, tasks and assignments, and precision and
recall of the assignments against the reading made by hand; for the held-out documents also the
bodies their names were identified as, against the keys made by hand (right, wrong, identified
where the key could not tell, unresolved), built as a new user builds them.

.venv/bin/python bench/readings.py          # the two tables the README shows
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from rdflib import Graph

from kg.build import DOCUMENTS, REGISTRY, Inputs, default_sources, graph_from
from kg.errors import SourceError
from kg.registry.documents import default_facts, issued_on, load_documents
from kg.registry.organizations import load_registry
from kg.resolution.keys import RIGHT, UNCONFIRMED, UNRESOLVED, WRONG, judged, load_key, tally
from kg.sources.evaluation import Score, load_reading, score
from kg.sources.formats.detect import HTML_SUFFIXES
from kg.sources.read import read_source
from kg.sources.records import SourceDocument

CORPUS = Path(__file__).parent.parent / "tests" / "corpus"
READINGS = CORPUS / "readings"
HELDOUT = CORPUS / "heldout"
SCORES = ("tasks", "assignments", "correct", "precision", "recall")
BODIES = ("right body", "wrong body", "unconfirmed", "unresolved")


def percent(value: float) -> str:
    return f"{value:.0%}"


def header(*columns: str, extra: tuple[str, ...] = ()) -> str:
    names = [*columns, *SCORES, *extra]
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
    print(header("held-out document", "issuer", "form", extra=BODIES))
    with (HELDOUT / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = {row["file"]: row for row in csv.DictReader(handle)}
    totals = [0, 0, 0]  # correct, read, expected
    bodies: Counter[str] = Counter()
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
        found = tally(judged(built(path), load_key(HELDOUT / "keys" / f"{path.stem}.csv")))
        bodies += found
        cells = [title, sources[path.name]["issuer"], form, *scored(document, result, expected)]
        cells += [str(found[verdict]) for verdict in VERDICTS]
        print("| " + " | ".join(cells) + " |")
    correct, read, expected = totals
    print(
        f"| all | | | | {read} | {correct}/{expected} | {percent(correct / read)} "
        f"| {percent(correct / expected)} | " + " | ".join(str(bodies[v]) for v in VERDICTS) + " |"
    )


VERDICTS = (RIGHT, WRONG, UNCONFIRMED, UNRESOLVED)


def built(path: Path) -> Graph:
    """A held-out document's graph as a new user builds it: bodies by rule too, its government
    from the held-out catalogue where its text does not say."""
    return graph_from(Inputs([path], documents=HELDOUT / "catalogue.csv", strict=False))


if __name__ == "__main__":
    corpus_table()
    print()
    heldout_table()
