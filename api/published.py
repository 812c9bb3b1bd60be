"""What a publisher offers beside the endpoint: the VoID/DCAT description at /.well-known/void
and the dumps it lists under /dumps/, made from the served dataset by the query workers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.context import Service, service
from api.negotiation import GRAPH_FORMATS, negotiate
from api.protocol import ProtocolError
from api.publication import Description, DumpFile
from api.responses import answer

router = APIRouter(tags=["Publishing"])


@router.get("/.well-known/void")
async def void(request: Request) -> Response:
    """The VoID and DCAT description: sizes, classes, one subset per named graph, the license,
    the sources, the SPARQL endpoint and the dumps (Turtle by default)."""
    context = service(request)
    local_only(context)
    fmt = negotiate(request.headers.get("accept"), GRAPH_FORMATS)
    if fmt is None:
        raise ProtocolError(406, "the description is RDF: accept Turtle, N-Triples, JSON-LD, ...")
    job = Description(context.base(request), context.endpoint(request), fmt.name)
    return answer(await context.run(request, "void", job, 30.0))


@router.get("/dumps/{file}")
async def dump(request: Request, file: str) -> Response:
    """A dump of one named graph (Turtle, N-Triples or JSON-LD), or of all of them (N-Quads)."""
    context = service(request)
    local_only(context)
    return answer(await context.run(request, "dump", DumpFile(file), 60.0))


def local_only(context: Service) -> None:
    """The description and dumps read every quad: made where the data is, not over HTTP."""
    if context.executor.snapshot.remote:
        raise ProtocolError(
            404, "this service reads a remote store: its description and dumps are made where "
            "the data is built (policykg publish)",
        )  # fmt: skip
