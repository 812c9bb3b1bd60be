"""The explore page's network as a file: /explore/network.graphml, .gexf and .csv (an edge list),
filtered by the page's filters, made off the event loop in a query worker (api.network_file)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from api.context import service
from api.network_file import NetworkFile
from api.responses import answer
from kg.network import Filters, NetworkFormat

router = APIRouter(tags=["Web page"])
TIME_LIMIT = 30.0  # seconds: the network reads every assignment, like the dumps


@router.get("/explore/network.{fmt}")
async def network(
    request: Request,
    fmt: NetworkFormat,
    document: str | None = Query(None, description="A document's IRI"),
    theme: str | None = Query(None, description="A theme's label"),
    role: str | None = Query(None, description="lead or cooperating"),
    government: str | None = Query(
        None, description="A place's GB/T 2260 code or a government's IRI"
    ),
    level: str | None = Query(None, description="central, provincial, municipal or district"),
    year: str | None = Query(None, description="The year the documents were issued"),
) -> Response:
    """The collaboration network of bodies (two are tied where they share a task) as GraphML or
    GEXF (Gephi, NetworkX, igraph) or a CSV edge list; the filters are the explore page's."""
    context = service(request)
    filters = Filters(document or None, theme or None, role or None, government or None,
                      level or None, year or None)  # fmt: skip
    job = NetworkFile(fmt, filters, context.settings.merged_prefix)
    return answer(await context.run(request, "network", job, TIME_LIMIT))
