"""Running jobs in worker processes, off the event loop, each under a time limit that kills it.

A pool of worker processes (api.worker) holds the dataset. A job waits for a free worker (up to a
bounded queue, each client within its share: api.fairness), runs there, and if it passes its time
limit the worker is killed and replaced, so the CPU it was burning is freed at once; the other
workers keep serving meanwhile. A client whose jobs crash workers is refused for a while
(api.backoff). Writes are serialized and, once a worker commits one, every worker moves to the
new snapshot.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from api import worker
from api.backoff import CrashBackoff, CrashPolicy
from api.config import Settings, Validator
from api.errors import JobError
from api.fairness import FairQueue, Shares
from api.jobs import Query
from api.worker import Envelope, Holder, Served, Snapshot

log = logging.getLogger("policykg.executor")
# Workers are forked from a clean server process that has imported only the worker's own modules:
# spawning them instead re-imports the program they were started from (the whole command line),
# and forking the web server itself would copy its event loop and threads
CONTEXT = multiprocessing.get_context("forkserver")
CONTEXT.set_forkserver_preload(["api.worker"])
START_TIMEOUT = 120.0
# The answer a one-pattern query may grow to on the event loop (a few milliseconds of work)
ON_LOOP_BYTES = 256 * 1024


class TimeLimitExceeded(JobError):
    def __init__(self, limit: float):
        super().__init__(503, f"the query was stopped at this endpoint's time limit of {limit:g} s")


@dataclass(frozen=True)
class PoolSettings:
    workers: int
    shares: Shares
    crashes: CrashPolicy

    @staticmethod
    def of(settings: Settings) -> PoolSettings:
        """The pool a service's settings ask for, a client's shares filled in."""
        running = settings.max_running_per_client or max(1, settings.workers // 2)  # 0: none
        queued = settings.max_queued_per_client
        if queued is None:
            queued = max(1, settings.max_queued // 4)
        shares = Shares(running, queued, settings.max_queued, settings.queue_timeout)
        crashes = CrashPolicy(settings.crash_limit, settings.crash_window,
                              settings.crash_refusal, settings.crash_refusal_max)  # fmt: skip
        return PoolSettings(settings.workers, shares, crashes)


class WorkerProcess:
    """One worker process and the parent's end of its pipe (used from one thread at a time)."""

    def __init__(self, snapshot: Served, validator: Validator | None):
        self.connection, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(
            target=worker.serve, args=(child, snapshot, validator), daemon=True
        )
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        if not self.connection.poll(START_TIMEOUT) or self.connection.recv() != worker.READY:
            self.kill()
            raise RuntimeError("a query worker did not start")

    async def call(self, envelope: Envelope, limit: float) -> tuple[str, Any]:
        """Send a job and wait, on the event loop itself, until the answer can be read; past the
        limit, kill the worker. (Waiting in a thread instead cost about 0.45 ms a request.)"""
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        descriptor = self.connection.fileno()
        loop.add_reader(descriptor, lambda: readable.done() or readable.set_result(None))
        timed_out = False
        try:
            os.set_blocking(descriptor, True)  # uvloop's add_reader made it non-blocking
            self.connection.send(envelope)
            await asyncio.wait_for(readable, limit)
        except TimeoutError:
            timed_out = True
        finally:
            loop.remove_reader(descriptor)
            os.set_blocking(descriptor, True)
        if timed_out:
            self.kill()
            raise TimeLimitExceeded(limit)
        return self.connection.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()

    @property
    def alive(self) -> bool:
        return self.process.is_alive() and not self.connection.closed


def started(snapshot: Served, validator: Validator | None) -> WorkerProcess:
    process = WorkerProcess(snapshot, validator)
    process.wait_ready()
    return process


def answered(job: Any, status: str, value: Any) -> Any:
    """A job's value, or its failure raised as the client should see it."""
    if status == "error":
        raise value
    if status == "crash":
        log.error("job %s failed: %s", type(job).__name__, value)
        raise JobError(500, "internal error while running the request")
    return value


