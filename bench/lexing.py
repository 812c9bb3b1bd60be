"""The SPARQL lexer (kg/store/sparql_text.py: `unescape` then `tokenize`) on adversarial text: each
pattern repeated to 16 kB and to 64 kB (the endpoint's request limit), best of 5 timings of
tokenize(unescape(text)). A linear lexer takes about 4 times as long on 64 kB as on 16 kB; a
quadratic one 16 times. The named native baseline, measured in the same run: `str.split()` of the
realistic 64 kB query (C, one pass). Exits non-zero when a 64 kB text takes 250 ms or more, or a
ratio is 8 or more (generous bounds: a quadratic pattern is far past both).

    .venv/bin/python bench/lexing.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.store.sparql_text import tokenize, unescape  # noqa: E402

SMALL, LARGE = 16 * 1024, 64 * 1024
LIMIT_MS, LIMIT_RATIO = 250.0, 8.0
# What each adversarial pattern aims at: an unclosed string full of escaped quotes, long
# strings, IRIs never closed, name runs split into words, broken and valid codepoint escapes,
# brackets, dots, numbers and comments.
PATTERNS = ("'\\'", '"\\"', "'", "'''\\", "a.", "<a", "a-", "?a.", "\\u00", "\\u0053", "(",
            "{}", ".", "1.", "#\n")  # fmt: skip
REALISTIC = "realistic query (triple patterns)"
BASELINE = "str.split() of the realistic query (baseline)"
PROLOGUE = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?task ?label WHERE {
"""
TRIPLES = """  ?task{n} a pkg:Task ; dcterms:description ?d{n} ; pkg:leadUnit ?lead{n} .
  ?lead{n} rdfs:label "工业和信息化部"@zh ; <https://w3id.org/policykg/ontology#code> "{n}" .
  OPTIONAL {{ ?task{n} pkg:deadline ?deadline{n} FILTER(?deadline{n} > "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date>) }}
"""  # noqa: E501


@dataclass
class Row:
    name: str
    small_ms: float
    large_ms: float

    @property
    def ratio(self) -> float:
        return self.large_ms / self.small_ms if self.small_ms else float("inf")


def repeated(pattern: str, size: int) -> str:
    """The pattern repeated to exactly `size` characters (the last repetition cut)."""
    return (pattern * (size // len(pattern) + 1))[:size]


def label(pattern: str) -> str:
    return "`#` + newline" if pattern == "#\n" else f"`{pattern}`"


def realistic(size: int) -> str:
    """A query of many triple patterns (strings, IRIs, prefixed names, filters) of about `size`
    UTF-8 bytes, closed."""
    parts, length, number = [PROLOGUE], len(PROLOGUE.encode()), 0
    closing = "} LIMIT 100\n"
    while True:
        block = TRIPLES.format(n=number)
        if length + len(block.encode()) + len(closing) > size:
            break
        parts.append(block)
        length += len(block.encode())
        number += 1
    return "".join(parts) + closing


def best_ms(work: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in ms."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def lex(text: str) -> Callable[[], object]:
    return lambda: tokenize(unescape(text))


def measure(repeat: int) -> list[Row]:
    rows = [
        Row(label(p), best_ms(lex(repeated(p, SMALL)), repeat),
            best_ms(lex(repeated(p, LARGE)), repeat))
        for p in PATTERNS
    ]  # fmt: skip
    small, large = realistic(SMALL), realistic(LARGE)
    rows.append(Row(REALISTIC, best_ms(lex(small), repeat), best_ms(lex(large), repeat)))
    rows.append(Row(BASELINE, best_ms(small.split, repeat), best_ms(large.split, repeat)))
    return rows


def table(rows: list[Row]) -> list[str]:
    baseline = rows[-1].large_ms
    lines = [
        "| pattern | ms at 16 kB | ms at 64 kB | 64 kB / 16 kB | 64 kB ÷ str.split() |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        times = f"{row.large_ms / baseline:,.0f}" if baseline else ""
        lines.append(
            f"| {row.name} | {row.small_ms:.2f} | {row.large_ms:.2f} | {row.ratio:.2f} | {times} |"
        )
    return lines


def failures(rows: list[Row]) -> list[str]:
    """The patterns past the bounds (the baseline is not judged)."""
    found = []
    for row in rows[:-1]:
        if row.large_ms >= LIMIT_MS:
            found.append(f"{row.name}: {row.large_ms:.1f} ms at 64 kB (bound {LIMIT_MS:g} ms)")
        if row.ratio >= LIMIT_RATIO:
            found.append(f"{row.name}: ratio {row.ratio:.1f} (bound {LIMIT_RATIO:g})")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="timings per cell (the best kept)")
    arguments = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}); another load "
        f"may be running (load average {os.getloadavg()[0]:.2f}); best of {arguments.repeat}\n"
    )
    rows = measure(arguments.repeat)
    print("\n".join(table(rows)))
    failed = failures(rows)
    if failed:
        print("\nFAILED:\n" + "\n".join(f"- {line}" for line in failed))
        sys.exit(1)
    print(f"\nall within bounds: every 64 kB text under {LIMIT_MS:g} ms, every ratio under "
          f"{LIMIT_RATIO:g}")  # fmt: skip


if __name__ == "__main__":
    main()
