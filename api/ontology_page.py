"""/ontology: the vocabulary as a page (generated from the ontology, in Chinese and English, one
anchor per term, so https://w3id.org/policykg/ontology#Task resolves to its entry) or as RDF."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from rdflib import Graph
from starlette.responses import HTMLResponse, Response

from api.context import service
from api.negotiation import GRAPH_FORMATS, HTML, negotiate
from api.protocol import ProtocolError
from kg.graph.iris import PREFIXES
from kg.ontology import Term, terms

router = APIRouter(tags=["Linked data"])
SECTIONS = (
    ("class", "Classes", "类"),
    ("object property", "Object properties", "对象属性"),
    ("datatype property", "Datatype properties", "数据属性"),
    ("individual", "Individuals", "个体"),
)


def render(ontology: Path) -> str:
    """The documentation page of the ontology file; every piece of text is escaped."""
    graph = Graph().parse(ontology)
    found = terms(graph)
    contents, sections = [], []
    for kind, english, chinese in SECTIONS:
        members = [t for t in found if t.kind == kind]
        links = " · ".join(f'<a href="#{escape(t.name)}">{escape(t.name)}</a>' for t in members)
        contents.append(f"<p><b>{english} · {chinese}</b> ({len(members)}): {links}</p>")
        entries = "".join(entry(t) for t in members)
        sections.append(f'<h2 id="{kind.replace(" ", "-")}">{english} · {chinese}</h2>{entries}')
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>policykg ontology · 政策任务分工知识图谱本体</title>
<link rel="stylesheet" href="/static/resource.css">
<link rel="alternate" type="text/turtle" href="/ontology?format=turtle">
</head><body>
<header><a href="/">policykg</a></header>
<main>
<h1 lang="en">policykg ontology</h1>
<p class="subtitle" lang="zh">政策任务分工知识图谱本体</p>
<p class="iri"><code>{escape(PREFIXES["pol"])}</code> (prefix <code>pol:</code>) ·
<a href="/ontology?format=turtle">Turtle</a> · <a href="/ontology?format=jsonld">JSON-LD</a></p>
{"".join(contents)}
{"".join(sections)}
</main></body></html>
"""


def entry(term: Term) -> str:
    def spans(texts: dict[str, str], tag: str) -> list[str]:
        return [f'<{tag} lang="{escape(k)}">{escape(v)}</{tag}>' for k, v in sorted(texts.items())]

    rows = "".join(
        f"<tr><th>{escape(en)} · {escape(zh)}</th><td><code>{escape(text)}</code></td></tr>"
        for en, zh, text in term.axioms
    )
    return (
        f'<section class="term" id="{escape(term.name)}"><h3>pol:{escape(term.name)}</h3>'
        f'<p class="iri"><code>{escape(term.iri)}</code> · {escape(term.kind)}</p>'
        f"<p>{' · '.join(spans(term.labels, 'span'))}</p>{''.join(spans(term.definitions, 'p'))}"
        f"<table>{rows}</table></section>"
    )


@router.get("/ontology", include_in_schema=False)
@router.head("/ontology", include_in_schema=False)
async def ontology(request: Request, format: str | None = None) -> Response:
    """The ontology: its documentation as HTML, or the ontology itself in an RDF format."""
    context = service(request)
    offers = {f.name: f for f in (HTML, *GRAPH_FORMATS)}
    fmt = (
        offers.get(format)
        if format
        else negotiate(request.headers.get("accept"), tuple(offers.values()))
    )
    if fmt is None:
        raise ProtocolError(406, f"the ontology is served as {', '.join(offers)}")
    headers = {"Vary": "Accept"}
    if fmt == HTML:
        return HTMLResponse(context.ontology_page, headers=headers)
    body = await context.ontology_rdf.get(context.settings.ontology, fmt.name)
    return Response(body, media_type=fmt.content_type, headers=headers)
