"""Checking identified bodies against a key made by hand: each name as written -> the full
official name of the body meant ('' where reading could not tell which)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from rdflib import RDF, SKOS, Graph

from kg.graph.iris import POL, PROV

RIGHT, WRONG, UNCONFIRMED, UNRESOLVED = "right", "wrong", "unconfirmed", "unresolved"


def load_key(path: Path) -> dict[str, str]:
    """A key's names as written and the bodies they mean (columns written, body, ...)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["written"]: row["body"] for row in csv.DictReader(handle)}


def judged(graph: Graph, key: dict[str, str]) -> list[tuple[str, str, str]]:
    """Every assignment: the name as written, the body's name, and the verdict: right, wrong,
    unconfirmed (identified where the key could not tell which of two names the body bore), or
    unresolved. A name the key lacks raises KeyError: a key covers every name."""
    verdicts = []
    for node, agent in graph.subject_objects(PROV.agent):
        written = str(graph.value(node, POL.writtenAs))
        label = str(graph.value(agent, SKOS.prefLabel))
        body = key[written]
        if (agent, RDF.type, POL.UnresolvedAssignee) in graph:
            verdict = UNRESOLVED
        else:
            verdict = UNCONFIRMED if not body else RIGHT if body == label else WRONG
        verdicts.append((written, label, verdict))
    return verdicts


def tally(verdicts: list[tuple[str, str, str]]) -> Counter[str]:
    return Counter(verdict for _, _, verdict in verdicts)
