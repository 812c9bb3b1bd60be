"""The SPARQL 1.1 Service Description served at the endpoint URL."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from api.config import Settings
from api.negotiation import GRAPH_FORMATS, RESULT_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "rdfxml": "RDF_XML",
    "jsonld": "JSON-LD",
}
PREFIXES = {"sd": SD, "formats": FORMATS, "void": VOID}


def sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def describe(endpoint: str, settings: Settings, counts: dict[str | None, int]) -> list[Triple]:
    """The service, its languages, formats and features, and its default dataset with sizes."""
    service, dataset, default = NamedNode(endpoint), BlankNode("dataset"), BlankNode("default")
    languages = ["SPARQL11Query", *(["SPARQL11Update"] if settings.writable else [])]
    features = ["BasicFederatedQuery"] if settings.service_allow_list else []
    prefix = settings.merged_prefix
    merged = sum(n for name, n in counts.items() if prefix and name and name.startswith(prefix))
    triples = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), service),
        *(Triple(service, sd("supportedLanguage"), sd(name)) for name in languages),
        *(Triple(service, sd("feature"), sd(name)) for name in features),
        *(
            Triple(service, sd("resultFormat"), NamedNode(FORMATS + FORMAT_IRIS[fmt.name]))
            for fmt in (*RESULT_FORMATS, *GRAPH_FORMATS)
        ),
        Triple(
            service,
            sd("defaultEntailmentRegime"),
            NamedNode("http://www.w3.org/ns/entailment/Simple"),
        ),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), default),
        *graph(default, counts.get(None, 0) + merged),
    ]
    for number, name in enumerate(sorted(g for g in counts if g is not None)):
        named, described = BlankNode(f"named{number}"), BlankNode(f"graph{number}")
        triples += [
            Triple(dataset, sd("namedGraph"), named),
            Triple(named, RDF_TYPE, sd("NamedGraph")),
            Triple(named, sd("name"), NamedNode(name)),
            Triple(named, sd("graph"), described),
            *graph(described, counts[name]),
        ]
    return triples


def graph(node: BlankNode, size: int) -> list[Triple]:
    return [
        Triple(node, RDF_TYPE, sd("Graph")),
        Triple(node, NamedNode(VOID + "triples"), Literal(str(size), datatype=XSD_INTEGER)),
    ]
