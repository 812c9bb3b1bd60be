"""A job that kills its worker process, as a query that crashes the engine would (the workers
unpickle it from here: tests/security is on the path of the fork server they start from)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from pyoxigraph import Store


@dataclass(frozen=True)
class Crash:
    """Ends its worker at once, no answer, no cleanup (os._exit); with crash=False it answers
    instead, which shows the worker could load it."""

    crash: bool = True

    def run(self, store: Store) -> str:
        if self.crash:
            os._exit(70)
        return "not crashed"
