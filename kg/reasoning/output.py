"""The inferred graph as a file: TriG holding one named graph, with the reasoner that made it and
a digest of what it was inferred from, so a server can tell when it no longer fits the data."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import XSD, Graph, Literal, URIRef

from kg.graph.iris import BASE, POL
from kg.graph.turtle import trig as trig_bytes
from kg.reasoning.inferences import Inferences

INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
DIGEST = re.compile(r'pol:inputDigest "([0-9a-f]{64})"')


def input_digest(paths: Sequence[Path]) -> str:
    """SHA-256 over the bytes of the files inferred from (data, then ontology), in order."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def trig(inferences: Inferences, digest: str) -> bytes:
    """Deterministic TriG: the prefixes, then the graph's description and triples in one block."""
    graph = Graph()
    for triple in inferences.triples:
        graph.add(triple)
    graph.add((INFERRED_GRAPH, POL.reasoner, Literal(inferences.reasoner)))
    graph.add((INFERRED_GRAPH, POL.inputDigest, Literal(digest)))
    graph.add(
        (
            INFERRED_GRAPH,
            POL.inferredTriples,
            Literal(len(inferences.triples), datatype=XSD.integer),
        )
    )
    return trig_bytes(graph, INFERRED_GRAPH)


def with_inferences(
    data: Path, ontology: Path, inferred: Path, warn: Callable[[str], None]
) -> list[Path]:
    """The data file, and the inferred file beside it where it was inferred from this data."""
    if not inferred.is_file():
        return [data]
    if recorded_digest(inferred) == input_digest([data, ontology]):
        return [data, inferred]
    warn(f"{inferred} was inferred from other data or ontology; left out (run policykg reason)")
    return [data]


def recorded_digest(path: Path) -> str | None:
    """The input digest an inferred file records, if it is one."""
    match = DIGEST.search(path.read_text(encoding="utf-8"))
    return match.group(1) if match else None
