"""Administrative divisions as resources: code, name, level, the division above, the years."""

from __future__ import annotations

from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.graph import iris
from kg.graph.iris import POL
from kg.places.divisions import Division, Divisions

CLASSES = {
    "country": POL.Country,
    "province": POL.ProvinceLevelDivision,
    "prefecture": POL.PrefectureLevelDivision,
    "county": POL.CountyLevelDivision,
}
# The Ministry of Civil Affairs' county-and-above code lists, which data/divisions/ summarizes
MCA_CODE_LISTS = URIRef("https://www.mca.gov.cn/n156/n186/index.html")


def place(division: Division) -> URIRef:
    return URIRef(f"{iris.BASE}place/{division.key}")


def add_place(graph: Graph, division: Division, divisions: Divisions) -> URIRef:
    """A division and every division above it; its IRI."""
    node = place(division)
    for each in divisions.ancestors(division):
        add_division(graph, each, divisions)
    return node


def add_division(graph: Graph, division: Division, divisions: Divisions) -> None:
    node = place(division)
    graph.add((node, RDF.type, POL.AdministrativeDivision))
    graph.add((node, RDF.type, CLASSES[division.level]))
    graph.add((node, SKOS.prefLabel, Literal(division.name, lang="zh")))
    graph.add((node, SKOS.notation, Literal(division.code)))
    if division.level == "country":
        return
    graph.add((node, DCTERMS.isPartOf, place(divisions.parent_of(division))))
    graph.add((node, DCTERMS.source, MCA_CODE_LISTS))
    if division.first_year:
        graph.add((node, POL.listedFrom, Literal(str(division.first_year), datatype=XSD.gYear)))
    if division.last_year:
        graph.add((node, POL.listedUntil, Literal(str(division.last_year), datatype=XSD.gYear)))
