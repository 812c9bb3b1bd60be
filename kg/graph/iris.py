"""The IRIs policykg mints: stable, readable, and free of random parts."""

import re
from urllib.parse import quote

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/policykg/"
POL = Namespace(BASE + "ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

# How a body the curated registry does not hold was identified (pol:identifiedBy)
IDENTIFIED_BY_RULE = (POL.standardNameRule, POL.collectiveRule, POL.developmentZoneRule)

PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/",
    "eli": str(ELI),
    "org": str(ORG),
    "owl": "http://www.w3.org/2002/07/owl#",
    "pol": str(POL),
    "prov": str(PROV),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": str(SCHEMA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def segment(text: str) -> str:
    """A path segment of a minted IRI: a document id or file name, percent-encoded."""
    return quote(text, safe="-._~")


def compact(iri: str) -> str | None:
    """The prefixed name of an IRI (pol:Task), or None where no prefix fits it."""
    for name, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _LOCAL_NAME.match(iri[len(namespace) :]):
            return f"{name}:{iri[len(namespace) :]}"
    return None


def document(doc_id: str) -> URIRef:
    return URIRef(f"{BASE}doc/{segment(doc_id)}")


def task(doc_id: str, number: int) -> URIRef:
    return URIRef(f"{document(doc_id)}/task/{number}")


def theme(doc_id: str, number: int) -> URIRef:
    return URIRef(f"{document(doc_id)}/theme/{number}")


def theme_scheme(doc_id: str) -> URIRef:
    return URIRef(f"{document(doc_id)}/themes")


def organization(org_id: str) -> URIRef:
    return URIRef(f"{BASE}org/{org_id}")


def change(change_id: str) -> URIRef:
    return URIRef(f"{BASE}change/{change_id}")


def unresolved(name: str, place: str | None = None) -> URIRef:
    """An assignee nothing identifies, by the name written and the key of its document's place
    (the same name in the same jurisdiction, the same node; never one node for two governments)."""
    scope = f"{place}/" if place else ""
    return URIRef(f"{BASE}unresolved/{scope}{segment(name)}")


def source_file(name: str) -> URIRef:
    return URIRef(f"{BASE}source/{segment(name)}")


def part(parent: URIRef, *path: str | int) -> URIRef:
    """An IRI under another: a task's assignments and instruments, an instrument's amount."""
    return URIRef("/".join([str(parent), *map(str, path)]))
