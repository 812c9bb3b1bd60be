"""Validation time: the fast engine against plain pyshacl (the baseline), measured in the same run.

    python bench/validate.py [--sizes real,10000,100000] [--pyshacl-max 20000]

pyshacl runs once per graph up to --pyshacl-max triples (it needs minutes at 100k); the fast engine
runs --repeat times and the best time counts. "same" says whether both reports are identical.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pyoxigraph import Store

sys.path.insert(0, str(Path(__file__).parent))

import corpus

from kg.store.dataset import load_store
from kg.validation.runner import Engine, Report, validate
from kg.validation.shacl.compare import normalized


def timed(store: Store, engine: Engine) -> tuple[float, Report]:
    start = time.perf_counter()
    report = validate(store, engine=engine)
    return time.perf_counter() - start, report


def graph(size: str) -> tuple[str, Store]:
    if size == "real":
        return "data/triples.ttl", load_store([corpus.REAL])
    return f"synthetic {int(size):,}", corpus.build(int(size))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="real,10000,100000")
    parser.add_argument("--pyshacl-max", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    header = (
        f"{'graph':<22}{'triples':>9}{'results':>9}{'pyshacl s':>11}{'fast s':>9}{'ratio':>8}  same"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes.split(","):
        name, store = graph(size)
        fast_seconds, report = min(
            (timed(store, Engine.fast) for _ in range(args.repeat)), key=lambda t: t[0]
        )
        baseline, same = "skipped", ""
        ratio = ""
        if len(store) <= args.pyshacl_max:
            seconds, reference = timed(store, Engine.pyshacl)
            baseline, ratio = f"{seconds:.3f}", f"{seconds / fast_seconds:.0f}x"
            same = "yes" if normalized(reference.results) == normalized(report.results) else "NO"
        print(
            f"{name:<22}{len(store):>9,}{len(report.results):>9}{baseline:>11}"
            f"{fast_seconds:>9.3f}{ratio:>8}  {same}"
        )


if __name__ == "__main__":
    main()
