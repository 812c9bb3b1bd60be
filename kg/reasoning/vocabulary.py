"""What the ontology says that reasoning uses: class and property hierarchies, inverses, chains,
domains and ranges, defined classes, rules and the axioms that forbid combinations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SWRL = "http://www.w3.org/2003/11/swrl#"


class UnsupportedAxiom(ValueError):
    """An axiom of a form the rules route cannot evaluate (so it must not silently skip it)."""


@dataclass(frozen=True)
class Step:
    """One property of a chain, read forwards or (inverse) backwards."""

    property: URIRef
    inverse: bool = False


@dataclass(frozen=True)
class Atom:
    """A rule atom: a class atom has one argument, a property atom two (variables or IRIs)."""

    predicate: URIRef
    arguments: tuple[Node, ...]


@dataclass(frozen=True)
class Rule:
    body: tuple[Atom, ...]
    head: tuple[Atom, ...]


@dataclass
class Vocabulary:
    """The parts of an OWL ontology that policykg's reasoning reads."""

    graph: Graph
    classes: set[URIRef] = field(default_factory=set)
    object_properties: set[URIRef] = field(default_factory=set)
    functional_data: set[URIRef] = field(default_factory=set)
    super_classes: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    super_properties: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    inverses: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    chains: list[tuple[URIRef, tuple[Step, ...]]] = field(default_factory=list)
    domains: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    ranges: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    definitions: dict[URIRef, Node] = field(default_factory=dict)  # class -> its expression
    rules: list[Rule] = field(default_factory=list)
    disjoint: set[frozenset[URIRef]] = field(default_factory=set)

    @staticmethod
    def read(ontology: Graph) -> Vocabulary:
        vocabulary = Vocabulary(ontology)
        vocabulary.collect()
        return vocabulary

    def collect(self) -> None:
        g = self.graph
        self.classes = {c for c in g.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        self.object_properties = {
            p for p in g.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)
        }
        self.functional_data = {
            p
            for p in g.subjects(RDF.type, OWL.DatatypeProperty)
            if (p, RDF.type, OWL.FunctionalProperty) in g and isinstance(p, URIRef)
        }
        for sub, sup in g.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                self.super_classes[sub].add(sup)
        for cls, expression in g.subject_objects(OWL.equivalentClass):
            if not isinstance(cls, URIRef):
                continue
            if isinstance(expression, URIRef):
                self.super_classes[cls].add(expression)
                self.super_classes[expression].add(cls)
            else:
                self.definitions[cls] = expression
                for conjunct in self.conjuncts(expression):
                    if isinstance(conjunct, URIRef):
                        self.super_classes[cls].add(conjunct)
        for sub, sup in g.subject_objects(RDFS.subPropertyOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                self.super_properties[sub].add(sup)
        for one, other in g.subject_objects(OWL.inverseOf):
            if isinstance(one, URIRef) and isinstance(other, URIRef):
                self.inverses[one].add(other)
                self.inverses[other].add(one)
        for prop, chain in g.subject_objects(OWL.propertyChainAxiom):
            self.chains.append((prop, tuple(self.step(node) for node in Collection(g, chain))))
        for prop, cls in g.subject_objects(RDFS.domain):
            if isinstance(prop, URIRef) and isinstance(cls, URIRef):
                self.domains[prop].add(cls)  # of object and datatype properties alike
        for prop, cls in g.subject_objects(RDFS.range):
            if prop in self.object_properties and isinstance(cls, URIRef):
                self.ranges[prop].add(cls)
        self.rules = [self.rule(imp) for imp in g.subjects(RDF.type, URIRef(SWRL + "Imp"))]
        for axiom in g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(g, g.value(axiom, OWL.members)))
            self.disjoint.update(frozenset((a, b)) for a in members for b in members if a != b)  # type: ignore[misc]
        for one, other in g.subject_objects(OWL.disjointWith):
            self.disjoint.add(frozenset((one, other)))  # type: ignore[arg-type]

    def conjuncts(self, expression: Node) -> list[Node]:
        members = self.graph.value(expression, OWL.intersectionOf)
        return list(Collection(self.graph, members)) if members is not None else [expression]

    def step(self, node: Node) -> Step:
        if isinstance(node, URIRef):
            return Step(node)
        inverse = self.graph.value(node, OWL.inverseOf)
        if isinstance(inverse, URIRef):
            return Step(inverse, inverse=True)
        raise UnsupportedAxiom(
            f"a property chain step that is neither a property nor an inverse: {node}"
        )

    def rule(self, imp: Node) -> Rule:
        def atoms(predicate: str) -> tuple[Atom, ...]:
            listed = self.graph.value(imp, URIRef(SWRL + predicate))
            return tuple(self.atom(node) for node in Collection(self.graph, listed))

        return Rule(atoms("body"), atoms("head"))

    def atom(self, node: Node) -> Atom:
        g = self.graph
        kind = g.value(node, RDF.type)
        if kind == URIRef(SWRL + "IndividualPropertyAtom"):
            predicate = g.value(node, URIRef(SWRL + "propertyPredicate"))
            arguments = (
                g.value(node, URIRef(SWRL + "argument1")),
                g.value(node, URIRef(SWRL + "argument2")),
            )
        elif kind == URIRef(SWRL + "ClassAtom"):
            predicate = g.value(node, URIRef(SWRL + "classPredicate"))
            arguments = (g.value(node, URIRef(SWRL + "argument1")),)
        else:
            raise UnsupportedAxiom(f"a rule atom of kind {kind}")
        return Atom(predicate, arguments)  # type: ignore[arg-type]

    def is_variable(self, node: Node) -> bool:
        return (node, RDF.type, URIRef(SWRL + "Variable")) in self.graph

    def ancestors(self, cls: URIRef) -> set[URIRef]:
        """Every named class above cls (not cls itself unless a cycle of equivalences says so)."""
        return closure(cls, self.super_classes)

    def property_ancestors(self, prop: URIRef) -> set[URIRef]:
        return closure(prop, self.super_properties)

    def output_classes(self) -> set[URIRef]:
        """The named classes an inferred rdf:type may name."""
        return self.classes - {OWL.Thing}


def closure(start: URIRef, edges: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen: set[URIRef] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return seen
