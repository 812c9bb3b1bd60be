"""One function mapped over a stream of inputs, results in input order, with a bounded number in
flight (memory stays bounded however long the stream): in this process, in a pool of processes on
this machine's cores, or on a Dask cluster (dask.bag over partitions) where one machine is not
enough."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")
AHEAD = 4  # inputs in flight per worker
PARTITION = 32  # inputs in one partition of a Dask bag
WINDOW = 64  # partitions computed at a time on a Dask cluster


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def mapped(
    function: Callable[[In], Out],
    inputs: Iterable[In],
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[Out]:
    """`function` of each input, in order: on the Dask scheduler at `scheduler` where one is
    given, else in `workers` processes (1: in this one)."""
    if scheduler:
        return on_dask(function, inputs, scheduler)
    if workers <= 1:
        return map(function, inputs)
    return in_processes(function, inputs, workers)


def in_processes(
    function: Callable[[In], Out], inputs: Iterable[In], workers: int
) -> Iterator[Out]:
    """The function is sent to each worker once, as it starts (it may carry a registry), not with
    every input."""
    pool = ProcessPoolExecutor(workers, initializer=_install, initargs=(function,))
    pending: deque[Future[Out]] = deque()
    try:
        for item in inputs:
            pending.append(pool.submit(_call, item))
            if len(pending) >= workers * AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# The function a pool's worker process applies: set once in each worker by _install
_installed: Callable[[Any], Any] | None = None


def _install(function: Callable[[Any], Any]) -> None:
    global _installed
    _installed = function


def _call(item: Any) -> Any:
    assert _installed is not None
    return _installed(item)


def on_dask(function: Callable[[In], Out], inputs: Iterable[In], scheduler: str) -> Iterator[Out]:
    """Windows of the stream as Dask bags mapped by `function` on the cluster's workers."""
    import dask.bag
    from distributed import Client

    with Client(scheduler) as client:
        for window in _batches(inputs, PARTITION * WINDOW):
            bag = dask.bag.from_sequence(window, partition_size=PARTITION).map(function)
            yield from client.compute(bag).result()


def _batches(inputs: Iterable[In], size: int) -> Iterator[list[In]]:
    stream = iter(inputs)
    while batch := list(islice(stream, size)):
        yield batch
