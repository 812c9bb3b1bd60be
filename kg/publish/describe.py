"""A VoID and DCAT description of the dataset: what it holds (triples, entities, classes, one
subset per named graph), where it comes from, its license, its endpoint and its dumps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Store, Triple

from kg.graph.iris import BASE, PREFIXES
from kg.publish.partition import graph_name

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = PREFIXES["dcterms"]
FOAF = "http://xmlns.com/foaf/0.1/"
XSD = PREFIXES["xsd"]
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
LICENSE = NamedNode("https://creativecommons.org/licenses/by/4.0/")
DESCRIPTION_PREFIXES = {**PREFIXES, "void": VOID, "dcat": DCAT, "foaf": FOAF}
# (file suffix, media type, pyoxigraph format name) of each dump
FORMATS = (
    ("ttl", "text/turtle", "TURTLE"),
    ("nt", "application/n-triples", "N_TRIPLES"),
    ("jsonld", "application/ld+json", "JSON_LD"),
)
ALL_QUADS = ("nq", "application/n-quads", "N_QUADS")
TITLE = "policykg: Chinese policy task-division tables"
EXAMPLE_CLASSES = ("pol:PolicyDocument", "pol:Task", "org:Organization")


@dataclass(frozen=True)
class Dump:
    """One gzip file of the dump: one named graph (None: every graph, as N-Quads) in one format."""

    file: str
    graph: NamedNode | None
    media_type: str
    format: str  # the pyoxigraph RdfFormat's name
    size: int | None = None  # bytes, once written


def planned_dumps(graphs: Sequence[NamedNode]) -> list[Dump]:
    """Every graph in every format, and the whole dataset as N-Quads."""
    dumps = [
        Dump(f"{graph_name(graph)}.{suffix}.gz", graph, media, fmt)
        for graph in graphs
        for suffix, media, fmt in FORMATS
    ]
    suffix, media, fmt = ALL_QUADS
    return [Dump(f"policykg.{suffix}.gz", None, media, fmt), *dumps]


def n(name: str, prefix: str = VOID) -> NamedNode:
    return NamedNode(prefix + name)


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + "integer"))


def describe(
    store: Store,
    graphs: dict[NamedNode, list[Quad]],
    base: str,
    dumps: Sequence[Dump],
    endpoint: str | None = None,
) -> list[Triple]:
    """The description of the store's dataset, partitioned into `graphs` (kg.publish.partition),
    published at `base` (dumps under base/dumps/)."""
    dataset = NamedNode(base + "dataset")
    quads = [quad for graph in graphs.values() for quad in graph]
    triples = [
        Triple(dataset, RDF_TYPE, n("Dataset")),
        Triple(dataset, RDF_TYPE, n("Dataset", DCAT)),
        Triple(dataset, n("title", DCTERMS), Literal(TITLE, language="en")),
        Triple(dataset, n("title", DCTERMS), Literal("政策任务分工知识图谱", language="zh")),
        Triple(dataset, n("description", DCTERMS), Literal(
            "Who leads (牵头) and who cooperates on (配合) each task of Chinese government policy "
            "documents at the city, provincial and national levels, with the organizations "
            "through time, their counterparts across levels, the documents cited, and the funding "
            "instruments stated.", language="en")),
        Triple(dataset, n("license", DCTERMS), LICENSE),
        Triple(dataset, n("rights", DCTERMS), Literal(
            "The curation (registry, readings, graph) is CC BY 4.0. The policy documents are "
            "official documents of state organs, which Article 5 of the Copyright Law of the "
            "People's Republic of China leaves outside copyright.", language="en")),
        Triple(dataset, n("uriSpace"), Literal(BASE)),
        Triple(dataset, n("vocabulary"), NamedNode(BASE + "ontology")),
        Triple(dataset, n("triples"), integer(len(quads))),
        Triple(dataset, n("entities"), integer(len({str(q.subject) for q in quads}))),
        Triple(dataset, n("distinctSubjects"), integer(len({str(q.subject) for q in quads}))),
        Triple(dataset, n("properties"), integer(len({str(q.predicate) for q in quads}))),
    ]  # fmt: skip
    if endpoint:
        triples.append(Triple(dataset, n("sparqlEndpoint"), NamedNode(endpoint)))
    triples += sources(store, dataset) + classes(quads, dataset) + examples(store, dataset)
    for graph, members in graphs.items():
        subset = NamedNode(f"{base}dataset/{graph_name(graph)}")
        triples += [
            Triple(dataset, n("subset"), subset),
            Triple(subset, RDF_TYPE, n("Dataset")),
            Triple(subset, n("triples"), integer(len(members))),
            Triple(subset, n("entities"), integer(len({str(q.subject) for q in members}))),
            Triple(subset, NamedNode(PREFIXES["rdfs"] + "seeAlso"), graph),
        ]
        triples += distributions(subset, base, dumps, graph)
    triples += distributions(dataset, base, dumps, None)
    return triples


def distributions(
    owner: NamedNode, base: str, dumps: Sequence[Dump], graph: NamedNode | None
) -> list[Triple]:
    triples = []
    for dump in dumps:
        if dump.graph != graph:
            continue
        url = NamedNode(f"{base}dumps/{dump.file}")
        distribution = NamedNode(f"{base}dataset/distribution/{dump.file}")
        triples += [
            Triple(owner, n("dataDump"), url),
            Triple(owner, n("distribution", DCAT), distribution),
            Triple(distribution, RDF_TYPE, n("Distribution", DCAT)),
            Triple(distribution, n("downloadURL", DCAT), url),
            Triple(distribution, n("mediaType", DCAT), NamedNode(f"https://www.iana.org/assignments/media-types/{dump.media_type}")),
            Triple(distribution, n("compressFormat", DCAT), NamedNode("https://www.iana.org/assignments/media-types/application/gzip")),
        ]  # fmt: skip
        if dump.size is not None:
            triples.append(Triple(distribution, n("byteSize", DCAT), integer(dump.size)))
    return triples


def sources(store: Store, dataset: NamedNode) -> list[Triple]:
    """The pages the source documents were found at."""
    found = store.query(
        "SELECT DISTINCT ?page { ?doc pol:retrievedFrom ?page } ORDER BY ?page", prefixes=PREFIXES
    )
    assert isinstance(found, QuerySolutions)
    return [Triple(dataset, n("source", DCTERMS), row["page"]) for row in found]


def classes(quads: list[Quad], dataset: NamedNode) -> list[Triple]:
    """A class partition for each class of the ontology's namespace, with its entity count."""
    counts = Counter(
        q.object.value for q in quads if q.predicate == RDF_TYPE and isinstance(q.object, NamedNode)
    )
    triples = [Triple(dataset, n("classes"), integer(len(counts)))]
    for cls in sorted(c for c in counts if c.startswith(PREFIXES["pol"])):
        part = NamedNode(f"{dataset.value}/class/{cls.rsplit('#', 1)[1]}")
        triples += [
            Triple(dataset, n("classPartition"), part),
            Triple(part, n("class"), NamedNode(cls)),
            Triple(part, n("entities"), integer(counts[cls])),
        ]
    return triples


def examples(store: Store, dataset: NamedNode) -> list[Triple]:
    triples = []
    for cls in EXAMPLE_CLASSES:
        found = store.query(f"SELECT ?x {{ ?x a {cls} }} ORDER BY ?x LIMIT 1", prefixes=PREFIXES)
        assert isinstance(found, QuerySolutions)
        triples += [Triple(dataset, n("exampleResource"), row["x"]) for row in found]
    return triples
