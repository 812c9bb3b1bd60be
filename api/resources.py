"""Dereferencing the IRIs the graph mints: /doc/..., /org/..., ... as HTML, Turtle or JSON-LD.

A request path under this service's base maps to the IRI with the same path under the graph's
namespace (by default https://w3id.org/policykg/), so the graph resolves wherever it is deployed.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, Response

from api import pages
from api.context import Service, service
from api.negotiation import GRAPH_FORMATS, HTML, negotiate
from api.protocol import ProtocolError
from api.responses import answer
from api.views import Describe, Look
from kg.graph.iris import segment

router = APIRouter(tags=["Linked data"])
OFFERS = (HTML, *GRAPH_FORMATS)
FORMAT_NAMES = {fmt.name: fmt for fmt in OFFERS}


@router.api_route("/{path:path}", methods=["GET", "HEAD"])
async def resource(
    request: Request,
    path: str,
    format: str | None = Query(None, description="html, turtle, jsonld, ntriples or rdfxml"),
) -> Response:
    """A resource of the graph: an HTML page (its labels, its relations as links and the source
    line it came from) or its triples in Turtle, JSON-LD, N-Triples or RDF/XML, chosen by the
    Accept header or ?format=."""
    context = service(request)
    # the path arrives decoded; minted IRIs percent-encode their segments (unresolved/市留交办)
    iri = context.settings.graph_base + "/".join(segment(part) for part in path.split("/"))
    fmt = chosen(request, format)
    headers = {"Vary": "Accept"}
    if fmt == HTML:
        look = Look(iri, context.settings.sources)
        view = await context.run(request, "page", look, context.settings.time_limit)
        body = pages.page(view, linker(request, context), context.settings.prefixes)
        return HTMLResponse("" if request.method == "HEAD" else body, headers=headers)
    job = Describe(iri, fmt.name, context.settings.max_result_bytes, context.settings.prefixes)
    result = await context.run(request, "describe", job, context.settings.time_limit)
    response = answer(result, head=request.method == "HEAD")
    response.headers.update(headers)
    return response


def chosen(request: Request, name: str | None):
    if name is not None:
        if name not in FORMAT_NAMES:
            raise ProtocolError(
                400, f"unknown format {name!r}; use one of {', '.join(FORMAT_NAMES)}"
            )
        return FORMAT_NAMES[name]
    fmt = negotiate(request.headers.get("accept"), OFFERS)
    if fmt is None:
        offered = ", ".join(f.media_type for f in OFFERS)
        raise ProtocolError(406, f"resources are served as {offered}")
    return fmt


def linker(request: Request, context: Service) -> pages.Link:
    """Links to the graph's own IRIs stay on this service; other IRIs are linked as they are."""
    base, namespace = context.base(request), context.settings.graph_base

    def link(iri: str) -> str:
        return base + iri[len(namespace) :] if iri.startswith(namespace) else iri

    return link
