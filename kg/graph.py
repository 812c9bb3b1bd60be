"""Clean records -> an RDF graph under the policykg ontology."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg import iris
from kg.documents import DocumentFacts
from kg.iris import ORG, POL, PROV, SCHEMA
from kg.records import Instrument, Mention, Table, Task
from kg.registry import Organization, Registry
from kg.spans import Span

ROLES = {"lead": (POL.leadDepartment, POL.LeadResponsibility),
         "cooperating": (POL.cooperatingDepartment, POL.CooperatingResponsibility)}  # fmt: skip
CURRENCY = "CNY"


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def decimal(value: Decimal) -> Literal:
    return Literal(format(value, "f"), datatype=XSD.decimal)


def build_graph(
    tables: Iterable[Table], registry: Registry, documents: dict[str, DocumentFacts]
) -> Graph:
    """The whole graph: the registry's organizations and every table's document and tasks."""
    graph = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    for organization in registry.organizations:
        add_organization(graph, organization, registry)
    for table in tables:
        facts = documents.get(table.path.name) or default_facts(table)
        add_table(graph, table, facts, registry)
    return graph


def default_facts(table: Table) -> DocumentFacts:
    """What a table says of its own document, for tables without curated facts."""
    return DocumentFacts(
        source=table.path.name,
        id=table.path.stem,
        title_zh=table.document_title or table.heading,
        identifier=None,
        publisher=None,
        identifier_source=None,
    )


def add_organization(graph: Graph, org: Organization, registry: Registry) -> None:
    node = iris.organization(org.id)
    graph.add((node, RDF.type, ORG.Organization))
    graph.add((node, RDF.type, POL[org.kind]))
    graph.add((node, SKOS.prefLabel, zh(org.pref_zh)))
    for name in org.alt_zh:
        graph.add((node, SKOS.altLabel, zh(name)))
    if org.pref_en:
        graph.add((node, SKOS.prefLabel, Literal(org.pref_en, lang="en")))
    if org.parent:
        graph.add((node, ORG.subOrganizationOf, iris.organization(org.parent)))
    if org.member_of:
        collective = iris.organization(org.member_of)
        graph.add((node, ORG.memberOf, collective))
        graph.add((collective, ORG.hasMember, node))
    if org.drawn_from:
        graph.add((node, POL.drawnFrom, iris.organization(registry.get(org.drawn_from).id)))
    if org.zh_source:
        graph.add((node, POL.nameSource, URIRef(org.zh_source)))
    if org.en_source:
        graph.add((node, POL.englishNameSource, URIRef(org.en_source)))


def add_table(graph: Graph, table: Table, facts: DocumentFacts, registry: Registry) -> None:
    source = iris.source_file(table.path.name)
    graph.add((source, RDF.type, POL.SourceFile))
    graph.add((source, DCTERMS.title, Literal(table.path.name)))
    graph.add((source, POL.sha256, Literal(table.sha256)))

    document = iris.document(facts.id)
    scheme = iris.theme_scheme(facts.id)
    graph.add((document, RDF.type, POL.PolicyDocument))
    graph.add((document, DCTERMS.title, zh(facts.title_zh)))
    if table.document_title and table.document_title != facts.title_zh:
        graph.add((document, DCTERMS.alternative, zh(table.document_title)))
    if facts.identifier:
        graph.add((document, DCTERMS.identifier, Literal(facts.identifier)))
    if facts.identifier_source:
        graph.add((document, POL.identifierSource, URIRef(facts.identifier_source)))
    if facts.publisher:
        graph.add((document, DCTERMS.publisher, iris.organization(facts.publisher)))
    graph.add(
        (document, DCTERMS.issued, Literal(table.imprint.date.isoformat(), datatype=XSD.date))
    )
    graph.add((document, POL.themeScheme, scheme))
    derived(graph, document, source, Span(table.imprint.line, table.imprint.line))

    graph.add((scheme, RDF.type, POL.ThemeScheme))
    graph.add((scheme, SKOS.prefLabel, zh(f"{facts.title_zh}·主要任务")))
    for theme in table.themes:
        node = iris.theme(facts.id, theme.number)
        graph.add((node, RDF.type, POL.Theme))
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.prefLabel, zh(theme.label)))
        graph.add((node, SKOS.notation, Literal(theme.number, datatype=XSD.integer)))
        graph.add((node, SKOS.inScheme, scheme))
        graph.add((node, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, node))
        derived(graph, node, source, theme.span)

    for task in table.tasks:
        add_task(graph, task, facts.id, document, source, table, registry)


def add_task(
    graph: Graph,
    task: Task,
    doc_id: str,
    document: URIRef,
    source: URIRef,
    table: Table,
    registry: Registry,
) -> None:
    node = iris.task(doc_id, task.number)
    graph.add((node, RDF.type, POL.Task))
    graph.add((node, POL.taskNumber, Literal(task.number, datatype=XSD.integer)))
    graph.add((node, DCTERMS.isPartOf, document))
    graph.add((node, POL.theme, iris.theme(doc_id, task.theme)))
    if task.text:
        graph.add((node, DCTERMS.description, zh(task.text)))
    if task.remark:
        graph.add((node, SKOS.note, zh(task.remark)))
    derived(graph, node, source, task.span)
    for role, mentions in (("lead", task.leads), ("cooperating", task.cooperators)):
        for position, mention in enumerate(mentions, start=1):
            assignment = iris.part(node, role, position)
            add_assignment(graph, node, assignment, role, mention, source, table, registry)
    for number, instrument in enumerate(task.instruments, start=1):
        add_instrument(graph, node, iris.part(node, "instrument", number), instrument)


def add_assignment(
    graph: Graph,
    task: URIRef,
    node: URIRef,
    role: str,
    mention: Mention,
    source: URIRef,
    table: Table,
    registry: Registry,
) -> None:
    direct, concept = ROLES[role]
    org = registry.resolve(mention, str(table.path))
    agent = iris.organization(org.id)
    graph.add((task, direct, agent))
    graph.add((task, POL.assignment, node))
    graph.add((node, RDF.type, POL.Assignment))
    graph.add((node, PROV.agent, agent))
    graph.add((node, PROV.hadRole, concept))
    graph.add((node, POL.writtenAs, zh(mention.written)))
    derived(graph, node, source, mention.span)


def add_instrument(graph: Graph, task: URIRef, node: URIRef, instrument: Instrument) -> None:
    graph.add((task, POL.hasInstrument, node))
    graph.add((node, RDF.type, POL[instrument.kind]))
    graph.add((node, RDFS.label, zh(instrument.label)))
    if instrument.amount is not None:
        add_amount(graph, node, SCHEMA.amount, iris.part(node, "amount"), instrument.amount)
    if instrument.period:
        graph.add((node, POL.period, Literal(instrument.period, datatype=XSD.duration)))
    for number, topic in enumerate(instrument.earmarks, start=1):
        concept = iris.part(node, "topic", number)
        graph.add((node, POL.earmarkedFor, concept))
        graph.add((concept, RDF.type, POL.SpecialTopic))
        graph.add((concept, SKOS.prefLabel, zh(topic)))
    if instrument.kind == "IndustryFund" and instrument.ratio is not None:
        graph.add((node, POL.matchingRatio, decimal(instrument.ratio)))
        if instrument.amount is not None:
            matching = instrument.amount * instrument.ratio
            add_amount(
                graph, node, POL.matchingAmount, iris.part(node, "matching-amount"), matching
            )
    if instrument.kind == "LandPriceFloor" and instrument.ratio is not None:
        graph.add((node, POL.minimumRatio, decimal(instrument.ratio)))
    if instrument.benchmark:
        graph.add((node, POL.benchmark, zh(instrument.benchmark)))


def add_amount(
    graph: Graph, owner: URIRef, predicate: URIRef, node: URIRef, value: Decimal
) -> None:
    graph.add((owner, predicate, node))
    graph.add((node, RDF.type, SCHEMA.MonetaryAmount))
    graph.add((node, SCHEMA.value, decimal(value)))
    graph.add((node, SCHEMA.currency, Literal(CURRENCY)))


def derived(graph: Graph, node: URIRef, source: URIRef, span: Span) -> None:
    """Record the source file and lines a node was read from (PROV-O)."""
    graph.add((node, PROV.wasDerivedFrom, source))
    graph.add((node, POL.firstLine, Literal(span.first, datatype=XSD.integer)))
    graph.add((node, POL.lastLine, Literal(span.last, datatype=XSD.integer)))
