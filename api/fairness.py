"""Sharing the query workers between clients: none holds more than its share at once, and a worker
that frees goes to the waiting client that holds the fewest (not simply to the first in line), so
one client's runaway queries cannot keep every other client waiting until the time limit."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter, deque
from dataclasses import dataclass
from typing import Generic, TypeVar

from api.errors import JobError

T = TypeVar("T")


class Busy(JobError):
    """Every worker is taken and the queue is full (or waited on too long): 503."""

    def __init__(self, message: str):
        super().__init__(503, message)


class OverShare(JobError):
    """The client already has its share of the queue waiting: 429, the client's own excess (the
    server is not full, unlike Busy's 503)."""

    def __init__(self, message: str):
        super().__init__(429, message, headers={"Retry-After": "1"})


@dataclass(frozen=True)
class Shares:
    """What one client may take (workers at once, jobs waiting) and the whole queue's bounds."""

    running: int
    queued: int
    max_queued: int
    timeout: float  # the longest a job waits for a worker


@dataclass
class Waiter:
    """A job waiting for a worker: its place in line and where the worker is handed to it."""

    order: int
    granted: asyncio.Future


class FairQueue(Generic[T]):
    """The free workers and the jobs waiting for one, by client (state bounded by the jobs in
    flight: a client's entries go once it holds and awaits nothing)."""

    def __init__(self, shares: Shares):
        self.shares = shares
        self.idle: deque[T] = deque()
        self.running: Counter[str] = Counter()  # workers held, by client
        self.waiting: dict[str, deque[Waiter]] = {}
        self.arrivals = itertools.count()

    @property
    def queued(self) -> int:
        return sum(len(line) for line in self.waiting.values())

    def add(self, worker: T) -> None:
        """A worker no client holds (new, or started in place of one that died) is free."""
        self.idle.append(worker)
        self.hand_out()

    def give_back(self, client: str, worker: T | None) -> None:
        """A client's job is done with its worker: free again, or None when it was killed."""
        self.running[client] -= 1
        if self.running[client] <= 0:
            del self.running[client]
        if worker is not None:
            self.idle.append(worker)
        self.hand_out()

    async def take(self, client: str) -> T:
        """A worker for one of the client's jobs, at once or once its turn comes; Busy when the
        queue is full or the wait too long, OverShare when its own share of the queue is."""
        if self.idle and self.running[client] < self.shares.running:
            self.running[client] += 1
            return self.idle.popleft()
        line = self.waiting.get(client, ())
        if len(line) >= self.shares.queued:
            raise OverShare(
                f"this client already has {self.running[client]} queries running and "
                f"{len(line)} waiting, its share of this endpoint; send more once they are answered"
            )
        queued = self.queued
        if queued >= self.shares.max_queued:
            raise Busy(
                f"too many concurrent queries: {self.running.total()} running and {queued} "
                "waiting; try again shortly"
            )
        waiter = Waiter(next(self.arrivals), asyncio.get_running_loop().create_future())
        self.waiting.setdefault(client, deque()).append(waiter)
        try:
            async with asyncio.timeout(self.shares.timeout):
                return await waiter.granted
        except BaseException as error:
            self.withdraw(client, waiter)
            if isinstance(error, TimeoutError):
                raise Busy(
                    f"no query worker became free within {self.shares.timeout:g} s; "
                    "try again shortly"
                ) from None
            raise

    def withdraw(self, client: str, waiter: Waiter) -> None:
        """A waiter gave up (timed out, or its request went away): out of line, and a worker
        handed to it in the meantime goes back."""
        if waiter.granted.done() and not waiter.granted.cancelled():
            self.give_back(client, waiter.granted.result())
            return
        line = self.waiting.get(client)
        if line is not None and waiter in line:
            line.remove(waiter)
            if not line:
                del self.waiting[client]

    def hand_out(self) -> None:
        """Give free workers to waiting jobs: each to the client holding the fewest, among those
        under their share (the longest waiting among equals)."""
        while self.idle:
            eligible = [
                (self.running[client], line[0].order, client)
                for client, line in self.waiting.items()
                if self.running[client] < self.shares.running
            ]
            if not eligible:
                return
            client = min(eligible)[2]
            line = self.waiting[client]
            waiter = line.popleft()
            if not line:
                del self.waiting[client]
            if waiter.granted.done():  # cancelled, about to withdraw
                continue
            self.running[client] += 1
            waiter.granted.set_result(self.idle.popleft())
