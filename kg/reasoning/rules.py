"""The fast route: the ontology's axioms compiled to SPARQL updates, run on pyoxigraph until
nothing new follows. It evaluates exactly the axiom forms policykg's ontology uses and refuses any
other, so an axiom added later cannot be skipped in silence."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from pyoxigraph import NamedNode, RdfFormat, Store
from rdflib import OWL, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.reasoning.inferences import Triple
from kg.reasoning.vocabulary import Atom, Rule, Step, UnsupportedAxiom, Vocabulary

ENGINE = "policykg rules (SPARQL on pyoxigraph)"


class Compiler:
    """Class expressions and axioms -> SPARQL patterns and INSERT ... WHERE updates."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.graph = vocabulary.graph
        self.names = (f"?v{n}" for n in itertools.count())

    def updates(self) -> list[str]:
        v = self.vocabulary
        updates = []
        for cls in sorted(v.classes):
            above = sorted(v.ancestors(cls) - {cls, OWL.Thing})
            if above:
                types = " ".join(f"?x a <{sup}> ." for sup in above)
                updates.append(f"INSERT {{ {types} }} WHERE {{ ?x a <{cls}> }}")
        for prop in sorted(v.object_properties):
            for sup in sorted(v.property_ancestors(prop) - {prop}):
                updates.append(f"INSERT {{ ?s <{sup}> ?o }} WHERE {{ ?s <{prop}> ?o }}")
            for inverse in sorted(v.inverses.get(prop, ())):
                updates.append(f"INSERT {{ ?o <{inverse}> ?s }} WHERE {{ ?s <{prop}> ?o }}")
            for cls in sorted(v.ranges.get(prop, ())):
                updates.append(
                    f"INSERT {{ ?o a <{cls}> }} WHERE {{ ?s <{prop}> ?o FILTER(isIRI(?o)) }}"
                )
        for prop, classes in sorted(v.domains.items()):
            for cls in sorted(classes):
                updates.append(f"INSERT {{ ?s a <{cls}> }} WHERE {{ ?s <{prop}> ?o }}")
        for prop, chain in v.chains:
            updates.append(self.chain(prop, chain))
        for cls, expression in sorted(v.definitions.items()):
            updates.append(
                f"INSERT {{ ?x a <{cls}> }} WHERE {{ {self.pattern(expression, '?x')} }}"
            )
        updates.extend(self.rule(rule) for rule in v.rules)
        return updates

    def chain(self, prop: URIRef, steps: tuple[Step, ...]) -> str:
        nodes = ["?x"] + [next(self.names) for _ in steps]
        patterns = [self.edge(nodes[i], step, nodes[i + 1]) for i, step in enumerate(steps)]
        return f"INSERT {{ ?x <{prop}> {nodes[-1]} }} WHERE {{ {' '.join(patterns)} }}"

    @staticmethod
    def edge(subject: str, step: Step, obj: str) -> str:
        if step.inverse:
            return f"{obj} <{step.property}> {subject} ."
        return f"{subject} <{step.property}> {obj} ."

    def pattern(self, expression: Node, var: str) -> str:
        """A group graph pattern that binds var to every member of the class expression."""
        g = self.graph
        if expression == OWL.Thing:
            return ""
        if isinstance(expression, URIRef):
            return f"{var} a <{expression}> ."
        if (members := g.value(expression, OWL.intersectionOf)) is not None:
            return " ".join(self.pattern(m, var) for m in Collection(g, members))
        if (members := g.value(expression, OWL.unionOf)) is not None:
            return " UNION ".join(f"{{ {self.pattern(m, var)} }}" for m in Collection(g, members))
        prop = g.value(expression, OWL.onProperty)
        if prop is None:
            raise UnsupportedAxiom(f"a class expression policykg cannot evaluate: {expression}")
        step = self.vocabulary.step(prop)
        if (filler := g.value(expression, OWL.someValuesFrom)) is not None:
            other = next(self.names)
            return f"{self.edge(var, step, other)} {self.pattern(filler, other)}"
        if (value := g.value(expression, OWL.hasValue)) is not None:
            return self.edge(var, step, f"<{value}>")
        least = g.value(expression, OWL.minQualifiedCardinality)
        if least is not None:
            other = next(self.names)
            filler = g.value(expression, OWL.onClass) or OWL.Thing
            inner = f"{self.edge(var, step, other)} {self.pattern(filler, other)}"
            return (
                f"{{ SELECT {var} WHERE {{ {inner} }} GROUP BY {var} "
                f"HAVING (COUNT(DISTINCT {other}) >= {int(least)}) }}"
            )
        raise UnsupportedAxiom(f"a restriction policykg cannot evaluate: {expression}")

    def rule(self, rule: Rule) -> str:
        head = " ".join(self.atom(atom) for atom in rule.head)
        body = " ".join(self.atom(atom) for atom in rule.body)
        return f"INSERT {{ {head} }} WHERE {{ {body} }}"

    def atom(self, atom: Atom) -> str:
        terms = [self.argument(node) for node in atom.arguments]
        if len(terms) == 1:
            return f"{terms[0]} a <{atom.predicate}> ."
        return f"{terms[0]} <{atom.predicate}> {terms[1]} ."

    def argument(self, node: Node) -> str:
        if self.vocabulary.is_variable(node):
            return "?r_" + "".join(c if c.isalnum() else "_" for c in str(node).rsplit("#", 1)[-1])
        return f"<{node}>"


def saturate(store: Store, updates: list[str]) -> int:
    """Run the updates until a round adds nothing; the number of rounds."""
    rounds = 0
    while True:
        rounds += 1
        size = len(store)
        for update in updates:
            store.update(update)
        if len(store) == size:
            return rounds


def entailed(data: Graph, vocabulary: Vocabulary) -> Store:
    """A store holding the data and everything the rules derive from it."""
    store = Store()
    store.load(data.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    saturate(store, Compiler(vocabulary).updates())
    return store


def triples(store: Store) -> Iterator[Triple]:
    for quad in store:
        s, p, o = quad.subject, quad.predicate, quad.object
        if isinstance(s, NamedNode) and isinstance(o, NamedNode):
            yield URIRef(s.value), URIRef(p.value), URIRef(o.value)
