"""What route handlers share: the settings and the executor, kept on the app (no module state)."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import TypeVar

from starlette.requests import Request

from api.cache import ResultCache
from api.config import Settings
from api.executor import Executor

T = TypeVar("T")


@dataclass
class Service:
    settings: Settings
    executor: Executor
    ontology_page: str = ""  # the documentation of settings.ontology, rendered once
    cache: ResultCache = field(default_factory=ResultCache)

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
