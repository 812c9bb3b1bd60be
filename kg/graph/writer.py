"""Clean records -> an RDF graph under the policykg ontology."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.graph import iris as iris
from kg.graph.iris import ORG, POL, PROV, SCHEMA
from kg.registry.documents import DocumentFacts
from kg.registry.organizations import Organization, Registry
from kg.sources.amounts import plain
from kg.sources.records import Instrument, Mention, Table, Task
from kg.sources.spans import Span

ROLES = {"lead": (POL.leadDepartment, POL.LeadResponsibility),
         "cooperating": (POL.cooperatingDepartment, POL.CooperatingResponsibility)}  # fmt: skip
CURRENCY = "CNY"


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def decimal(value: Decimal) -> Literal:
    """An xsd:decimal in its plain form: 2000000000, not 2000000000.0 or 2E+9."""
    return Literal(format(plain(value), "f"), datatype=XSD.decimal)


def build_graph(
    tables: Iterable[Table], registry: Registry, documents: dict[str, DocumentFacts]
) -> Graph:
    """The whole graph: the registry's organizations and every table's document and tasks."""
    graph = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    for organization in registry.organizations:
        add_organization(graph, organization)
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


def add_organization(graph: Graph, org: Organization) -> None:
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
        graph.add((node, POL.drawnFrom, iris.organization(org.drawn_from)))
    if org.zh_source:
        graph.add((node, POL.nameSource, URIRef(org.zh_source)))
    if org.en_source:
        graph.add((node, POL.englishNameSource, URIRef(org.en_source)))


def add_table(graph: Graph, table: Table, facts: DocumentFacts, registry: Registry) -> None:
    """A document, its theme scheme and its tasks, all traced to the table's source file."""
    TableWriter(graph, table, facts, registry).write()


@dataclass(frozen=True)
class TableWriter:
    """Writes one table into a graph; holds what every node of the table shares."""

    graph: Graph
    table: Table
    facts: DocumentFacts
    registry: Registry

    @property
    def source(self) -> URIRef:
        return iris.source_file(self.table.path.name)

    @property
    def document(self) -> URIRef:
        return iris.document(self.facts.id)

    def write(self) -> None:
        self.add_source()
        self.add_document()
        self.add_themes()
        for task in self.table.tasks:
            self.add_task(task)

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self.graph.add((subject, predicate, obj))

    def derived(self, node: URIRef, span: Span) -> None:
        """Record the source file and lines a node was read from (PROV-O)."""
        self.add(node, PROV.wasDerivedFrom, self.source)
        self.add(node, POL.firstLine, Literal(span.first, datatype=XSD.integer))
        self.add(node, POL.lastLine, Literal(span.last, datatype=XSD.integer))

    def add_source(self) -> None:
        self.add(self.source, RDF.type, POL.SourceFile)
        self.add(self.source, DCTERMS.title, Literal(self.table.path.name))
        self.add(self.source, POL.sha256, Literal(self.table.sha256))

    def add_document(self) -> None:
        facts, table, document = self.facts, self.table, self.document
        self.add(document, RDF.type, POL.PolicyDocument)
        self.add(document, DCTERMS.title, zh(facts.title_zh))
        if table.document_title and table.document_title != facts.title_zh:
            self.add(document, DCTERMS.alternative, zh(table.document_title))
        if facts.identifier:
            self.add(document, DCTERMS.identifier, Literal(facts.identifier))
        if facts.identifier_source:
            self.add(document, POL.identifierSource, URIRef(facts.identifier_source))
        if facts.publisher:
            self.add(document, DCTERMS.publisher, iris.organization(facts.publisher))
        issued = Literal(table.imprint.date.isoformat(), datatype=XSD.date)
        self.add(document, DCTERMS.issued, issued)
        self.add(document, POL.themeScheme, iris.theme_scheme(facts.id))
        self.derived(document, Span(table.imprint.line, table.imprint.line))

    def add_themes(self) -> None:
        scheme = iris.theme_scheme(self.facts.id)
        self.add(scheme, RDF.type, POL.ThemeScheme)
        self.add(scheme, SKOS.prefLabel, zh(f"{self.facts.title_zh}·主要任务"))
        for theme in self.table.themes:
            node = iris.theme(self.facts.id, theme.number)
            self.add(node, RDF.type, POL.Theme)
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.prefLabel, zh(theme.label))
            self.add(node, SKOS.notation, Literal(theme.number, datatype=XSD.integer))
            self.add(node, SKOS.inScheme, scheme)
            self.add(node, SKOS.topConceptOf, scheme)
            self.add(scheme, SKOS.hasTopConcept, node)
            self.derived(node, theme.span)

    def add_task(self, task: Task) -> None:
        node = iris.task(self.facts.id, task.number)
        self.add(node, RDF.type, POL.Task)
        self.add(node, POL.taskNumber, Literal(task.number, datatype=XSD.integer))
        self.add(node, DCTERMS.isPartOf, self.document)
        self.add(node, POL.theme, iris.theme(self.facts.id, task.theme))
        if task.text:
            self.add(node, DCTERMS.description, zh(task.text))
        if task.remark:
            self.add(node, SKOS.note, zh(task.remark))
        self.derived(node, task.span)
        for role, mentions in (("lead", task.leads), ("cooperating", task.cooperators)):
            for position, mention in enumerate(mentions, start=1):
                self.add_assignment(node, iris.part(node, role, position), role, mention)
        for number, instrument in enumerate(task.instruments, start=1):
            add_instrument(self.graph, node, iris.part(node, "instrument", number), instrument)

    def add_assignment(self, task: URIRef, node: URIRef, role: str, mention: Mention) -> None:
        """The direct triple of the contract and the qualified assignment node beside it."""
        direct, concept = ROLES[role]
        agent = iris.organization(self.registry.resolve(mention, str(self.table.path)).id)
        self.add(task, direct, agent)
        self.add(task, POL.assignment, node)
        self.add(node, RDF.type, POL.Assignment)
        self.add(node, PROV.agent, agent)
        self.add(node, PROV.hadRole, concept)
        self.add(node, POL.writtenAs, zh(mention.written))
        self.derived(node, mention.span)


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
    if instrument.matching_ratio is not None:
        graph.add((node, POL.matchingRatio, decimal(instrument.matching_ratio)))
        if instrument.amount is not None:
            matching = instrument.amount * instrument.matching_ratio
            add_amount(
                graph, node, POL.matchingAmount, iris.part(node, "matching-amount"), matching
            )
    if instrument.minimum_ratio is not None:
        graph.add((node, POL.minimumRatio, decimal(instrument.minimum_ratio)))
    if instrument.benchmark:
        graph.add((node, POL.benchmark, zh(instrument.benchmark)))


def add_amount(
    graph: Graph, owner: URIRef, predicate: URIRef, node: URIRef, value: Decimal
) -> None:
    graph.add((owner, predicate, node))
    graph.add((node, RDF.type, SCHEMA.MonetaryAmount))
    graph.add((node, SCHEMA.value, decimal(value)))
    graph.add((node, SCHEMA.currency, Literal(CURRENCY)))
