"""Moving terms and graphs between rdflib (pyshacl's world) and pyoxigraph (the fast engine's)."""

from __future__ import annotations

import rdflib
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store

from kg.shacl.model import Term


def from_rdflib(term: rdflib.term.Node) -> Term:
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def store_from_graph(graph: rdflib.Graph) -> Store:
    """A pyoxigraph store holding an rdflib graph's triples (in the default graph)."""
    store = Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    return store


def graph_from_store(store: Store) -> rdflib.Graph:
    """An rdflib graph holding every triple of a store, named graphs merged."""
    triples = (
        Quad(quad.subject, quad.predicate, quad.object, DefaultGraph()) for quad in store
    )
    copy = Store()
    copy.bulk_extend(triples)
    data = copy.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    return rdflib.Graph().parse(data=data, format="nt")


def merged(sources: list[Store]) -> Store:
    """One store whose default graph holds every triple of every source (named graphs merged)."""
    store = Store()
    for source in sources:
        store.bulk_extend(
            Quad(quad.subject, quad.predicate, quad.object, DefaultGraph()) for quad in source
        )
    return store
