"""Reasoning time: HermiT (through owlready2, the reference) against the rules route, measured in
the same run on the real graph and on synthetic corpora; "same" says whether both inferred the
same triples.

    python bench/reason.py [--sizes real,10000,100000] [--hermit-limit 120]

HermiT runs in a child process and is stopped at --hermit-limit seconds ("—" then says it did not
finish); the rules route runs --repeat times and the best time counts.
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue
import sys
import time
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat
from rdflib import Graph

sys.path.insert(0, str(Path(__file__).parent))

import corpus

from kg.paths import ONTOLOGY
from kg.reasoning.inferences import Inferences
from kg.reasoning.reason import Engine, load, reason


def graph(size: str) -> tuple[str, Graph]:
    if size == "real":
        return "data/triples.ttl", load([corpus.REAL])
    store = corpus.build(int(size), defect_rate=0.0)  # seeded defects would be inconsistent
    data = Graph().parse(
        data=store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()), format="nt"
    )
    return f"synthetic {len(data):,}", data


def timed(data: Graph, ontology: Graph, engine: Engine) -> tuple[float, Inferences]:
    start = time.perf_counter()
    inferences = reason(data, ontology, engine)
    return time.perf_counter() - start, inferences


def hermit_child(data: Graph, ontology: Graph, answer: multiprocessing.Queue) -> None:
    answer.put(timed(data, ontology, Engine.hermit))


def hermit(data: Graph, ontology: Graph, limit: float) -> tuple[float, Inferences] | None:
    """HermiT's time and answer, or None if it did not finish within the limit."""
    answers: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=hermit_child, args=(data, ontology, answers))
    child.start()
    try:
        return answers.get(timeout=limit)  # before join: a large answer holds the child open
    except queue.Empty:
        return None
    finally:
        child.kill()
        child.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="real,10000,100000")
    parser.add_argument("--hermit-limit", type=float, default=120.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ontology = load([ONTOLOGY])
    print("| graph | triples | HermiT s | rules s | HermiT / rules | inferred | same |")
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        name, data = graph(size)
        fast, inferred = min(
            (timed(data, ontology, Engine.rules) for _ in range(args.repeat)), key=lambda r: r[0]
        )
        reference = hermit(data, ontology, args.hermit_limit)
        if reference is None:
            cells = [
                f"> {args.hermit_limit:.0f}",
                f"{fast:.2f}",
                "—",
                str(len(inferred.triples)),
                "—",
            ]
        else:
            slow, answer = reference
            same = "yes" if answer.triples == inferred.triples else "NO"
            cells = [
                f"{slow:.2f}",
                f"{fast:.2f}",
                f"{slow / fast:.0f}x",
                str(len(inferred.triples)),
                same,
            ]
        print(f"| {name} | {len(data):,} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
