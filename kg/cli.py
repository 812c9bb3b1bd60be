"""The policykg command line: build, query, validate, serve."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg import build as pipeline
from kg.errors import SourceError
from kg.query import QueryError, query_files
from kg.results import OutputFormat, render

app = typer.Typer(
    help="policykg: a knowledge graph of Chinese policy task-division tables.",
    no_args_is_help=True,
    add_completion=False,
)


def fail(message: str, code: int) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@app.command()
def build(
    sources: Annotated[
        list[Path] | None, typer.Argument(help="Source tables (default: data/sources/*.txt)")
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Turtle file to write")
    ] = pipeline.TRIPLES,
    context: Annotated[Path, typer.Option(help="JSON-LD context to write")] = pipeline.CONTEXT,
    registry: Annotated[Path, typer.Option(help="Organization registry (CSV)")] = pipeline.REGISTRY,
    documents: Annotated[Path, typer.Option(help="Document facts (CSV)")] = pipeline.DOCUMENTS,
) -> None:
    """Source tables -> RDF (deterministic bytes), written atomically."""
    inputs = pipeline.Inputs(sources or pipeline.default_sources(), registry, documents)
    try:
        graph = pipeline.build(inputs, output, context)
    except SourceError as error:
        raise fail(str(error), 2) from error
    typer.echo(f"{len(graph)} triples -> {output}", err=True)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or - to read it from stdin")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    data: Annotated[list[Path] | None, typer.Option("--data", help="RDF files to query")] = None,
) -> None:
    """Run a SPARQL query over the built graph (the vocabulary's prefixes are predeclared)."""
    text = sys.stdin.read() if sparql == "-" else sparql
    try:
        result = query_files(data or [pipeline.TRIPLES], text)
        sys.stdout.write(render(result, fmt))
    except SourceError as error:
        raise fail(str(error), 2) from error
    except (QueryError, ValueError) as error:
        raise fail(str(error), 1) from error


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    data: Annotated[list[Path] | None, typer.Option("--data", help="RDF files to serve")] = None,
) -> None:
    """Serve the web page and the SPARQL endpoint."""
    import uvicorn

    from api.app import create_app

    try:
        application = create_app(data or [pipeline.TRIPLES])
    except SourceError as error:
        raise fail(str(error), 2) from error
    typer.echo(
        f"policykg: web page http://{host}:{port}/  SPARQL http://{host}:{port}/sparql", err=True
    )
    uvicorn.run(application, host=host, port=port, log_level="info")


if __name__ == "__main__":
    app()
