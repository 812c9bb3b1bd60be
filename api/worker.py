"""The query worker: a process holding its own copy of the dataset and running jobs sent to it.

Running queries in processes is what lets a time limit really stop the work: a query past its
limit is ended by killing its process (api.executor), which no thread-based engine call allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, Store

from api.config import Validator
from api.jobs import JobError
from kg.files import write_atomic

READY = "ready"


@dataclass(frozen=True)
class Snapshot:
    """A committed state of the dataset: its version and the N-Quads file holding it."""

    version: int
    path: Path

    @staticmethod
    def at(directory: Path, version: int) -> Snapshot:
        return Snapshot(version, directory / f"dataset-{version:06d}.nq")

    def following(self) -> Snapshot:
        """Where the next committed version goes (never over a file a worker may be reading)."""
        return Snapshot.at(self.path.parent, self.version + 1)

    def retired(self) -> Path:
        """The file of two versions back: no job can still be about to read it."""
        return Snapshot.at(self.path.parent, self.version - 2).path


@dataclass(frozen=True)
class Envelope:
    """A job, the snapshot it must see, and for writes the snapshot a success commits as."""

    job: Any
    snapshot: Snapshot
    commit: Snapshot | None = None


class Holder:
    """The worker's store, reloaded whenever a job asks for another snapshot."""

    def __init__(self, validator: Validator | None):
        self.validator = validator
        self.store = Store()
        self.version: int | None = None

    def ensure(self, snapshot: Snapshot) -> None:
        if snapshot.version != self.version:
            store = Store()
            store.load(path=str(snapshot.path), format=RdfFormat.N_QUADS)
            self.store, self.version = store, snapshot.version

    def handle(self, envelope: Envelope) -> tuple[str, Any]:
        try:
            self.ensure(envelope.snapshot)
            if envelope.commit is None:
                return "ok", envelope.job.run(self.store)
            return "ok", self.write(envelope.job, envelope.commit)
        except JobError as error:
            return "error", error
        except Exception as error:  # reported as a 500 without details; the worker lives on
            return "crash", f"{type(error).__name__}: {error}"

    def write(self, job: Any, commit: Snapshot) -> Any:
        """Apply a write, check it, and commit it as a new snapshot; on any failure forget it."""
        self.version = None
        answer = job.apply(self.store)
        if self.validator is not None:
            conforms, report = self.validator(self.store)
            if not conforms:
                raise JobError(422, report, "text/turtle; charset=utf-8")
        write_atomic({commit.path: self.store.dump(format=RdfFormat.N_QUADS)})
        self.version = commit.version
        return answer


def serve(connection: Connection, snapshot: Snapshot, validator: Validator | None) -> None:
    """The worker process's main loop: load, say ready, then answer jobs until the pipe closes."""
    holder = Holder(validator)
    holder.ensure(snapshot)
    connection.send(READY)
    while True:
        try:
            envelope = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(holder.handle(envelope))
