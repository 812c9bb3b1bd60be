"""The policykg command line: build, query, validate, reason, serve."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kg import build as pipeline
from kg.errors import SourceError
from kg.files import write_atomic
from kg.graph.iris import BASE
from kg.parallel import cores
from kg.paths import INFERRED, LINKS, ONTOLOGY
from kg.progress import progress_bar
from kg.reasoning import reason as reasoning
from kg.reasoning.inferences import Inconsistent, ReasonerUnavailable
from kg.reasoning.reason import Engine as Reasoner
from kg.report import naming_summary, summary
from kg.sources.datasets import Columns, is_dataset
from kg.sources.inputs import items_of
from kg.sources.read import LAYOUTS
from kg.store.dataset import default_files, load_store
from kg.store.query import MERGED, QueryError, query_files
from kg.store.remote import RemoteError
from kg.store.remote import query as remote_query
from kg.store.results import OutputFormat, render
from kg.validation.runner import SHAPES, Engine
from kg.validation.runner import validate as run_validation

REMOTE = "sparql:"  # serve --store sparql:URL

app = typer.Typer(
    help="policykg: a knowledge graph of Chinese policy task-division tables.",
    no_args_is_help=True,
    add_completion=False,
)


def warning(message: str) -> None:
    typer.secho(f"warning: {message}", err=True, fg=typer.colors.YELLOW)


def fail(message: str, code: int) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def served_by_default() -> list[Path]:
    return default_files(warning)


@app.command()
def build(
    sources: Annotated[
        list[Path] | None,
        typer.Argument(help="Source tables, or directories of them (default: data/sources/)"),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Turtle file to write")
    ] = pipeline.TRIPLES,
    context: Annotated[
        Path | None,
        typer.Option(help="JSON-LD context to write (default: context.jsonld beside the output)"),
    ] = None,
    registry: Annotated[Path, typer.Option(help="Organization registry (CSV)")] = pipeline.REGISTRY,
    documents: Annotated[Path, typer.Option(help="Document catalogue (CSV)")] = pipeline.DOCUMENTS,
    changes: Annotated[
        Path, typer.Option(help="Renames, mergers and splits of organizations (CSV)")
    ] = pipeline.CHANGES,
    counterparts: Annotated[
        Path, typer.Option(help="Provincial and national counterparts of organizations (CSV)")
    ] = pipeline.COUNTERPARTS,
    cited: Annotated[
        Path, typer.Option(help="Documents outside the corpus that it cites (CSV)")
    ] = pipeline.CITED,
    citations: Annotated[
        Path, typer.Option(help="Which document each cited title names (CSV)")
    ] = pipeline.CITATIONS,
    places: Annotated[
        Path, typer.Option(help="The division (GB/T 2260 code) of registry bodies (CSV)")
    ] = pipeline.PLACES,
    lexicon: Annotated[
        Path,
        typer.Option(help="Standard names of bodies and their reforms (bodies.csv, reforms.csv)"),
    ] = pipeline.LEXICON,
    layout: Annotated[
        str | None,
        typer.Option(
            help=f"Read every source in this form ({', '.join(LAYOUTS)}); default: recognize"
        ),
    ] = None,
    keep_unresolved: Annotated[
        bool,
        typer.Option(
            help="With --curated-only or --strict: keep names the registry does not hold, as "
            "written, instead of stopping (without them every such name is kept)"
        ),
    ] = False,
    curated_only: Annotated[
        bool,
        typer.Option(
            "--curated-only",
            help="Identify bodies by the curated registry alone, not by rule: a name it does "
            "not hold stops the document",
        ),
    ] = False,
    jurisdiction: Annotated[
        str | None,
        typer.Option(
            help="GB/T 2260 code (or CN) of the government of documents that do not say theirs"
        ),
    ] = None,
    text_column: Annotated[
        str | None,
        typer.Option(help="A dataset's (CSV, JSON Lines, JSON) column of document texts"),
    ] = None,
    title_column: Annotated[str | None, typer.Option(help="A dataset's column of titles")] = None,
    date_column: Annotated[str | None, typer.Option(help="A dataset's column of dates")] = None,
    id_column: Annotated[str | None, typer.Option(help="A dataset's column of record ids")] = None,
    url_column: Annotated[
        str | None, typer.Option(help="A dataset's column of the addresses texts come from")
    ] = None,
    html: Annotated[
        bool, typer.Option("--html", help="A dataset's texts are HTML (pages or fragments)")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Stop at the first problem and refuse any name the curated registry does not "
            "hold (default: report a problem, build the rest; identify bodies by rule too)",
        ),
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(help="Per-document report (CSV; default: <output>-report.csv beside it)"),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "-j", "--jobs", help="Processes reading and writing documents (0: every core)"
        ),
    ] = 0,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Read and write on a Dask cluster: its scheduler's address (tcp://host:8786)"
        ),
    ] = None,
) -> None:
    """Source documents (files, folders, datasets) -> RDF (deterministic bytes), written
    atomically; a folder's or dataset's build goes past a bad document and reports it."""
    if layout is not None and layout not in LAYOUTS:
        raise fail(f"no layout {layout!r}: the layouts are {', '.join(LAYOUTS)}", 2)
    columns = None
    if text_column:
        columns = Columns(text_column, title_column, date_column, id_column, url_column, html)
    paths = sources or [pipeline.SOURCES]
    one_file = len(paths) == 1 and not paths[0].is_dir() and not is_dataset(paths[0])
    inputs = pipeline.Inputs(
        paths,
        registry,
        documents,
        changes=changes,
        counterparts=counterparts,
        cited=cited,
        citations=citations,
        places=places,
        lexicon=lexicon,
        layout=layout,
        keep_unresolved=keep_unresolved,
        curated_only=curated_only or strict,
        jurisdiction=jurisdiction,
        columns=columns,
        strict=strict or one_file,
        workers=jobs or cores(),
        scheduler=scheduler,
    )
    report_path = None if inputs.strict else report or output.with_name(f"{output.stem}-report.csv")
    bar = progress_bar(lambda: sum(1 for _ in items_of(paths, columns)))
    try:
        built = pipeline.build(
            inputs,
            output,
            context or output.with_name(pipeline.CONTEXT.name),
            warn=warning,
            report=report_path,
            progress=bar,
        )
    except SourceError as error:
        raise fail(str(error), 2) from error
    if built.rows and not inputs.strict:
        typer.echo(f"{summary(built.rows)}; report -> {report_path}", err=True)
    if built.rows:
        typer.echo(naming_summary(built.rows), err=True)
    typer.echo(f"{built.triples} triples -> {output}", err=True)
    if built.failed:
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or - to read it from stdin")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    data: Annotated[list[Path] | None, typer.Option("--data", help="RDF files to query")] = None,
    endpoint: Annotated[
        str | None, typer.Option(help="Ask this SPARQL endpoint instead of the local graph")
    ] = None,
    infer: Annotated[
        bool, typer.Option(help="Include the inferred graph and links in the default graph")
    ] = True,
) -> None:
    """Run a SPARQL query over the built graph (the vocabulary's prefixes are predeclared)."""
    text = sys.stdin.read() if sparql == "-" else sparql
    merged = MERGED if infer else None
    try:
        if endpoint:
            result = remote_query(endpoint, text)
        else:
            result = query_files(data or served_by_default(), text, merged)
        sys.stdout.write(render(result, fmt))
    except SourceError as error:
        raise fail(str(error), 2) from error
    except (QueryError, ValueError, RemoteError) as error:
        raise fail(str(error), 1) from error
    except (OSError, RuntimeError) as error:  # raised while the results are read
        raise fail(f"the query failed: {error}", 1) from error


@app.command()
def load(
    files: Annotated[
        list[Path] | None, typer.Argument(help="RDF files to load (default: what serve serves)")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="The store's Graph Store Protocol endpoint")
    ] = None,
    update: Annotated[
        str | None, typer.Option(help="Its SPARQL Update endpoint, for stores without one")
    ] = None,
) -> None:
    """Push the graph into an existing SPARQL store, one named graph per document, replacing it."""
    from kg.store.load import load as push

    if not (to or update):
        raise fail("say where: --to GRAPH_STORE_URL or --update UPDATE_URL", 2)
    try:
        store = load_store(files or served_by_default())
        loaded = push(
            store,
            to,
            update,
            lambda g: typer.echo(f"{g.triples:>7} triples -> {g.graph}", err=True),
        )
    except SourceError as error:
        raise fail(str(error), 2) from error
    except RemoteError as error:
        raise fail(
            f"{error} (graphs before it are loaded whole; none is half-loaded)", 1
        ) from error
    total = sum(g.triples for g in loaded)
    typer.echo(f"{len(loaded)} graphs, {total} triples -> {update or to}", err=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    store: Annotated[
        str | None,
        typer.Option(
            help="Directory keeping the served dataset (and its writes) across restarts, or "
            "sparql:URL to serve an existing SPARQL store (read-only)"
        ),
    ] = None,
    data: Annotated[list[Path] | None, typer.Option("--data", help="RDF files to serve")] = None,
    time_limit: Annotated[float, typer.Option(help="Seconds a query may run")] = 5.0,
    workers: Annotated[int, typer.Option(help="Query worker processes")] = 4,
    shared_store: Annotated[
        bool | None,
        typer.Option(
            "--shared-store/--in-memory",
            help="One on-disk store read by every worker, or a copy in each "
            "(default: shared above 32 MB of data)",
        ),
    ] = None,
    base_iri: Annotated[
        str | None,
        typer.Option(help="Public URL the service is reached at (default: each request's own)"),
    ] = None,
    allow_service: Annotated[
        list[str] | None,
        typer.Option("--allow-service", help="SPARQL endpoint that SERVICE may call (repeatable)"),
    ] = None,
    update_token: Annotated[
        str | None,
        typer.Option(envvar="POLICYKG_UPDATE_TOKEN", help="Turn updates on, for this token"),
    ] = None,
    header_timeout: Annotated[
        float,
        typer.Option(
            min=0.1,
            help="Seconds a request's headers may take (from the connection or the last response)",
        ),
    ] = 10.0,
    body_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request's body may take after its headers")
    ] = 30.0,
) -> None:
    """Serve the web page and the SPARQL endpoint."""
    import logging

    import uvicorn

    from api.app import create_app
    from api.config import Settings
    from api.dataset import latest

    remote = store.removeprefix(REMOTE) if store and store.startswith(REMOTE) else None
    directory = Path(store) if store and not remote else None
    if remote and (data or shared_store is not None or update_token):
        raise fail("--store sparql:URL serves that store as it is: no --data, --shared-store or "
                   "updates (load it with policykg load)", 2)  # fmt: skip
    if directory is not None and data and latest(directory) is not None:
        raise fail(
            f"{store} already holds a dataset; serve it without --data or use another --store", 2
        )
    if base_iri is not None and not base_iri.endswith("/"):
        base_iri += "/"
    settings = Settings(
        data=tuple(data or served_by_default()) if not remote else (),
        ontology_graph=not data,
        store=directory,
        remote=remote,
        public_base=base_iri,
        time_limit=time_limit,
        workers=workers,
        shared=shared_store,
        service_allow_list=frozenset(allow_service or ()),
        update_token=update_token or None,
    )
    try:
        application = create_app(settings)
    except SourceError as error:
        raise fail(str(error), 2) from error
    logging.basicConfig(level=logging.INFO, format="%(name)s %(message)s")
    writes = "updates ON (token required)" if settings.writable else "read-only"
    if remote:
        writes += f", reading {remote}"
    typer.echo(
        f"policykg: web page http://{host}:{port}/  SPARQL http://{host}:{port}/sparql  ({writes})",
        err=True,
    )
    if base_iri is None and not loopback(host):
        typer.echo(
            f"policykg: warning: serving on {host} without --base-iri: the service description, "
            "VoID and resource pages name this service by each request's Host header, which any "
            "client can set; give the public URL with --base-iri",
            err=True,
        )
    from api.timeouts import with_timeouts

    uvicorn.run(
        application, host=host, port=port, log_level="info", access_log=False,
        loop="uvloop", http=with_timeouts(header_timeout, body_timeout), timeout_keep_alive=5,
    )  # fmt: skip


