"""The SHACL and RDF terms the validation code reads and writes."""

from pyoxigraph import NamedNode

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SHAPES = "https://w3id.org/policykg/shapes#"


def sh(name: str) -> NamedNode:
    return NamedNode(SH + name)


RDF_TYPE = NamedNode(RDF + "type")
RDF_FIRST = NamedNode(RDF + "first")
RDF_REST = NamedNode(RDF + "rest")
RDF_NIL = NamedNode(RDF + "nil")
RDF_LANG_STRING = NamedNode(RDF + "langString")
XSD_STRING = NamedNode(XSD + "string")
XSD_BOOLEAN = NamedNode(XSD + "boolean")

VIOLATION = sh("Violation")
WARNING = sh("Warning")
INFO = sh("Info")
SEVERITIES = (VIOLATION, WARNING, INFO)
SEVERITY_NAMES = {VIOLATION: "Violation", WARNING: "Warning", INFO: "Info"}

PREFIXES = {
    "sh": SH,
    "polsh": SHAPES,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}
