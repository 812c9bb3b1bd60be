"""Moving terms and graphs between rdflib (pyshacl's world) and pyoxigraph (the fast engine's)."""

from __future__ import annotations

from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store

from kg.store.dataset import load_store
from kg.validation.shacl.model import Term


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
    triples = (Quad(quad.subject, quad.predicate, quad.object, DefaultGraph()) for quad in store)
    copy = Store()
    copy.bulk_extend(triples)
    data = copy.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    return rdflib.Graph().parse(data=data, format="nt")


def working_store(data: Store, ontology: Path) -> Store:
    """The data plus the ontology (in the default graph): to query as the union of all graphs."""
    store = Store()
    store.bulk_load(data.dump(format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    return load_store([ontology], store)
