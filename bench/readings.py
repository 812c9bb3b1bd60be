"""How well the readers read the corpus: for each source, its form, tasks and assignments, and
precision and recall of the assignments against the reading made by hand (tests/corpus/readings).

.venv/bin/python bench/readings.py          # the table the README shows
"""

from __future__ import annotations

from pathlib import Path

from kg.build import DOCUMENTS, REGISTRY, default_sources
from kg.graph.writer import issued_on
from kg.registry.documents import default_facts, load_documents
from kg.registry.organizations import load_registry
from kg.sources.evaluation import load_reading, score
from kg.sources.read import read_source
from kg.sources.text import HTML_SUFFIXES

READINGS = Path(__file__).parent.parent / "tests" / "corpus" / "readings"
HEADER = (
    "| document | number | issuer | date | form | saved as | script | tasks | assignments "
    "| correct | precision | recall |\n|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def percent(value: float) -> str:
    return f"{value:.0%}"


def main() -> None:
    catalogue = load_documents(DOCUMENTS)
    registry = load_registry(REGISTRY)
    print(HEADER)
    for path in default_sources():
        document = read_source(path)
        facts = catalogue.get(path.name) or default_facts(document)
        reading = READINGS / f"{path.stem}.csv"
        result = score(document, load_reading(reading)) if reading.exists() else None
        issued = issued_on(document, facts)
        cells = [
            facts.title_zh,
            facts.identifier or document.identifier or "",
            registry.get(facts.publisher).pref_zh if facts.publisher else "",
            str(issued or ""),
            document.form,
            "HTML" if path.suffix.lower() in HTML_SUFFIXES else "text",
            "traditional" if document.traditional else "simplified",
            str(len(document.tasks)),
            str(result.read) if result else "",
            f"{result.correct}/{result.expected}" if result else "no reading",
            percent(result.precision) if result else "",
            percent(result.recall) if result else "",
        ]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
