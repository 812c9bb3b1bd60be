"""Clean records -> an RDF graph under the policykg ontology."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.graph import iris
from kg.graph.iris import ELI, ORG, POL, PROV, SCHEMA
from kg.graph.places import add_place
from kg.places.divisions import Divisions
from kg.places.jurisdiction import Jurisdiction
from kg.registry.changes import Change
from kg.registry.citations import CitedDocument
from kg.registry.citing import DocumentLink
from kg.registry.counterparts import Counterpart
from kg.registry.curated import Curated
from kg.registry.documents import DocumentFacts, issued_on
from kg.registry.organizations import Organization, Unresolved, UnresolvedNames
from kg.resolution.lexicon import Standard
from kg.resolution.resolver import Identified, RuleBody
from kg.sources.amounts import plain
from kg.sources.formats.detect import media_type
from kg.sources.places import place_of
from kg.sources.records import Instrument, Mention, SourceDocument, Task
from kg.sources.spans import Span

ROLES = {"lead": (POL.leadDepartment, POL.LeadResponsibility),
         "cooperating": (POL.cooperatingDepartment, POL.CooperatingResponsibility)}  # fmt: skip
CURRENCY = "CNY"
LOW_CONFIDENCE = Decimal("0.9")  # a name OCR read with less is flagged (pol:lowConfidence)


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def decimal(value: Decimal) -> Literal:
    """An xsd:decimal in its plain form: 2000000000, not 2000000000.0 or 2E+9."""
    return Literal(format(plain(value), "f"), datatype=XSD.decimal)


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def registry_graph(curated: Curated) -> Graph:
    """The organizations, their changes and their counterparts."""
    graph = new_graph()
    resolver = curated.resolver
    for organization in curated.registry.organizations:
        add_organization(graph, organization)
    for org_id, code in sorted(resolver.placed.given.items()):
        division = add_place(graph, resolver.divisions.get(code), resolver.divisions)
        graph.add((iris.organization(org_id), DCTERMS.spatial, division))
    for change in curated.changes:
        add_change(graph, change)
    for counterpart in curated.counterparts:
        add_counterpart(graph, counterpart)
    return graph


@dataclass(frozen=True)
class Naming:
    """How a build identifies the names of its documents."""

    by_rule: bool = True  # bodies the curated registry lacks, identified by the lexicon's rules
    keep_unresolved: bool = True  # a name nothing identifies kept as written; else it stops
    jurisdiction: str | None = None  # the division code of documents that do not say theirs


CURATED_ONLY = Naming(by_rule=False, keep_unresolved=False)


def document_graph(
    document: SourceDocument,
    curated: Curated,
    links: Iterable[DocumentLink] = (),
    naming: Naming = CURATED_ONLY,
) -> Graph:
    """One source document: its source file, jurisdiction, tasks, themes, assignments and
    instruments, the bodies identified by rule for it, and the citations it makes (`links`, all
    of them its own).

    A name nothing identifies stops the build with every such name of the file listed, unless
    `naming.keep_unresolved` keeps each as a pol:UnresolvedAssignee labelled as written.
    """
    graph = new_graph()
    facts = curated.facts(document)
    jurisdiction = curated.jurisdiction(document, facts, naming.jurisdiction)
    DocumentWriter(graph, document, facts, curated, jurisdiction).write(naming)
    add_links(graph, links)
    return graph


def cited_graph(curated: Curated, links: Iterable[DocumentLink]) -> Graph:
    """The documents outside the corpus that `links` (every link of the build) name, and the
    citations the curated entries give them."""
    links = list(links)
    graph = new_graph()
    named = {link.cited for link in links} | {link.citing for link in links}
    for document_id in sorted(named & set(curated.cited)):
        add_cited_document(graph, curated.cited[document_id])
    add_links(graph, (link for link in links if link.citing in curated.cited))
    return graph


def add_links(graph: Graph, links: Iterable[DocumentLink]) -> None:
    """Each link with its number among its citing document's links."""
    numbers: dict[str, int] = {}
    for link in links:
        numbers[link.citing] = numbers.get(link.citing, 0) + 1
        add_link(graph, link, numbers[link.citing])


