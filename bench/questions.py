"""Time the build and the README questions: pyoxigraph against rdflib (the baseline), one run.

.venv/bin/python bench/questions.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from rdflib import Graph

from kg import build as pipeline
from kg.graph.iris import PREFIXES
from kg.graph.turtle import serialize
from kg.questions import load_questions
from kg.store.dataset import load_store
from kg.store.query import run


def seconds(work: Callable[[], object], repeat: int) -> float:
    """The median wall time of `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rows(label: str, baseline: float, ours: float) -> str:
    return f"{label:<48} {baseline * 1000:>12.2f} {ours * 1000:>12.2f} {baseline / ours:>8.1f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    inputs = pipeline.corpus_inputs()
    graph = pipeline.graph_from(inputs)
    store = load_store([pipeline.TRIPLES])
    rdflib_graph = Graph().parse(pipeline.TRIPLES)
    print(f"{len(graph)} triples, median of {repeat} runs (ms)")
    print(f"{'work':<48} {'baseline':>12} {'policykg':>12} {'ratio':>9}")
    print(rows(
        "serialize (rdflib turtle | ours)",
        seconds(lambda: graph.serialize(format="turtle"), repeat),
        seconds(lambda: serialize(graph), repeat),
    ))  # fmt: skip
    print(rows(
        "load (rdflib | pyoxigraph)",
        seconds(lambda: Graph().parse(pipeline.TRIPLES), repeat),
        seconds(lambda: load_store([pipeline.TRIPLES]), repeat),
    ))  # fmt: skip
    for question in load_questions():
        text = question.query
        print(rows(
            f"query {question.id} (rdflib | oxigraph)",
            seconds(lambda t=text: list(rdflib_graph.query(t, initNs=PREFIXES)), repeat),
            seconds(lambda t=text: list(run(store, t)), repeat),
        ))  # fmt: skip
    build = seconds(lambda: serialize(pipeline.graph_from(inputs)), repeat)
    print(f"full build (extract + graph + serialize): {build * 1000:.1f} ms")


if __name__ == "__main__":
    main()
