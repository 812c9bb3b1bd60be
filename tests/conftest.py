"""Fixtures for the knowledge-graph layers: the real table, the corpus, its graph and a store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import engines
import pytest
from engines import Engine
from pyoxigraph import Store
from rdflib import Graph

from kg import build as pipeline
from kg.registry.documents import DocumentFacts, default_facts, issued_on, load_documents
from kg.registry.organizations import Organization, Registry, load_registry
from kg.sources.read import read_source
from kg.sources.records import Mention, SourceDocument
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
def corpus() -> list[SourceDocument]:
    """Every source of data/sources/, read."""
    return [read_source(path) for path in pipeline.default_sources()]


@pytest.fixture(scope="session")
def facts() -> Callable[[SourceDocument], DocumentFacts]:
    """What the catalogue (or, without an entry, the text) says of a corpus document."""
    catalogue = load_documents(pipeline.DOCUMENTS)
    return lambda document: catalogue.get(document.path.name) or default_facts(document)


NONE = (None,) * 6  # pref_en, parent, member_of, drawn_from, zh_source, en_source


@pytest.fixture(scope="session")
def resolve(
    facts: Callable[[SourceDocument], DocumentFacts],
) -> Callable[[SourceDocument, Mention], Organization]:
    """The body a mention of a corpus document names on the document's day, in its
    jurisdiction, as the corpus build resolves it (the curated registry alone)."""
    curated = pipeline.curate(pipeline.corpus_inputs())

    def body(document: SourceDocument, mention: Mention) -> Organization:
        known = facts(document)
        if mention.meant in known.unresolved:  # kept as written: a body of its own name
            return Organization(mention.meant, "UnresolvedAssignee", mention.meant, (), *NONE, 0)
        jurisdiction = curated.jurisdiction(document, known)
        found = curated.resolver.resolve(
            mention, issued_on(document, known), jurisdiction, by_rule=False
        )
        assert isinstance(found, Organization)
        return found

    return body


@pytest.fixture(scope="session")
def graph() -> Graph:
    return pipeline.graph_from(pipeline.corpus_inputs())


@pytest.fixture(scope="session")
def store() -> Store:
    return load_store([pipeline.TRIPLES])


@pytest.fixture(scope="session")
def oxigraph_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A real Oxigraph server, empty at first."""
    engine = engines.oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield engine
    engine.stop()


@pytest.fixture(scope="session")
def virtuoso_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A real Virtuoso server, empty at first (but for its own system graphs)."""
    engine = engines.virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield engine
    engine.stop()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def engine(request: pytest.FixtureRequest) -> Engine:
    """Each real store in turn."""
    return request.getfixturevalue(f"{request.param}_engine")
