"""A JSON-LD context for the policykg vocabulary, generated from the ontology."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.graph.iris import POL, PREFIXES

XSD = PREFIXES["xsd"]


def build_context(ontology: Graph) -> dict[str, object]:
    """Prefixes, plus a term for every pol: property with its value type."""
    context: dict[str, object] = dict(sorted(PREFIXES.items()))
    terms: dict[str, object] = {}
    for prop in sorted(set(ontology.subjects(RDF.type, OWL.ObjectProperty))):
        if str(prop).startswith(str(POL)):
            terms[local(prop)] = {"@id": f"pol:{local(prop)}", "@type": "@id"}
    for prop in sorted(set(ontology.subjects(RDF.type, OWL.DatatypeProperty))):
        if str(prop).startswith(str(POL)):
            entry: dict[str, str] = {"@id": f"pol:{local(prop)}"}
            value_range = ontology.value(prop, RDFS.range)
            if value_range is not None and str(value_range).startswith(XSD):
                entry["@type"] = f"xsd:{str(value_range)[len(XSD) :]}"
            terms[local(prop)] = entry
    for cls in sorted(set(ontology.subjects(RDF.type, OWL.Class))):
        if str(cls).startswith(str(POL)):
            terms[local(cls)] = f"pol:{local(cls)}"
    context.update(sorted(terms.items()))
    return {"@context": context}


def local(term: URIRef) -> str:
    return str(term)[len(str(POL)) :]


def context_bytes(ontology_path: Path) -> bytes:
    ontology = Graph().parse(ontology_path, format="turtle")
    text = json.dumps(build_context(ontology), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