def add_organization(graph: Graph, org: Organization) -> None:
    node = iris.organization(org.id)
    graph.add((node, RDF.type, ORG.Organization))
    graph.add((node, POL.identifiedBy, POL.curatedRegistry))
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
    if org.valid_from:
        graph.add((node, POL.validFrom, calendar_date(org.valid_from)))
    if org.valid_until:
        graph.add((node, POL.validUntil, calendar_date(org.valid_until)))


def calendar_date(text: str) -> Literal:
    """2019-01-15 as xsd:date, 2019-01 as xsd:gYearMonth, 2019 as xsd:gYear."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(text)]
    return Literal(text, datatype=datatype)


def add_change(graph: Graph, change: Change) -> None:
    """An org:ChangeEvent linking the bodies that went in to those that came out."""
    node = iris.change(change.id)
    graph.add((node, RDF.type, ORG.ChangeEvent))
    graph.add((node, RDF.type, POL[change.kind]))
    graph.add((node, DCTERMS.date, calendar_date(change.date)))
    graph.add((node, DCTERMS.source, URIRef(change.source)))
    if change.note:
        graph.add((node, SKOS.note, Literal(change.note, lang="en")))
    for org_id in change.original:
        graph.add((node, ORG.originalOrganization, iris.organization(org_id)))
        graph.add((iris.organization(org_id), ORG.changedBy, node))
    for org_id in change.resulting:
        graph.add((node, ORG.resultingOrganization, iris.organization(org_id)))
        graph.add((iris.organization(org_id), ORG.resultedFrom, node))


def add_cited_document(graph: Graph, document: CitedDocument) -> None:
    """A document outside the corpus, as the page its entry cites describes it."""
    node = iris.document(document.id)
    graph.add((node, RDF.type, POL.CitedDocument))
    graph.add((node, DCTERMS.title, zh(document.title_zh)))
    if document.title_en and document.en_source:
        graph.add((node, DCTERMS.title, Literal(document.title_en, lang="en")))
        graph.add((node, POL.englishTitleSource, URIRef(document.en_source)))
    if document.identifier:
        graph.add((node, DCTERMS.identifier, Literal(document.identifier)))
    if document.issued:
        graph.add((node, DCTERMS.issued, calendar_date(document.issued)))
    for org_id in document.publishers:
        graph.add((node, DCTERMS.publisher, iris.organization(org_id)))
    graph.add((node, DCTERMS.source, URIRef(document.source)))
    if document.note:
        graph.add((node, SKOS.note, Literal(document.note, lang="en")))


def add_link(graph: Graph, link: DocumentLink, number: int) -> None:
    """The citing document eli:cites the cited one (and is based on or implements it), with a
    pol:Citation node that keeps the title as printed and where."""
    citing, cited = iris.document(link.citing), iris.document(link.cited)
    graph.add((citing, ELI.cites, cited))
    graph.add((citing, ELI[link.relation], cited))
    node = iris.part(citing, "citation", number)
    graph.add((citing, POL.citation, node))
    graph.add((node, RDF.type, POL.Citation))
    graph.add((node, POL.citedDocument, cited))
    graph.add((node, POL.writtenAs, zh(link.printed)))
    if link.span is not None:
        graph.add((node, POL.firstLine, Literal(link.span.first)))
        graph.add((node, POL.lastLine, Literal(link.span.last)))
    if link.elsewhere:
        graph.add((node, POL.printedElsewhere, zh(link.elsewhere)))


def add_counterpart(graph: Graph, link: Counterpart) -> None:
    """The counterpart triple, and its qualified node carrying the source and its words."""
    body, counterpart = iris.organization(link.body), iris.organization(link.counterpart)
    graph.add((body, POL[link.property], counterpart))
    node = iris.part(body, "counterpart", link.counterpart)
    kind = (
        "ProvincialCounterpartLink"
        if link.property == "provincialCounterpart"
        else "NationalCounterpartLink"
    )
    graph.add((body, POL.counterpartLink, node))
    graph.add((node, RDF.type, POL[kind]))
    graph.add((node, POL.counterpart, counterpart))
    graph.add((node, POL.basis, Literal(link.basis)))
    graph.add((node, POL.counterpartSource, URIRef(link.source)))
    if link.quote:
        graph.add((node, POL.evidence, zh(link.quote)))
    if link.note:
        graph.add((node, SKOS.note, Literal(link.note, lang="en")))


@dataclass(frozen=True)
class DocumentWriter:
    """Writes one source document into a graph; holds what every node of it shares."""

    graph: Graph
    document: SourceDocument
    facts: DocumentFacts
    curated: Curated
    jurisdiction: Jurisdiction

    @property
    def source(self) -> URIRef:
        return iris.source_file(self.document.path.name)

    @property
    def node(self) -> URIRef:
        return iris.document(self.facts.id)

    @property
    def issued(self) -> dt.date | None:
        return issued_on(self.document, self.facts)

    def write(self, naming: Naming) -> None:
        agents = self.resolve(naming)
        self.add_source()
        self.add_document()
        self.add_jurisdiction()
        self.add_themes()
        for task in self.document.tasks:
            self.add_task(task, agents)

    def resolve(self, naming: Naming) -> dict[Mention, URIRef]:
        """The body each mention names on the document's day in its jurisdiction; all failures
        at once. A name the catalogue lists as unresolved for its document (no source expands
        it) is never identified by rule."""
        agents: dict[Mention, URIRef] = {}
        failures: list[tuple[Mention, Unresolved]] = []
        mentions = [m for task in self.document.tasks for m in task.leads + task.cooperators]
        for mention in mentions:
            by_rule = naming.by_rule and mention.meant not in self.facts.unresolved
            try:
                body = self.curated.resolver.resolve(
                    mention, self.issued, self.jurisdiction, by_rule
                )
                agents[mention] = self.add_body(body)
                if isinstance(body, RuleBody) and mention.written != body.name:
                    self.add(agents[mention], SKOS.altLabel, zh(mention.written))
            except Unresolved as failure:
                if naming.keep_unresolved or mention.meant in self.facts.unresolved:
                    agents[mention] = self.add_unresolved(mention, failure)
                else:
                    failures.append((mention, failure))
        if failures:
            raise UnresolvedNames(self.document.path, self.curated.registry.path, failures)
        return agents

    def add_body(self, body: Identified) -> URIRef:
        """A curated body's IRI; a body identified by rule written out with its government."""
        return body_node(self.graph, body, self.curated.resolver.divisions)

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> None:
        self.graph.add((subject, predicate, obj))

    def derived(self, node: URIRef, span: Span) -> None:
        """Record the source file and lines a node was read from (PROV-O), and its characters'
        offsets where those lines hold several of the text's lines (lost line breaks)."""
        self.add(node, PROV.wasDerivedFrom, self.source)
        self.add(node, POL.firstLine, Literal(span.first, datatype=XSD.integer))
        self.add(node, POL.lastLine, Literal(span.last, datatype=XSD.integer))
        run_on = {span.first, span.last} & self.document.run_on
        if span.offsets is not None and run_on:
            first, last = span.offsets
            self.add(node, POL.firstOffset, Literal(first, datatype=XSD.integer))
            self.add(node, POL.lastOffset, Literal(last, datatype=XSD.integer))
        if where := place_of(self.document.locations, span):
            self.add(node, POL.location, Literal(where))

    def add_source(self) -> None:
        facts = self.facts
        self.add(self.source, RDF.type, POL.SourceFile)
        self.add(self.source, DCTERMS.title, Literal(self.document.path.name))
        self.add(self.source, POL.sha256, Literal(self.document.sha256))
        self.add(self.source, POL.form, Literal(self.document.form))
        if media := media_type(self.document.file_kind, self.document.path):
            self.add(self.source, DCTERMS.format, Literal(media))
        if self.document.traditional:
            self.add(self.source, POL.script, Literal("traditional"))
        if facts.address:
            self.add(self.source, POL.retrievedFrom, URIRef(facts.address))
        if facts.copy:
            self.add(self.source, POL.isOriginal, Literal(facts.copy == "original"))
        if facts.excerpt:
            self.add(self.source, POL.excerpt, Literal(facts.excerpt, lang="en"))

    def add_document(self) -> None:
        facts, document, node = self.facts, self.document, self.node
        self.add(node, RDF.type, POL.PolicyDocument)
        self.add(node, DCTERMS.title, zh(facts.title_zh))
        if document.document_title and document.document_title != facts.title_zh:
            self.add(node, DCTERMS.alternative, zh(document.document_title))
        identifier = facts.identifier or document.identifier
        if identifier:
            self.add(node, DCTERMS.identifier, Literal(identifier))
        if facts.identifier_source:
            self.add(node, POL.identifierSource, URIRef(facts.identifier_source))
        for publisher in facts.publishers:
            self.add(node, DCTERMS.publisher, iris.organization(publisher))
        if self.issued:
            self.add(node, DCTERMS.issued, Literal(self.issued.isoformat(), datatype=XSD.date))
        self.add(node, POL.themeScheme, iris.theme_scheme(facts.id))
        line = document.imprint.line if document.imprint else 1
        self.derived(node, Span(line, line))

    def add_themes(self) -> None:
        scheme = iris.theme_scheme(self.facts.id)
        self.add(scheme, RDF.type, POL.ThemeScheme)
        self.add(scheme, SKOS.prefLabel, zh(f"{self.facts.title_zh}·主要任务"))
        for theme in self.document.themes:
            node = iris.theme(self.facts.id, theme.number)
            self.add(node, RDF.type, POL.Theme)
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.prefLabel, zh(theme.label))
            self.add(node, SKOS.notation, Literal(theme.number, datatype=XSD.integer))
            self.add(node, SKOS.inScheme, scheme)
            if theme.parent is None:
                self.add(node, SKOS.topConceptOf, scheme)
                self.add(scheme, SKOS.hasTopConcept, node)
            else:
                self.add(node, SKOS.broader, iris.theme(self.facts.id, theme.parent))
            self.derived(node, theme.span)

    def add_task(self, task: Task, agents: dict[Mention, URIRef]) -> None:
        node = iris.task(self.facts.id, task.number)
        self.add(node, RDF.type, POL.Task)
        self.add(node, POL.taskNumber, Literal(task.number, datatype=XSD.integer))
        self.add(node, DCTERMS.isPartOf, self.node)
        if task.theme is not None:
            self.add(node, POL.theme, iris.theme(self.facts.id, task.theme))
        if task.label:
            self.add(node, POL.printedNumber, Literal(task.label))
        if task.text:
            self.add(node, DCTERMS.description, zh(task.text))
        if task.remark:
            self.add(node, SKOS.note, zh(task.remark))
        if task.deadline:
            self.add(node, POL.deadline, zh(task.deadline))
        if task.leader:
            self.add(node, POL.supervisingLeader, zh(task.leader))
        self.derived(node, task.span)
        for role, mentions in (("lead", task.leads), ("cooperating", task.cooperators)):
            for position, mention in enumerate(mentions, start=1):
                part = iris.part(node, role, position)
                self.add_assignment(node, part, role, mention, agents[mention])
        for number, instrument in enumerate(task.instruments, start=1):
            add_instrument(self.graph, node, iris.part(node, "instrument", number), instrument)

    def add_assignment(
        self, task: URIRef, node: URIRef, role: str, mention: Mention, agent: URIRef
    ) -> None:
        """The direct triple of the contract and the qualified assignment node beside it."""
        direct, concept = ROLES[role]
        self.add(task, direct, agent)
        self.add(task, POL.assignment, node)
        self.add(node, RDF.type, POL.Assignment)
        self.add(node, PROV.agent, agent)
        self.add(node, PROV.hadRole, concept)
        self.add(node, POL.writtenAs, zh(mention.written))
        self.derived(node, mention.span)
        confidence = read_with(self.document, mention.span)
        if confidence is not None:
            self.add(node, POL.ocrConfidence, Literal(confidence, datatype=XSD.decimal))
            if confidence < LOW_CONFIDENCE:
                self.add(node, POL.lowConfidence, Literal(True))

    def add_unresolved(self, mention: Mention, failure: Unresolved) -> URIRef:
        """An assignee nothing identifies, kept as written in its document's jurisdiction, with
        why (a name the catalogue lists as unresolved, or any where the build keeps them)."""
        places = self.jurisdiction.places
        node = iris.unresolved(mention.meant, places[0].key if places else None)
        self.add(node, RDF.type, POL.UnresolvedAssignee)
        self.add(node, SKOS.prefLabel, zh(mention.meant))
        self.add(node, POL.unresolvedBecause, Literal(failure.reason, lang="en"))
        return node

    def add_jurisdiction(self) -> None:
        """The places the document's governments govern (dcterms:spatial) and how they were
        found."""
        divisions = self.curated.resolver.divisions
        for division in self.jurisdiction.places:
            self.add(self.node, DCTERMS.spatial, add_place(self.graph, division, divisions))
        self.add(
            self.node, POL.jurisdictionEvidence, Literal(self.jurisdiction.evidence, lang="en")
        )


