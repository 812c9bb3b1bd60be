"""What a publisher offers beside the endpoint: the VoID/DCAT description at /.well-known/void
and the dumps it lists under /dumps/, made from the served dataset by the query workers."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from pyoxigraph import RdfFormat, Store, serialize
from starlette.responses import Response

from api.context import Service, service, timed
from api.jobs import Answer, JobError
from api.negotiation import GRAPH_FORMATS, negotiate
from api.protocol import ProtocolError
from api.responses import answer
from kg.publish.describe import DESCRIPTION_PREFIXES, describe, planned_dumps
from kg.publish.dumps import dump_bytes
from kg.publish.partition import partition
from kg.store.results import GRAPH_WRITERS

router = APIRouter(tags=["Publishing"])


@dataclass(frozen=True)
class Description:
    """The VoID/DCAT description of the served dataset, in an RDF format."""

    base: str
    endpoint: str
    graph_format: str

    def run(self, store: Store) -> Answer:
        graphs = partition(store)
        dumps = planned_dumps(list(graphs))
        triples = sorted(describe(store, graphs, self.base, dumps, self.endpoint), key=str)
        fmt = next(f for f in GRAPH_FORMATS if f.name == self.graph_format)
        writer = GRAPH_WRITERS[fmt.name]
        prefixes = None if writer == RdfFormat.N_TRIPLES else DESCRIPTION_PREFIXES
        return Answer(serialize(triples, format=writer, prefixes=prefixes), fmt.content_type)


@dataclass(frozen=True)
class DumpFile:
    """One of the dumps the description lists, gzip-compressed."""

    file: str

    def run(self, store: Store) -> Answer:
        graphs = partition(store)
        dump = next((d for d in planned_dumps(list(graphs)) if d.file == self.file), None)
        if dump is None:
            raise JobError(404, f"no dump named {self.file!r}; /.well-known/void lists them")
        headers = (("Content-Disposition", f'attachment; filename="{dump.file}"'),)
        return Answer(dump_bytes(graphs, dump), "application/gzip", headers=headers)


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
    return answer(await timed(request, "void", context.executor.run(job, 30.0)))


@router.get("/dumps/{file}")
async def dump(request: Request, file: str) -> Response:
    """A dump of one named graph (Turtle, N-Triples or JSON-LD), or of all of them (N-Quads)."""
    context = service(request)
    local_only(context)
    return answer(await timed(request, "dump", context.executor.run(DumpFile(file), 60.0)))


def local_only(context: Service) -> None:
    """The description and dumps read every quad: made where the data is, not over HTTP."""
    if context.executor.snapshot.remote:
        raise ProtocolError(
            404, "this service reads a remote store: its description and dumps are made where "
            "the data is built (policykg publish)",
        )  # fmt: skip