class Executor:
    """The pool: start() it inside the running event loop, close() it on shutdown."""

    def __init__(self, settings: PoolSettings, snapshot: Served, validator: Validator | None):
        self.settings = settings
        self.snapshot = snapshot
        self.validator = validator
        self.threads = ThreadPoolExecutor(settings.workers + 2, thread_name_prefix="query")
        self.queue: FairQueue[WorkerProcess] = FairQueue(settings.shares)
        self.crashes = CrashBackoff(settings.crashes)
        self.replacements: set[asyncio.Task] = set()
        self.write_lock = asyncio.Lock()
        self.everyone: set[WorkerProcess] = set()
        self.here = Holder(None)  # the dataset as this process reads it for run_here

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        processes = await asyncio.gather(
            *(
                loop.run_in_executor(self.threads, started, self.snapshot, self.validator)
                for _ in range(self.settings.workers)
            )
        )
        for process in processes:
            self.everyone.add(process)
            self.queue.add(process)

    async def close(self) -> None:
        for task in list(self.replacements):
            task.cancel()
        for process in list(self.everyone):
            process.kill()
        self.threads.shutdown(wait=False, cancel_futures=True)

    async def run(self, job: Any, limit: float, client: str) -> Any:
        """Run a reading job against the current snapshot, for a client (api.clients)."""
        return await self.dispatch(job, None, limit, client)

    async def write(self, job: Any, limit: float, client: str) -> Any:
        """Run a writing job; if applied and valid, it becomes the snapshot all workers see."""
        async with self.write_lock:
            assert isinstance(self.snapshot, Snapshot), "a remote store is served read-only"
            commit = self.snapshot.following()
            try:
                answer = await self.dispatch(job, commit, limit, client)
            except BaseException:
                # not answered as done, so never done: a worker killed at the time limit may
                # have written the new snapshot already, and a restart must not serve it
                commit.remove()
                raise
            self.snapshot = commit
            commit.retired().remove()
            return answer

    async def dispatch(self, job: Any, commit: Snapshot | None, limit: float, client: str) -> Any:
        self.crashes.check(client, time.monotonic())
        process = await self.queue.take(client)
        try:  # again: the client's jobs that ran while this one waited may have crashed
            self.crashes.check(client, time.monotonic())
        except JobError:
            self.queue.give_back(client, process)
            raise
        envelope = Envelope(job, self.snapshot, commit)
        start = time.perf_counter()
        try:
            status, value = await process.call(envelope, limit)
        except (TimeLimitExceeded, EOFError, OSError) as error:
            elapsed = time.perf_counter() - start
            log.warning("worker %s ended after %.3f s, running a job of %s: %r",
                        process.process.pid, elapsed, client, error)  # fmt: skip
            self.replace(process, client)
            if isinstance(error, TimeLimitExceeded):
                raise
            self.crashed(client)
            raise JobError(500, "the query worker stopped unexpectedly") from error
        except asyncio.CancelledError:  # the request went away: its answer would be left unread
            self.replace(process, client)
            raise
        self.queue.give_back(client, process)
        return answered(envelope.job, status, value)

    def crashed(self, client: str) -> None:
        """Count a worker's death (not a time limit's kill) against the client whose job it ran."""
        refusal = self.crashes.crashed(client, time.monotonic())
        if refusal:
            log.warning("queries from %s crashed query workers too often: refused for %g s",
                        client, refusal)  # fmt: skip

    async def run_here(self, job: Query, limit: float, client: str) -> Any:
        """Run a query whose work its answer bounds (one triple pattern, see
        kg.store.sparql_text.one_pattern) in this process against its own view of the snapshot:
        no worker round trip, and no kill needed. It is tried on the event loop itself with a
        small answer budget (a lookup); one that outgrows the budget goes to a thread under the
        full result size limit. A remote store's queries still go to the workers."""
        if self.snapshot.remote:
            return await self.run(job, limit, client)
        envelope = Envelope(job, self.snapshot)
        if self.here.version == self.snapshot.version:  # loaded: nothing to wait for
            small = replace(job, max_bytes=min(job.max_bytes, ON_LOOP_BYTES))
            status, value = self.here.handle(Envelope(small, self.snapshot))
            outgrown = status == "error" and value.status == 413 and job.max_bytes > ON_LOOP_BYTES
            if not outgrown:
                return answered(job, status, value)
        loop = asyncio.get_running_loop()
        status, value = await loop.run_in_executor(self.threads, self.here.handle, envelope)
        return answered(job, status, value)

    def replace(self, process: WorkerProcess, client: str) -> None:
        """Start a new worker in the background in place of one that was killed or died (the
        client's job held it: no more)."""
        self.queue.give_back(client, None)
        self.everyone.discard(process)
        if process.alive:
            process.kill()
        loop = asyncio.get_running_loop()
        task = asyncio.ensure_future(
            loop.run_in_executor(self.threads, started, self.snapshot, self.validator)
        )
        self.replacements.add(task)
        task.add_done_callback(self.replaced)

    def replaced(self, task: asyncio.Future) -> None:
        self.replacements.discard(task)
        if task.cancelled() or task.exception() is not None:
            log.error("a replacement query worker failed to start")
            return
        process = task.result()
        self.everyone.add(process)
        self.queue.add(process)
