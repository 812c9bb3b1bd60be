"""The w3id.org redirect rules cover every kind of IRI the graph mints (docs/w3id/policykg)."""

from __future__ import annotations

import re

from rdflib import Graph

from kg import PROJECT_ROOT
from kg.graph.iris import BASE
from kg.paths import INFERRED, TRIPLES

RULES = (PROJECT_ROOT / "docs" / "w3id" / "policykg" / ".htaccess").read_text(encoding="utf-8")


def redirected(path: str) -> str | None:
    """Where the rules send a path of the namespace (the first rule that matches)."""
    for pattern, target in re.findall(r"^RewriteRule (\S+) (\S+) \[R=303,L\]$", RULES, re.M):
        match = re.match(pattern, path)
        if match:
            return match.expand(re.sub(r"\$(\d)", r"\\\1", target))
    return None


def test_every_minted_iri_is_redirected_with_its_path() -> None:
    graph = Graph().parse(TRIPLES)
    minted = {str(node) for triple in graph for node in triple if str(node).startswith(BASE)}
    minted |= {BASE + "ontology", BASE + ".well-known/void", BASE + "dumps/policykg.nq.gz"}
    minted |= {
        line.split()[0].strip("<>")
        for line in INFERRED.read_text().splitlines()
        if line.startswith("<")
    }
    for iri in minted:
        path = iri.removeprefix(BASE).split("#")[0]
        target = redirected(path)
        assert target is not None, iri
        assert target == "https://policykg.example.org/" + path, iri
