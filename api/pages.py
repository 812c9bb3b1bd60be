"""HTML pages about single resources: labels, relations as links, and the source line."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from api.views import Cell, View

Link = Callable[[str], str]


def curie(iri: str, prefixes: Mapping[str, str]) -> str:
    for name, namespace in sorted(prefixes.items(), key=lambda p: -len(p[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace) :]}"
    return iri


def cell(value: Cell, link: Link, prefixes: Mapping[str, str]) -> str:
    if not value.is_iri:
        lang = f' lang="{escape(value.language)}"' if value.language else ""
        tag = f' <span class="tag">@{escape(value.language)}</span>' if value.language else ""
        return f"<span{lang}>{escape(value.value)}</span>{tag}"
    text = escape(value.label or curie(value.value, prefixes))
    title = escape(value.value)
    href = link(value.value) if value.described else value.value
    return f'<a href="{escape(href)}" title="{title}">{text}</a>'


def page(view: View, link: Link, prefixes: Mapping[str, str]) -> str:
    """The whole page; every piece of data is escaped."""
    title = next((c.value for c in view.labels if c.language == "zh"), None)
    title = title or (view.labels[0].value if view.labels else curie(view.iri, prefixes))
    labels = (
        "".join(f"<li>{cell(label, link, prefixes)}</li>" for label in view.labels)
        or "<li>(no label)</li>"
    )
    outgoing = "".join(
        f"<tr><th>{cell(p, link, prefixes)}</th><td>{cell(o, link, prefixes)}</td></tr>"
        for p, o in view.outgoing
    )
    incoming = "".join(
        f"<tr><td>{cell(s, link, prefixes)}</td><th>{cell(p, link, prefixes)}</th></tr>"
        for s, p in view.incoming
    )
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{escape(title)} · policykg</title>
<link rel="stylesheet" href="/static/resource.css">
<link rel="alternate" type="text/turtle" href="?format=turtle">
</head><body>
<header><a href="/">policykg</a></header>
<main>
<h1>{escape(title)}</h1>
<p class="iri"><code>{escape(view.iri)}</code></p>
<ul class="labels">{labels}</ul>
{source(view, link, prefixes)}
<h2>Statements · 陈述</h2>
<table class="out">{outgoing}</table>
<h2>Referenced by · 被引用</h2>
<table class="in">{incoming or "<tr><td>(nothing)</td></tr>"}</table>
<p class="formats">Also as
<a href="?format=turtle">Turtle</a> · <a href="?format=jsonld">JSON-LD</a> ·
<a href="?format=ntriples">N-Triples</a> · <a href="?format=rdfxml">RDF/XML</a></p>
</main></body></html>
"""


def source(view: View, link: Link, prefixes: Mapping[str, str]) -> str:
    if view.source is None:
        return ""
    lines = "".join(
        f'<tr><th class="n">{number}</th><td class="line">{escape(text)}</td></tr>'
        for number, text in view.lines
    )
    return (
        f'<section class="source"><h2>Source · 来源</h2><p>{cell(view.source, link, prefixes)}'
        f"</p><table>{lines}</table></section>"
    )
