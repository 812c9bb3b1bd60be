"""The SPARQL 1.1 Graph Store HTTP Protocol at /store: GET and HEAD for everyone; PUT, POST and
DELETE only with the update token, each write checked before it is committed."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from pyoxigraph import NamedNode
from starlette.datastructures import UploadFile
from starlette.responses import Response

from api.context import Service, service
from api.jobs import Payload, ReadGraph, WriteGraph
from api.negotiation import GRAPH_FORMATS, RDF_READERS, negotiate
from api.protocol import ProtocolError, body_bytes, media_type
from api.responses import answer
from api.security import require_writer

router = APIRouter(tags=["Graph Store Protocol"])
METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]
MISSING = object()
DESCRIPTION = """Graph Store Protocol (SPARQL 1.1). Name the graph with `?default` or
`?graph=IRI` on /store, or by the URL itself under /store/ (direct identification). GET and HEAD
answer in Turtle, N-Triples, RDF/XML or JSON-LD by the Accept header. PUT (replace), POST (merge;
on /store alone it creates a graph and answers its IRI in Location) and DELETE need the
operator's token (`Authorization: Bearer ...`); a write that breaks the SHACL shapes is refused
with 422 and the validation report."""


@router.api_route("/store", methods=METHODS, description=DESCRIPTION)
async def indirect(request: Request) -> Response:
    """Graph Store Protocol with the graph named by a query parameter."""
    return await handle(request, named(request))


@router.api_route("/store/{path:path}", methods=METHODS, description=DESCRIPTION)
async def direct(request: Request, path: str) -> Response:
    """Graph Store Protocol with the graph named by this URL."""
    return await handle(request, service(request).base(request) + "store/" + path)


def named(request: Request) -> object:
    """The graph a query string names: None for ?default, an IRI for ?graph=, else MISSING."""
    params = request.query_params.multi_items()
    defaults = [value for key, value in params if key == "default"]
    graphs = [value for key, value in params if key == "graph"]
    if len(defaults) + len(graphs) > 1:
        raise ProtocolError(400, "name one graph: either ?default or one ?graph=IRI")
    if defaults:
        return None
    if graphs:
        try:
            return NamedNode(graphs[0]).value
        except ValueError:
            raise ProtocolError(400, f"the graph must be an absolute IRI: {graphs[0]!r}") from None
    return MISSING


async def handle(request: Request, graph: object) -> Response:
    context = service(request)
    if request.method in ("GET", "HEAD"):
        return await read(request, context, graph)
    require_writer(request, context.settings)
    location = None
    if graph is MISSING:
        if request.method != "POST":
            raise ProtocolError(400, "name the graph with ?default or ?graph=IRI")
        graph = location = context.base(request) + "store/" + uuid.uuid4().hex
    payloads = () if request.method == "DELETE" else await read_payloads(request, context)
    job = WriteGraph(request.method, graph, payloads, graph or str(request.url), location)  # type: ignore[arg-type]
    return answer(await context.write(request, f"graph {request.method}", job))


async def read(request: Request, context: Service, graph: object) -> Response:
    if graph is MISSING:
        raise ProtocolError(400, "name the graph with ?default or ?graph=IRI")
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS)
    if fmt is None:
        offered = ", ".join(f.media_type for f in GRAPH_FORMATS)
        raise ProtocolError(406, f"graphs are served as {offered}")
    job = ReadGraph(graph, fmt.name, context.settings.max_result_bytes)  # type: ignore[arg-type]
    result = await context.run(request, "graph GET", job, context.settings.time_limit)
    return answer(result, head=request.method == "HEAD")


async def read_payloads(request: Request, context: Service) -> tuple[Payload, ...]:
    """The RDF sent: the body, or each file of a multipart/form-data body."""
    limit = context.settings.max_upload_bytes
    kind, _ = media_type(request.headers)
    if kind == "multipart/form-data":
        form = await request.form(max_files=100, max_fields=100)
        parts = [part for _, part in form.multi_items() if isinstance(part, UploadFile)]
        payloads = [payload(part.content_type, await part.read()) for part in parts]
        if sum(len(p.data) for p in payloads) > limit:
            raise ProtocolError(
                413, f"the upload is larger than this endpoint's limit of {limit} bytes"
            )
        return tuple(payloads)
    return (payload(request.headers.get("content-type"), await body_bytes(request, limit)),)


def payload(content_type: str | None, data: bytes) -> Payload:
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind not in RDF_READERS:
        accepted = ", ".join(sorted(RDF_READERS))
        raise ProtocolError(
            415, f"cannot read RDF sent as {kind or 'no media type'}; send one of {accepted}"
        )
    return Payload(data, kind)