def add_rule_body(graph: Graph, body: RuleBody, divisions: Divisions) -> URIRef:
    """A body identified by rule: standard name, kind, place, government, the period its name is
    in use, and the rule with its source; its government likewise where that too is by rule."""
    node = URIRef(body.iri)
    graph.add((node, RDF.type, ORG.Organization))
    graph.add((node, RDF.type, POL[body.kind]))
    graph.add((node, SKOS.prefLabel, zh(body.name)))
    graph.add((node, DCTERMS.spatial, add_place(graph, body.place, divisions)))
    graph.add((node, POL.identificationRule, Literal(body.rule, lang="en")))
    standard = body.standard
    if body.zone is not None:
        graph.add((node, POL.identifiedBy, POL.developmentZoneRule))
        graph.add((node, POL.nameSource, URIRef(body.zone.source)))
    elif standard is None:
        graph.add((node, POL.identifiedBy, POL.collectiveRule))
    else:
        graph.add((node, POL.identifiedBy, POL.standardNameRule))
        graph.add((node, POL.areaOfWork, Literal(standard.function)))
        graph.add((node, POL.nameSource, URIRef(standard.source)))
        if standard.valid_from:
            graph.add((node, POL.validFrom, calendar_date(standard.valid_from)))
        if standard.valid_until:
            graph.add((node, POL.validUntil, calendar_date(standard.valid_until)))
    if body.government is not None:
        graph.add((node, ORG.subOrganizationOf, body_node(graph, body.government, divisions)))
    if body.provincial is not None:
        provincial = body_node(graph, body.provincial, divisions)
        add_rule_counterpart(graph, node, provincial, "provincial", standard)
    if body.national is not None:
        national = iris.organization(body.national.id)
        add_rule_counterpart(graph, node, national, "national", standard)
    return node


