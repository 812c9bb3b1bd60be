"""An executor with real worker processes over a small dataset, for tests inside one event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, Store

from api.config import Settings
from api.executor import Executor, PoolSettings
from api.jobs import Query
from api.worker import Snapshot

# Runs until its time limit over a few hundred triples (300^4 rows to count); a long limit keeps
# it running for the whole test
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
LONG = 120.0


def fill(store: Store) -> None:
    """300 triples."""
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.extend(
        Quad(NamedNode(f"https://example.org/thing/{n}"), label, Literal(f"thing {n}"))
        for n in range(300)
    )


def query(text: str) -> Query:
    return Query(text, None, {}, "json", None, 1 << 20)


@asynccontextmanager
async def small_pool(directory: Path, settings: Settings) -> AsyncIterator[Executor]:
    """An executor started over the 300 triples (an N-Quads snapshot in directory); on exit its
    workers, replacements included, are stopped."""
    snapshot = Snapshot.at(directory, 1)
    snapshot.create(fill)
    executor = Executor(PoolSettings.of(settings), snapshot, None)
    await executor.start()
    try:
        yield executor
    finally:
        while executor.replacements:  # let them start, so that close stops them too
            await asyncio.gather(*executor.replacements, return_exceptions=True)
        await executor.close()


async def until(condition: Callable[[], bool]) -> None:
    """Wait, giving the event loop its turns, until the executor's state meets a condition."""
    while not condition():
        await asyncio.sleep(0.01)


async def cancel(tasks: list[asyncio.Task]) -> None:
    """Cancel jobs still running or waiting (their workers are replaced) and wait until they end."""
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
