"""Finding our organizations and documents in another graph: by an official name (skos:prefLabel,
skos:altLabel, rdfs:label or schema:name, tagged @zh or untagged) or a document number, and only
where the candidate is of the same kind. One candidate is a link; two or more are ambiguous and
give none; loose string similarity is never used."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pyoxigraph import QuerySolutions, Store
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from kg.graph.iris import BASE, POL, PREFIXES, part
from kg.graph.turtle import literal
from kg.registry.organizations import KINDS as KINDS_OF_ORGANIZATION

LABELS = (
    PREFIXES["skos"] + "prefLabel", PREFIXES["skos"] + "altLabel", PREFIXES["rdfs"] + "label",
    "https://schema.org/name", "http://schema.org/name",
)  # fmt: skip
NUMBERS = (
    PREFIXES["dcterms"] + "identifier", "https://schema.org/legislationIdentifier",
    "http://schema.org/legislationIdentifier", "https://schema.org/identifier",
)  # fmt: skip
KINDS = {
    "organization": {
        PREFIXES["org"] + "Organization", PREFIXES["org"] + "FormalOrganization",
        PREFIXES["org"] + "OrganizationalUnit", "https://schema.org/Organization",
        "https://schema.org/GovernmentOrganization", "http://schema.org/GovernmentOrganization",
        "http://schema.org/Organization", "http://xmlns.com/foaf/0.1/Organization",
    },
    "document": {
        PREFIXES["eli"] + "LegalResource", "https://schema.org/Legislation",
        "http://schema.org/Legislation", "http://xmlns.com/foaf/0.1/Document",
        PREFIXES["dcterms"] + "BibliographicResource", PREFIXES["pol"] + "PolicyDocument",
    },
}  # fmt: skip
BATCH = 40  # names per remote query
Select = Callable[[str], list[dict[str, dict[str, str]]]]


@dataclass(frozen=True)
class Local:
    """One of our resources and what identifies it: official names, or a document number."""

    iri: str
    kind: str  # "organization" or "document"
    names: tuple[str, ...]
    number: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Why a remote resource is taken for ours: which of its properties holds which value."""

    remote: str
    property: str
    value: str


@dataclass
class Outcome:
    links: dict[str, list[Evidence]] = field(default_factory=dict)  # ours -> evidence of one remote
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # ours -> remote candidates
    unmatched: list[str] = field(default_factory=list)
    wrong_kind: dict[str, list[str]] = field(default_factory=dict)  # ours -> same name, other kind


def locals_of(store: Store) -> list[Local]:
    """Our organizations by their official Chinese name; our documents by number, else title."""
    kinds = " ".join(f"pol:{name}" for name in KINDS_OF_ORGANIZATION.values())
    query = f"""SELECT ?x ?name WHERE {{ VALUES ?kind {{ {kinds} }}
        ?x a ?kind ; skos:prefLabel ?name . FILTER(lang(?name) = "zh") }} ORDER BY ?x"""
    found = [
        Local(row["x"].value, "organization", (row["name"].value,))
        for row in solutions(store, query)
    ]
    query = """SELECT ?x ?title ?number WHERE {
        VALUES ?kind { pol:PolicyDocument pol:CitedDocument }
        ?x a ?kind ; dcterms:title ?title . FILTER(lang(?title) = "zh")
        OPTIONAL { ?x dcterms:identifier ?number } } ORDER BY ?x"""
    for row in solutions(store, query):
        number = row["number"].value if row["number"] else None
        found.append(Local(row["x"].value, "document", (row["title"].value,), number))
    return found


def solutions(store: Store, query: str) -> QuerySolutions:
    result = store.query(query, prefixes=PREFIXES)
    assert isinstance(result, QuerySolutions)
    return result


def candidates_query(values: Sequence[str], properties: Sequence[str]) -> str:
    """Resources of the remote graph whose property holds one of the values (@zh or untagged)."""
    terms = " ".join(literal(Literal(v, lang=lang)) for v in values for lang in ("zh", None))
    props = " ".join(f"<{p}>" for p in properties)
    return (
        "SELECT ?remote ?property ?value ?type WHERE { "
        f"VALUES ?value {{ {terms} }} VALUES ?property {{ {props} }} "
        "?remote ?property ?value . FILTER(isIRI(?remote)) OPTIONAL { ?remote a ?type } }"
    )


def find(locals_: Sequence[Local], select: Select) -> Outcome:
    """Ask the remote graph for every local resource; classify what comes back."""
    by_value: dict[tuple[str, bool], list[Local]] = defaultdict(list)  # (value, is a number)
    for local in locals_:
        key_values = [(local.number, True)] if local.number else [(n, False) for n in local.names]
        for key in key_values:
            by_value[key].append(local)  # type: ignore[index]
    hits: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[str]] = defaultdict(set)
    for is_number, properties in ((False, LABELS), (True, NUMBERS)):
        values = sorted(v for v, n in by_value if n == is_number)
        for start in range(0, len(values), BATCH):
            for row in select(candidates_query(values[start : start + BATCH], properties)):
                remote, value = row["remote"]["value"], row["value"]["value"]
                if "type" in row:
                    types[remote].add(row["type"]["value"])
                for local in by_value[(value, is_number)]:
                    evidence = Evidence(remote, row["property"]["value"], value)
                    if evidence not in hits[local.iri][remote]:
                        hits[local.iri][remote].append(evidence)
    return classify(locals_, hits, types)


def classify(
    locals_: Sequence[Local],
    hits: dict[str, dict[str, list[Evidence]]],
    types: dict[str, set[str]],
) -> Outcome:
    outcome = Outcome()
    claimed: dict[str, set[str]] = defaultdict(set)  # remote -> our resources it would link
    for local in locals_:
        fitting = {r: e for r, e in hits.get(local.iri, {}).items() if types[r] & KINDS[local.kind]}
        others = sorted(set(hits.get(local.iri, {})) - set(fitting))
        if others:
            outcome.wrong_kind[local.iri] = others
        if len(fitting) == 1:
            [(remote, evidence)] = fitting.items()
            outcome.links[local.iri] = sorted(evidence, key=lambda e: (e.property, e.value))
            claimed[remote].add(local.iri)
        elif fitting:
            outcome.ambiguous[local.iri] = sorted(fitting)
        else:
            outcome.unmatched.append(local.iri)
    for remote, ours in claimed.items():
        if len(ours) > 1:  # one remote resource for two of ours (a name borne at two times)
            for iri in ours:
                outcome.ambiguous[iri] = [remote]
                del outcome.links[iri]
    return outcome


def links_graph(outcome: Outcome, endpoint: str) -> Graph:
    """skos:exactMatch for each link, and its evidence: the remote property, value, endpoint."""
    graph = Graph()
    for ours, evidence in sorted(outcome.links.items()):
        remote = URIRef(evidence[0].remote)
        graph.add((URIRef(ours), SKOS.exactMatch, remote))
        node = part(URIRef(ours), "match", hashlib.sha256(remote.encode()).hexdigest()[:16])
        graph.add((URIRef(ours), POL.linkEvidence, node))
        graph.add((node, RDF.type, POL.LinkEvidence))
        graph.add((node, POL.linkTo, remote))
        graph.add((node, POL.linkEndpoint, URIRef(endpoint)))
        for item in evidence:
            graph.add((node, POL.matchedOn, URIRef(item.property)))
            graph.add((node, POL.matchedValue, Literal(item.value)))
    return graph


def links_graph_name(name: str) -> URIRef:
    return URIRef(f"{BASE}graph/links/{name}")
