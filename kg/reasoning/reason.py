"""`policykg reason`: load the graph and the ontology, infer by one route, say what is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from rdflib import Graph

from kg.errors import SourceError
from kg.reasoning import hermit, rules
from kg.reasoning.explain import problems
from kg.reasoning.inferences import Inconsistent, Inferences, data_nodes, restrict
from kg.reasoning.vocabulary import Vocabulary


class Engine(StrEnum):
    hermit = "hermit"  # OWL 2 DL, complete for the ontology: the reference
    rules = "rules"  # the same inferences by SPARQL rules: fast on large graphs


def load(paths: Sequence[Path]) -> Graph:
    """One rdflib graph of every file; a parse error names the file."""
    graph = Graph()
    for path in paths:
        if not path.is_file():
            raise SourceError(path, None, "no such file")
        try:
            graph.parse(path)
        except Exception as error:  # rdflib raises many kinds; each names the problem
            raise SourceError(path, None, f"cannot read it as RDF: {error}") from error
    return graph


def reason(data: Graph, ontology: Graph, engine: Engine = Engine.hermit) -> Inferences:
    """The inferred triples, or Inconsistent naming the resources that clash."""
    vocabulary = Vocabulary.read(ontology)
    nodes = data_nodes(data, ontology)
    if engine == Engine.rules:
        store = rules.entailed(data, vocabulary)
        found = problems(store, vocabulary, data)
        if found:
            raise Inconsistent(found)
        entailed, name = set(rules.triples(store)), rules.ENGINE
    else:
        try:
            entailed, name = hermit.entailed(data, ontology, vocabulary, nodes), hermit.ENGINE
        except Inconsistent as error:
            store = rules.entailed(data, vocabulary)
            raise Inconsistent(problems(store, vocabulary, data) or error.problems) from error
    return Inferences(restrict(entailed, data, nodes, vocabulary), name)
