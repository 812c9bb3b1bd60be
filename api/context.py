"""What route handlers share: the settings and the executor, kept on the app (no module state)."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.requests import Request

from api.cache import ResultCache
from api.clients import client_of
from api.config import Settings
from api.executor import Executor
from api.jobs import Statistics
from api.ontology_rdf import OntologyRdf
from api.reach import NO_SANDBOX, ReachPolicy

T = TypeVar("T")


@dataclass
class Service:
    settings: Settings
    executor: Executor
    ontology_page: str = ""  # the documentation of settings.ontology, rendered once
    ontology_rdf: OntologyRdf = field(default_factory=OntologyRdf)  # settings.ontology as RDF
    reach: ReachPolicy = NO_SANDBOX  # what SERVICE may call, and whether workers are sandboxed
    cache: ResultCache = field(default_factory=ResultCache)
    # the graphs' sizes by dataset version: counting 10M triples takes seconds
    statistics: dict[int, dict[str | None, int]] = field(default_factory=dict)

    async def counts(self, request: Request) -> dict[str | None, int]:
        """How many triples each graph holds, counted once per version of the dataset (a
        remote store's, which changes behind us, on every request)."""
        snapshot = self.executor.snapshot
        known = None if snapshot.remote else self.statistics.get(snapshot.version)
        if known is None:
            known = await self.run(request, "statistics", Statistics(), 30.0)
            self.statistics = {} if snapshot.remote else {snapshot.version: known}
        return known

    async def run(self, request: Request, operation: str, job: Any, limit: float) -> Any:
        """Run a reading job in a worker for the request's client, timed for the access log."""
        return await timed(request, operation, self.executor.run(job, limit, client_of(request)))

    async def write(self, request: Request, operation: str, job: Any) -> Any:
        """Run a writing job for the request's client, timed for the access log."""
        limit = self.settings.write_time_limit
        return await timed(request, operation, self.executor.write(job, limit, client_of(request)))

    def base(self, request: Request) -> str:
        """Where this service is reached: the configured public base, or the request's own root."""
        return self.settings.public_base or str(request.base_url)

    def endpoint(self, request: Request) -> str:
        return self.base(request) + "sparql"


def service(request: Request) -> Service:
    return request.app.state.service


async def timed(request: Request, operation: str, work: Awaitable[T]) -> T:
    """Await work in a worker and note how long it took for the access log."""
    start = time.perf_counter()
    try:
        return await work
    finally:
        request.state.query_ms = round((time.perf_counter() - start) * 1000, 2)
        request.state.operation = operation
