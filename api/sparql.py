"""The /sparql endpoint: SPARQL 1.1 Protocol queries and updates, and the service description."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Request
from pyoxigraph import serialize
from starlette.responses import RedirectResponse, Response

from api import service_description
from api.cache import etag, key_of, matches
from api.clients import client_of
from api.context import Service, service, timed
from api.jobs import Answer, Query, Update
from api.negotiation import (
    GRAPH_FORMATS,
    HTML,
    RESULT_FORMATS,
    negotiate,
)
from api.protocol import ProtocolError, QueryOperation, UpdateOperation, read_operation
from api.responses import answer
from api.security import require_writer
from kg.store.reach import may_reach
from kg.store.results import GRAPH_WRITERS
from kg.store.sparql_text import (
    SparqlTextError,
    has_dataset_clause,
    nesting,
    one_pattern,
    query_form,
    with_using,
)

router = APIRouter()


async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: query by GET, POST form or POST direct; update by POST."""
    context = service(request)
    limit = context.settings.max_query_bytes
    found = await read_operation(request, limit)
    if found is None:
        return await description(request, context)
    text = found.query if isinstance(found, QueryOperation) else found.update
    if len(text.encode("utf-8")) > limit:
        raise ProtocolError(
            413, f"the request is larger than this endpoint's limit of {limit} bytes"
        )
    check_nesting(text, context.settings.max_nesting)
    if isinstance(found, UpdateOperation):
        return await update(request, context, found)
    return answer(await query(request, context, found), head=request.method == "HEAD")


# A plain route: FastAPI's dependency solving cost more per request than a lookup's query
router.add_route("/sparql", sparql, methods=["GET", "HEAD", "POST"], include_in_schema=False)


async def query(request: Request, context: Service, found: QueryOperation) -> Answer:
    settings = context.settings
    base = context.endpoint(request)
    accept = request.headers.get("accept")
    results, graphs = negotiate(accept, RESULT_FORMATS), negotiate(accept, GRAPH_FORMATS)
    form = query_form(found.query)
    wanted = results if form in ("SELECT", "ASK") else graphs if form else results or graphs
    if wanted is None:
        raise ProtocolError(406, f"no format in the Accept header can carry the result of {form}")
    # a FROM in the query itself is read in the worker, from its parse (api.reach)
    own_dataset = found.default_graphs or found.named_graphs
    job = Query(
        found.query,
        base,
        settings.prefixes,
        results.name if results else None,
        graphs.name if graphs else None,
        settings.max_result_bytes,
        found.default_graphs,
        found.named_graphs,
        None if own_dataset or not found.infer else settings.merged_prefix,
        context.reach,
    )
    executor, snapshot = context.executor, context.executor.snapshot
    # a single triple pattern is bounded by its answer: run here, without a worker round trip
    # (never a text that may reach out: this process is not sandboxed)
    here = one_pattern(found.query) and not may_reach(found.query)
    run = executor.run_here if here else executor.run
    if snapshot.remote:  # it changes behind our back: no version to cache answers by
        return await timed(request, "query", run(job, settings.time_limit, client_of(request)))
    key = key_of(snapshot.version, job)
    tag = etag(key)
    validators = (("ETag", tag), ("Cache-Control", "no-cache"), ("Vary", "Accept"))
    if matches(request.headers.get("if-none-match"), tag):
        return Answer(b"", "text/plain", status=304, headers=validators)
    cached = context.cache.get(key)
    if cached is None:
        cached = await timed(request, "query", run(job, settings.time_limit, client_of(request)))
        context.cache.put(key, cached)
    else:
        request.state.operation = "cached"
    return replace(cached, headers=(*cached.headers, *validators))


async def update(request: Request, context: Service, found: UpdateOperation) -> Response:
    settings = context.settings
    require_writer(request, settings)
    base = context.endpoint(request)
    text = found.update
    if found.using or found.using_named:
        if has_dataset_clause(text):
            raise ProtocolError(
                400, "the update names its dataset (USING or WITH) and the request does too "
                "(using-graph-uri or using-named-graph-uri); send only one"
            )  # fmt: skip
        text = with_using(text, found.using, found.using_named)
    job = Update(text, base, settings.prefixes, context.reach)
    return answer(await context.write(request, "update", job))


def check_nesting(text: str, limit: int) -> None:
    """Refuse text nested past the limit, or with an escape of no character, before a worker
    reads it (the engine's parser and planner recurse once per level)."""
    try:
        depth = nesting(text)
    except SparqlTextError as error:
        raise ProtocolError(400, f"SPARQL syntax error: {error}") from error
    if depth > limit:
        raise ProtocolError(
            400, f"the request nests {depth} levels of brackets deep; this endpoint reads at "
            f"most {limit}"
        )  # fmt: skip


async def description(request: Request, context: Service) -> Response:
    """The service description, or for a browser the web page."""
    fmt = negotiate(request.headers.get("accept"), (*GRAPH_FORMATS, HTML))
    if fmt is None:
        raise ProtocolError(406, "the service description is RDF: accept Turtle, N-Triples, ...")
    if fmt == HTML:
        return RedirectResponse("/", 303)
    counts = await context.counts(request)
    triples = service_description.describe(context.endpoint(request), context.settings, counts)
    body = serialize(triples, format=GRAPH_WRITERS[fmt.name], prefixes=service_description.PREFIXES)
    return answer(Answer(body, fmt.content_type), head=request.method == "HEAD")