def loopback(host: str) -> bool:
    """Whether a listening address is reachable from this machine only."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


class ReportFormat(StrEnum):
    text = "text"
    turtle = "turtle"
    jsonld = "jsonld"
    json = "json"


@app.command()
def validate(
    files: Annotated[
        list[Path] | None, typer.Argument(help="RDF files to validate (default: data/triples.ttl)")
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
    engine: Annotated[Engine, typer.Option(help="fast (SPARQL on pyoxigraph) or pyshacl")] = (
        Engine.fast
    ),
    shapes: Annotated[Path, typer.Option(help="Shapes file or directory")] = SHAPES,
) -> None:
    """SHACL report; exit 0 conforms, 1 violations, 2 bad input."""
    try:
        report = run_validation(load_store(files or [pipeline.TRIPLES]), shapes, engine=engine)
    except SourceError as error:
        raise fail(str(error), 2) from error
    if fmt == ReportFormat.text:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(report.to_text(color))
    elif fmt == ReportFormat.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.to_turtle() if fmt == ReportFormat.turtle else report.to_jsonld())
    raise typer.Exit(0 if report.conforms else 1)


@app.command()
def reason(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="RDF files to reason over (default: data/triples.ttl)"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="TriG file to write (default: data/inferred.trig)"),
    ] = None,
    engine: Annotated[
        Reasoner, typer.Option(help="hermit (OWL 2 DL, needs Java) or rules (SPARQL, fast)")
    ] = Reasoner.hermit,
    ontology: Annotated[Path, typer.Option(help="The ontology")] = ONTOLOGY,
) -> None:
    """OWL reasoning: write what the ontology entails from the graph as its own named graph."""
    from kg.reasoning.output import input_digest, trig

    sources = files or [pipeline.TRIPLES]
    target = output or sources[0].with_name(INFERRED.name)
    try:
        inferences = reasoning.reason(reasoning.load(sources), reasoning.load([ontology]), engine)
    except SourceError as error:
        raise fail(str(error), 2) from error
    except Inconsistent as error:
        raise fail(str(error), 1) from error
    except ReasonerUnavailable as error:
        raise fail(str(error), 2) from error
    write_atomic({target: trig(inferences, input_digest([*sources, ontology]))})
    typer.echo(
        f"{len(inferences.triples)} inferred triples ({inferences.reasoner}) -> {target}", err=True
    )


registry_app = typer.Typer(help="The curated registry: bodies identified by rule, for review.")
app.add_typer(registry_app, name="registry")


@registry_app.command("export")
def registry_export(
    graphs: Annotated[
        list[Path] | None,
        typer.Argument(help="Built graphs (Turtle, N-Triples, ...; default: data/triples.ttl)"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="organizations.csv rows to write (default: stdout)"),
    ] = None,
    places: Annotated[
        Path | None, typer.Option(help="places.csv rows to write beside them")
    ] = None,
) -> None:
    """Write the bodies a build identified by rule as registry rows (organizations.csv, and
    places.csv with --places), each noting its rule, for a person to cite and promote."""
    from rdflib import Graph

    from kg.registry.export import export_bytes, proposed

    graph = Graph()
    try:
        for path in graphs or [pipeline.TRIPLES]:
            graph.parse(path)
    except (OSError, SyntaxError, ValueError) as error:
        raise fail(f"cannot read the graph: {error}", 2) from error
    rows = proposed(graph)
    organizations, placed = export_bytes(rows)
    targets = {output: organizations} if output else {}
    if places:
        targets[places] = placed
    write_atomic(targets)
    if output is None:
        sys.stdout.write(organizations.decode("utf-8"))
    typer.echo(f"{len(rows)} bodies identified by rule", err=True)


@app.command()
def publish(
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory to write")],
    data: Annotated[list[Path] | None, typer.Option("--data", help="RDF files to publish")] = None,
    base: Annotated[
        str, typer.Option(help="Where the dataset is published (its dumps under BASE/dumps/)")
    ] = BASE,
    endpoint: Annotated[
        str | None, typer.Option(help="The public SPARQL endpoint (default: BASE/sparql)")
    ] = None,
) -> None:
    """Dumps (Turtle, N-Triples, JSON-LD per named graph; N-Quads of all) with a VoID/DCAT file."""
    from kg.publish.dumps import DESCRIPTION
    from kg.publish.dumps import publish as write

    base = base if base.endswith("/") else base + "/"
    try:
        dumps = write(
            load_store(data or served_by_default()), output, base, endpoint or base + "sparql"
        )
    except SourceError as error:
        raise fail(str(error), 2) from error
    size = sum(d.size or 0 for d in dumps)
    typer.echo(f"{len(dumps)} dumps ({size} bytes) and {DESCRIPTION} -> {output}", err=True)


@app.command()
def network(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout)")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="graphml, gexf or csv (an edge list); default: the file's suffix, else graphml",
        ),
    ] = None,
    data: Annotated[list[Path] | None, typer.Option("--data", help="RDF files to read")] = None,
) -> None:
    """The collaboration network of bodies (two are tied where they share a task), as on /explore:
    GraphML or GEXF for Gephi, NetworkX and igraph, or a CSV edge list."""
    from kg.network import NetworkFormat, answers, collaboration, format_of, write

    try:
        chosen = NetworkFormat(fmt) if fmt else format_of(output)
    except ValueError as error:
        raise fail(f"no format {fmt!r}: use {', '.join(NetworkFormat)}", 2) from error
    try:
        found = collaboration(*answers(load_store(data or served_by_default()), MERGED))
    except SourceError as error:
        raise fail(str(error), 2) from error
    body = write(found, chosen)
    if output is None:
        sys.stdout.buffer.write(body)
    else:
        write_atomic({output: body})
    where = output or "stdout"
    typer.echo(
        f"{len(found.bodies)} bodies, {len(found.ties)} ties ({chosen}) -> {where}", err=True
    )


@app.command()
def link(
    endpoint: Annotated[str, typer.Option(help="The other graph's SPARQL endpoint")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="File to write: .trig (default data/links/HOST.trig) or .ttl"
        ),
    ] = None,
    data: Annotated[list[Path] | None, typer.Option("--data", help="Our RDF files")] = None,
) -> None:
    """Find our organizations and documents in another endpoint; write skos:exactMatch links."""
    from urllib.parse import urlsplit

    from kg.graph.turtle import serialize, trig
    from kg.links.match import find, links_graph, links_graph_name, locals_of
    from kg.store.remote import Endpoint

    name = output.stem if output else re.sub(r"[^A-Za-z0-9]+", "-", urlsplit(endpoint).netloc)
    target = output or LINKS / f"{name}.trig"
    try:
        ours = locals_of(load_store(data or [pipeline.TRIPLES]))
        outcome = find(ours, Endpoint(endpoint).select)  # one client: the store asked once
    except SourceError as error:
        raise fail(str(error), 2) from error
    except RemoteError as error:
        raise fail(str(error), 1) from error
    links = links_graph(outcome, endpoint)
    # TriG keeps the links' named graph (what serve includes); Turtle is the plain triples
    body = serialize(links) if target.suffix == ".ttl" else trig(links, links_graph_name(name))
    write_atomic({target: body})
    for iri, evidence in sorted(outcome.links.items()):
        typer.echo(f"linked     {iri} = {evidence[0].remote} ({evidence[0].value})")
    for iri, remotes in sorted(outcome.ambiguous.items()):
        typer.echo(f"ambiguous  {iri}: {', '.join(remotes)} (no link)")
    for iri, remotes in sorted(outcome.wrong_kind.items()):
        typer.echo(f"other kind {iri}: {', '.join(remotes)} (same name, not the same kind)")
    for iri in sorted(outcome.unmatched):
        typer.echo(f"not found  {iri}")
    typer.echo(
        f"{len(outcome.links)} linked, {len(outcome.ambiguous)} ambiguous, "
        f"{len(outcome.unmatched)} not found, of {len(ours)} -> {target}",
        err=True,
    )


if __name__ == "__main__":
    app()
