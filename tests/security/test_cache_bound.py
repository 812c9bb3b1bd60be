"""The answer cache stays within its configured bound under distinct long queries: its keys are
digests, not the query texts (1,000 distinct 60 kB queries once kept 58 MB alive)."""

from __future__ import annotations

import tracemalloc

from api.cache import ResultCache, key_of
from api.jobs import Answer, Query

LIMIT = 1024 * 1024


def job(number: int) -> Query:
    text = f"ASK {{ <urn:x:{number}> ?p ?o }} #" + "x" * 60_000
    return Query(text, "http://127.0.0.1/sparql", {}, "json", None, 1 << 20)


def test_distinct_long_queries_keep_the_cache_within_its_bound() -> None:
    cache = ResultCache(limit=LIMIT)
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for number in range(1_000):
            cache.put(key_of(1, job(number)), Answer(b'{"boolean": false}', "application/json"))
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert cache.size <= LIMIT
    assert after - before < 2 * LIMIT, f"{(after - before) / 1e6:.1f} MB kept for a 1 MB cache"
    assert len(cache.entries) == 1_000  # small answers: all kept, at their bookkeeping's cost


def test_the_bookkeeping_counts_so_tiny_answers_are_bounded_too() -> None:
    cache = ResultCache(limit=64 * 1024)
    for number in range(10_000):
        cache.put(key_of(1, job(number)), Answer(b"", "text/plain"))
    assert 0 < len(cache.entries) <= 64 * 1024 // 512
