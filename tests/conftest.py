"""Fixtures for the knowledge-graph layers: the real table, its graph and a store over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store
from rdflib import Graph

from kg import build as pipeline
from kg.registry.organizations import Registry, load_registry
from kg.sources.read import read_source
from kg.sources.records import SourceDocument
from kg.store.dataset import load_store

FIXTURES = Path(__file__).parent / "fixtures"
REAL_SOURCE = pipeline.SOURCES / "guangzhou-auto-2020-task-division.txt"


@pytest.fixture(scope="session")
def table() -> SourceDocument:
    return read_source(REAL_SOURCE)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry(pipeline.REGISTRY)


@pytest.fixture(scope="session")
def graph() -> Graph:
    return pipeline.graph_from(pipeline.Inputs(pipeline.default_sources()))


@pytest.fixture(scope="session")
def store() -> Store:
    return load_store([pipeline.TRIPLES])
