"""Refusing a client whose queries crash the query workers: after a few crashes within a window its
queries are refused for a while, twice as long after each further crash, so the cost of a query
that kills its worker (a restart, and the queries that wait meanwhile) falls on its client."""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from dataclasses import dataclass

from api.errors import JobError

CLIENTS = 4096  # the clients remembered: the least recently crashing are forgotten first


@dataclass(frozen=True)
class CrashPolicy:
    limit: int  # this many crashes within the window and the client is refused
    window: float
    refusal: float  # the first refusal's seconds, doubled for each further crash
    longest: float


class CrashedTooOften(JobError):
    """The client's queries crashed workers too often: 429, and when to try again."""

    def __init__(self, client: str, crashes: int, wait: float):
        seconds = math.ceil(wait)
        super().__init__(
            429,
            f"queries from {client} have crashed the query worker {crashes} times; they are "
            f"refused for {seconds} s more, and each further crash doubles that",
            headers={"Retry-After": str(seconds)},
        )


@dataclass
class Record:
    """A client's recent crashes and refusals."""

    times: deque[float]  # the latest crashes, at most the policy's limit
    refusal: float  # how long the next refusal lasts
    crashes: int = 0  # since it was last forgiven
    until: float = 0.0  # refused until then


class CrashBackoff:
    """Crashes counted by client, in a bounded LRU; a client is forgiven after a window with no
    crash and no refusal. Times are the caller's (a monotonic clock)."""

    def __init__(self, policy: CrashPolicy):
        self.policy = policy
        self.records: OrderedDict[str, Record] = OrderedDict()

    def check(self, client: str, now: float) -> None:
        """Raise CrashedTooOften if the client is refused at this moment."""
        record = self.records.get(client)
        if record is not None and record.until > now:
            raise CrashedTooOften(client, record.crashes, record.until - now)

    def crashed(self, client: str, now: float) -> float:
        """Count a crash; the seconds the client is now refused for (0: not refused)."""
        record = self.records.pop(client, None)
        if record is None or max(record.times[-1], record.until) + self.policy.window < now:
            record = Record(deque(maxlen=self.policy.limit), self.policy.refusal)
        record.times.append(now)
        record.crashes += 1
        refusal = 0.0
        if len(record.times) == self.policy.limit and now - record.times[0] <= self.policy.window:
            refusal = min(self.policy.longest, record.refusal)
            record.refusal = 2 * refusal
            record.until = now + refusal
        self.records[client] = record
        if len(self.records) > CLIENTS:
            self.records.popitem(last=False)
        return refusal
