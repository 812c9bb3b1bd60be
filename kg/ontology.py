"""The ontology read for its documentation: each term with its kind, labels and definitions in
Chinese and English, and its axioms written in description-logic notation."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.graph.iris import POL, compact

KINDS = (
    (OWL.Class, "class", "类"),
    (OWL.ObjectProperty, "object property", "对象属性"),
    (OWL.DatatypeProperty, "datatype property", "数据属性"),
    (OWL.NamedIndividual, "individual", "个体"),
)
DECLARATIONS = {kind for kind, _, _ in KINDS}  # owl:FunctionalProperty is shown
RELATIONS = (
    (RDFS.subClassOf, "subclass of", "上位类"),
    (OWL.equivalentClass, "defined as", "定义"),
    (OWL.disjointWith, "disjoint with", "互斥"),
    (RDFS.subPropertyOf, "subproperty of", "上位属性"),
    (OWL.inverseOf, "inverse of", "逆属性"),
    (OWL.propertyChainAxiom, "chain", "属性链"),
    (RDFS.domain, "domain", "定义域"),
    (RDFS.range, "range", "值域"),
    (RDF.type, "type", "类型"),
)


@dataclass(frozen=True)
class Term:
    iri: str
    name: str  # the local name, the page's anchor
    kind: str  # "class", "object property", ...
    labels: dict[str, str]  # by language
    definitions: dict[str, str]
    axioms: tuple[tuple[str, str, str], ...]  # (English, Chinese, the axiom in notation)


def terms(ontology: Graph) -> list[Term]:
    """Every term of the pol: namespace, by kind and then name (a term once, by its first kind)."""
    found: dict[URIRef, Term] = {}
    for kind, english, _ in KINDS:
        for iri in sorted(ontology.subjects(RDF.type, kind)):
            if isinstance(iri, URIRef) and str(iri).startswith(str(POL)) and iri not in found:
                found[iri] = term(ontology, iri, english)
    order = {english: index for index, (_, english, _) in enumerate(KINDS)}
    return sorted(found.values(), key=lambda t: (order[t.kind], t.name))


def term(ontology: Graph, iri: URIRef, kind: str) -> Term:
    def by_language(prop: URIRef) -> dict[str, str]:
        values = ontology.objects(iri, prop)
        return {o.language: str(o) for o in values if isinstance(o, Literal) and o.language}

    axioms = []
    for prop, english, chinese in RELATIONS:
        for value in ontology.objects(iri, prop):
            if prop == RDF.type and value in DECLARATIONS:
                continue
            written = notation(ontology, value, prop == OWL.propertyChainAxiom)
            axioms.append((english, chinese, written))
    labels = by_language(RDFS.label) or by_language(SKOS.prefLabel)
    name = str(iri).removeprefix(str(POL))
    return Term(str(iri), name, kind, labels, by_language(SKOS.definition), tuple(axioms))


def notation(g: Graph, node: Node, chain: bool = False) -> str:
    """A class expression or property in description-logic notation (pol:Task ⊓ ≥2 ...)."""
    if chain:
        return " ∘ ".join(notation(g, step) for step in Collection(g, node))
    if isinstance(node, URIRef):
        return compact(str(node)) or f"<{node}>"
    if (members := g.value(node, OWL.intersectionOf)) is not None:
        return " ⊓ ".join(wrapped(g, m) for m in Collection(g, members))
    if (members := g.value(node, OWL.unionOf)) is not None:
        return " ⊔ ".join(wrapped(g, m) for m in Collection(g, members))
    if (inverse := g.value(node, OWL.inverseOf)) is not None:
        return f"{notation(g, inverse)}⁻"
    prop = g.value(node, OWL.onProperty)
    if prop is not None:
        on = notation(g, prop)
        if (filler := g.value(node, OWL.someValuesFrom)) is not None:
            return f"∃{on}.{wrapped(g, filler)}"
        if (value := g.value(node, OWL.hasValue)) is not None:
            return f"∃{on}.{{{notation(g, value)}}}"
        if (least := g.value(node, OWL.minQualifiedCardinality)) is not None:
            filler = g.value(node, OWL.onClass)
            return f"≥{least} {on}.{wrapped(g, filler) if filler is not None else '⊤'}"
    return str(node)


def wrapped(g: Graph, node: Node) -> str:
    text = notation(g, node)
    return (
        f"({text})"
        if isinstance(node, URIRef) is False and (" ⊓ " in text or " ⊔ " in text)
        else text
    )