def body_node(graph: Graph, body: Identified, divisions: Divisions) -> URIRef:
    """A curated body's IRI, or a body identified by rule written into the graph."""
    if isinstance(body, Organization):
        return iris.organization(body.id)
    return add_rule_body(graph, body, divisions)


def add_rule_counterpart(
    graph: Graph, body: URIRef, counterpart: URIRef, level: str, standard: Standard | None
) -> None:
    """A body's provincial or national body of the same area of work, by rule: basis
    same-function, its source the lexicon's for the function's standard name."""
    graph.add((body, POL[f"{level}Counterpart"], counterpart))
    node = iris.part(body, "counterpart", level)
    graph.add((body, POL.counterpartLink, node))
    graph.add((node, RDF.type, POL[f"{level.capitalize()}CounterpartLink"]))
    graph.add((node, POL.counterpart, counterpart))
    graph.add((node, POL.basis, Literal("same-function")))
    if standard is not None:
        graph.add((node, POL.counterpartSource, URIRef(standard.source)))


def read_with(document: SourceDocument, span: Span) -> Decimal | None:
    """The least confidence OCR read a span's characters with (None: no OCR read them)."""
    if not document.confidence or span.offsets is None or span.offsets[0] < 0:
        return None
    first, last = span.offsets
    scores = document.confidence[first : last + 1]
    return Decimal(str(round(min(scores), 3))) if scores else None


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
