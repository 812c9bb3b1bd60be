"""The query worker: a process holding the dataset (its own copy in memory, the shared on-disk
store opened read-only, or a remote SPARQL store reached over HTTP) and running jobs sent to it.

Running queries in processes is what lets a time limit really stop the work: a query past its
limit is ended by killing its process (api.executor), which no thread-based engine call allows.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, Store

from api.config import Validator
from api.jobs import JobError
from api.sandbox import deny_network
from kg.files import write_atomic
from kg.store.remote import IncompleteAnswer, RemoteError
from kg.store.sparql_store import SparqlStore

READY = "ready"
# The answering thread's stack: measured, every query of up to 64 kB (30,000 nested groups,
# 20,000 chained operators) runs on 256 MB; it is address space, used only as deep as needed
STACK_BYTES = 256 * 1024 * 1024
RECURSION_LIMIT = 200_000


SUFFIXES = {False: ".nq", True: ".oxigraph"}


@dataclass(frozen=True)
class Snapshot:
    """A committed state of the dataset: its version, and the N-Quads file each worker loads into
    memory or (shared) the on-disk store every worker opens read-only, one copy for all."""

    version: int
    path: Path
    remote = False

    @staticmethod
    def at(directory: Path, version: int, shared: bool = False) -> Snapshot:
        return Snapshot(version, directory / f"dataset-{version:06d}{SUFFIXES[shared]}")

    @property
    def shared(self) -> bool:
        return self.path.suffix == SUFFIXES[True]

    def following(self) -> Snapshot:
        """Where the next committed version goes (never over a file a worker may be reading)."""
        return Snapshot.at(self.path.parent, self.version + 1, self.shared)

    def retired(self) -> Snapshot:
        """The snapshot of two versions back: no job can still be about to read it."""
        return Snapshot.at(self.path.parent, self.version - 2, self.shared)

    def remove(self) -> None:
        if self.path.is_dir():
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            self.path.unlink(missing_ok=True)

    def open(self) -> Store:
        """The snapshot's dataset: the shared store read-only, or the file loaded into memory."""
        if self.shared:
            return Store.read_only(str(self.path))
        store = Store()
        store.load(path=str(self.path), format=RdfFormat.N_QUADS)
        return store

    def commit(self, store: Store) -> None:
        """Write a store's dataset as this snapshot, whole or not at all."""
        if self.shared:
            self.create(
                lambda target: target.bulk_extend(store.quads_for_pattern(None, None, None, None))
            )
        else:
            write_atomic({self.path: store.dump(format=RdfFormat.N_QUADS)})

    def create(self, fill: Callable[[Store], None]) -> None:
        """Make this snapshot from what `fill` puts in a store: straight into the on-disk store
        when shared (no copy in memory), else in memory and then the N-Quads file."""
        if not self.shared:
            store = Store()
            fill(store)
            self.commit(store)
            return
        staging = self.path.with_name(self.path.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        target = Store(str(staging))
        fill(target)
        target.flush()
        del target
        os.replace(staging, self.path)


@dataclass(frozen=True)
class RemoteSnapshot:
    """A SPARQL store elsewhere, served read-only: nothing to load; each worker reaches it over
    HTTP, each query stopped at the time limit on both sides. It changes behind our back, so
    it has no version to cache answers by."""

    url: str
    time_limit: float
    version = 0
    remote = True

    def open(self) -> SparqlStore:
        return SparqlStore(self.url, self.time_limit)


Served = Snapshot | RemoteSnapshot


@dataclass(frozen=True)
class Envelope:
    """A job, the snapshot it must see, and for writes the snapshot a success commits as."""

    job: Any
    snapshot: Served
    commit: Snapshot | None = None


class Holder:
    """The worker's store, reloaded whenever a job asks for another snapshot."""

    def __init__(self, validator: Validator | None):
        self.validator = validator
        self.store: Store | SparqlStore = Store()
        self.version: int | None = None

    def ensure(self, snapshot: Served) -> None:
        if snapshot.version != self.version:
            self.store, self.version = snapshot.open(), snapshot.version

    def handle(self, envelope: Envelope) -> tuple[str, Any]:
        try:
            self.ensure(envelope.snapshot)
            if envelope.commit is None:
                return "ok", envelope.job.run(self.store)
            return "ok", self.write(envelope.job, envelope.commit)
        except JobError as error:
            return "error", error
        except RemoteError as error:
            return "error", remote_failure(error)
        except Exception as error:  # reported as a 500 without details; the worker lives on
            return "crash", f"{type(error).__name__}: {error}"

    def write(self, job: Any, commit: Snapshot) -> Any:
        """Apply a write, check it, and commit it as a new snapshot; on any failure forget it."""
        self.version = None
        if commit.shared:  # a read-only store: the write works on a copy in memory
            copy = Store()
            copy.bulk_extend(self.store.quads_for_pattern(None, None, None, None))
            self.store = copy
        answer = job.apply(self.store)
        if self.validator is not None:
            conforms, report = self.validator(self.store)
            if not conforms:
                raise JobError(422, report, "text/turtle; charset=utf-8")
        commit.commit(self.store)
        self.version = commit.version
        return answer


def remote_failure(error: RemoteError) -> JobError:
    """A remote store's failure as this endpoint answers it: the client's own error (a query the
    store found malformed) as 400, the store stopping at its time limit as our limit's 503, and
    anything else, a capped answer included, as 502 Bad Gateway."""
    if isinstance(error, IncompleteAnswer):
        return JobError(503 if error.timed_out else 502, str(error))
    return JobError(400 if error.status == 400 else 502, str(error))


def serve(connection: Connection, snapshot: Served, validator: Validator | None) -> None:
    """The worker process: it answers on a thread with a deep stack, so that the engine's
    recursive parser and planner follow any query that fits the request size limit instead of
    overflowing the stack (a segmentation fault at 3,000 nested groups on the usual 8 MB)."""
    threading.stack_size(STACK_BYTES)
    thread = threading.Thread(target=answer, args=(connection, snapshot, validator))
    thread.start()
    thread.join()


def answer(connection: Connection, snapshot: Served, validator: Validator | None) -> None:
    """Load, say ready, then answer jobs until the pipe closes; the first job whose policy asks
    for it locks the process out of the network for good (api.sandbox)."""
    sys.setrecursionlimit(RECURSION_LIMIT)  # the reach check's parser recurses per nesting level
    holder = Holder(validator)
    holder.ensure(snapshot)
    connection.send(READY)
    sandboxed = False
    while True:
        try:
            envelope = connection.recv()
        except (EOFError, OSError):
            return
        policy = getattr(envelope.job, "reach", None)
        if policy is not None and policy.sandboxed and not sandboxed:
            deny_network()
            sandboxed = True
        connection.send(holder.handle(envelope))
