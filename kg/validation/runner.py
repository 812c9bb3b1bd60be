"""Validating a graph against the policykg shapes: `validate(data) -> Report`.

The fast engine (default) compiles the shapes to SPARQL run on pyoxigraph; the pyshacl engine runs
plain pyshacl and is the reference the fast engine is tested against. Both read the ontology, so
sh:class and sh:targetClass see subclasses (pol:IndustryFund is a pol:FundingInstrument).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import rdflib
from pyoxigraph import Store

from kg.paths import ONTOLOGY, SHAPES
from kg.validation.shacl import fast, reference
from kg.validation.shacl.model import Result
from kg.validation.shacl.report import Report
from kg.validation.shacl.shapes import load_shapes, shape_files
from kg.validation.shacl.subjects import describe
from kg.validation.shacl.terms import graph_from_store, store_from_graph, working_store
from kg.validation.shacl.vocabulary import SEVERITIES

__all__ = ["ONTOLOGY", "SHAPES", "Engine", "Report", "Result", "validate"]


class Engine(StrEnum):
    fast = "fast"
    pyshacl = "pyshacl"


def validate(
    data: Store | rdflib.Graph,
    shapes: Path | None = None,
    *,
    ontology: Path = ONTOLOGY,
    engine: Engine = Engine.fast,
) -> Report:
    """Validate all triples of `data` (graphs merged) against the shapes (a file or directory)."""
    files = shape_files(shapes or SHAPES)
    shapes_store, model = load_shapes(files)
    data_store = data if isinstance(data, Store) else store_from_graph(data)
    working = working_store(data_store, ontology)
    if engine == Engine.fast:
        results = fast.validate(working, model)
    else:
        graph = data if isinstance(data, rdflib.Graph) else graph_from_store(data_store)
        shapes_graph = graph_from_store(shapes_store)
        ontology_graph = rdflib.Graph().parse(ontology)
        results = reference.validate(graph, shapes_graph, ontology_graph, model)
    subjects = describe(working, {result.focus for result in results})
    order = {severity: index for index, severity in enumerate(SEVERITIES)}
    ordered = sorted(
        results,
        key=lambda r: (
            order.get(r.severity, len(order)),
            subjects[r.focus],
            str(r.shape),
            str(r.value),
            str(r.focus),
        ),
    )
    return Report(tuple(ordered), subjects)
