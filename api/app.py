"""A minimal HTTP service: a page that says what is loaded, and SPARQL queries over it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from pyoxigraph import QueryTriples

from kg.query import QueryError, run
from kg.results import OutputFormat, render
from kg.store import load_store

RESULT_TYPES = {
    OutputFormat.json: "application/sparql-results+json",
    OutputFormat.turtle: "text/turtle",
}


def create_app(data: Sequence[Path]) -> FastAPI:
    """An app serving the given RDF files."""
    store = load_store(data)
    app = FastAPI(title="policykg")

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return (
            "<!doctype html><meta charset=utf-8><title>policykg</title>"
            f"<h1>policykg</h1><p>{len(store)} quads loaded. "
            "SPARQL endpoint: <a href=/sparql>/sparql</a></p>"
        )

    @app.api_route("/sparql", methods=["GET", "POST"])
    async def sparql(request: Request) -> Response:
        if request.method == "GET":
            query = request.query_params.get("query", "")
        else:
            query = (await request.form()).get("query", "")
        try:
            result = await run_in_threadpool(run, store, str(query))
            fmt = OutputFormat.turtle if isinstance(result, QueryTriples) else OutputFormat.json
            body = await run_in_threadpool(render, result, fmt)
        except QueryError as error:
            return Response(str(error), status_code=400, media_type="text/plain")
        return Response(body, media_type=RESULT_TYPES[fmt])

    return app
