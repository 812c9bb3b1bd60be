"""The HTTP service: create_app(settings) builds the FastAPI app (SPARQL endpoint, graph store,
linked-data pages, web page), which starts its query workers when the server starts it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from tempfile import TemporaryDirectory

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response

from api import (
    examples,
    explore,
    graphstore,
    ontology_page,
    published,
    resources,
    responses,
    sandbox,
    sparql,
)
from api.access_log import AccessLog
from api.assets import Asset, Assets
from api.config import Settings
from api.context import Service
from api.dataset import initial, latest, shared_by_default
from api.executor import Executor, PoolSettings
from api.hosts import HostCheck
from api.reach import ReachPolicy
from api.security import SecurityHeaders
from api.worker import RemoteSnapshot, Served

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("policykg.app")
DESCRIPTION = """A knowledge graph of Chinese government policy task-division tables (任务分工表).

The SPARQL 1.1 endpoint is at **/sparql** (queries by GET, POST form or POST direct; the service
description on a plain GET); the routes below are the rest: the graph store, the example
questions of the web page, and the graph's own IRIs as pages and RDF."""


def create_app(settings: Settings | None = None) -> FastAPI:
    """An app serving settings.data (loaded now: a bad file raises SourceError naming it), or
    the remote store settings.remote names."""
    settings = settings or Settings()
    scratch = None
    snapshot: Served
    if settings.remote:
        if settings.writable:
            raise ValueError("a remote store is served read-only: write to it with policykg load")
        # the store's default graph is its own (the union of its graphs, as policykg loads it)
        settings = replace(settings, merged_prefix=None)
        snapshot = RemoteSnapshot(settings.remote, settings.time_limit)
    else:
        scratch = TemporaryDirectory(prefix="policykg-") if settings.store is None else None
        directory = settings.store or Path(scratch.name)  # type: ignore[union-attr]
        directory.mkdir(parents=True, exist_ok=True)
        ontology = settings.ontology if settings.ontology_graph else None
        shared = shared_by_default(settings.data) if settings.shared is None else settings.shared
        snapshot = latest(directory) or initial(directory, settings.data, ontology, shared)
    executor = Executor(PoolSettings.of(settings), snapshot, settings.validator)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await executor.start()
        try:
            yield
        finally:
            await executor.close()
            if scratch is not None:
                scratch.cleanup()

    app = FastAPI(
        title="policykg",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = Service(
        settings, executor, ontology_page.render(settings.ontology), reach=reach_policy(settings)
    )
    responses.install(app)
    app.include_router(sparql.router)
    app.include_router(graphstore.router)
    app.include_router(examples.router)
    app.include_router(explore.router)
    app.include_router(published.router)
    app.include_router(ontology_page.router)
    static = Assets(STATIC)
    pages(app, static)
    app.mount("/static", static, name="static")
    app.include_router(resources.router)
    protect(app, settings)
    return app


def reach_policy(settings: Settings) -> ReachPolicy:
    """SERVICE to the allow-list only; with none, and no remote store to reach, the workers are
    locked out of the network where the machine can do it (api.sandbox). A remote store is sent
    standard SPARQL only."""
    remote = settings.remote is not None
    offline = not settings.service_allow_list and not remote
    isolated = offline and sandbox.available()
    if offline and not isolated:
        log.warning("this machine cannot sandbox the query workers (Linux with libseccomp): "
                    "SERVICE and LOAD are refused by the parse-based check alone")  # fmt: skip
    return ReachPolicy(settings.service_allow_list, sandboxed=isolated, standard_only=remote)


def pages(app: FastAPI, static: Assets) -> None:
    """The web page, the pictures and the API documentation: files answered from memory."""
    for path, name in (("/", "index.html"), ("/explore", "explore.html"), ("/docs", "docs.html")):
        asset = static[name]

        async def page(request: Request, asset: Asset = asset) -> Response:
            return asset.response(request)

        app.add_route(path, page, methods=["GET", "HEAD"], include_in_schema=False)


def protect(app: FastAPI, settings: Settings) -> None:
    """CORS without credentials, Host headers checked, security headers, and the access log
    around everything."""
    writes = ["PUT", "DELETE"] if settings.writable else []
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_credentials=False,
        allow_methods=["GET", "HEAD", "POST", "OPTIONS", *writes],
        allow_headers=["Accept", "Content-Type", *(["Authorization"] if writes else [])],
        expose_headers=["Location", "Content-Type"],
        max_age=600,
    )
    app.add_middleware(HostCheck)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AccessLog)
