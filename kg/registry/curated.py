"""Everything curated by hand that a build joins to what the sources say."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.places.jurisdiction import Clues, Finder, Jurisdiction
from kg.registry.changes import Change
from kg.registry.citations import CitationEntry, CitedDocument
from kg.registry.counterparts import Counterpart
from kg.registry.documents import DocumentFacts, default_facts, issued_on
from kg.registry.organizations import Registry
from kg.resolution.resolver import Resolver
from kg.sources.records import SourceDocument


@dataclass(frozen=True)
class Curated:
    resolver: Resolver  # the registry, where its bodies are, and the lexicon
    finder: Finder  # documents' jurisdictions
    documents: dict[str, DocumentFacts]  # by the file name of their source
    changes: tuple[Change, ...] = ()
    counterparts: tuple[Counterpart, ...] = ()
    cited: dict[str, CitedDocument] = field(default_factory=dict)  # by id
    citations: tuple[CitationEntry, ...] = ()

    def facts(self, document: SourceDocument) -> DocumentFacts:
        """The catalogue's facts of a source's document, or what the source says of itself."""
        return self.documents.get(document.path.name) or default_facts(document)

    @property
    def registry(self) -> Registry:
        return self.resolver.registry

    def jurisdiction(
        self, document: SourceDocument, facts: DocumentFacts, given: str | None = None
    ) -> Jurisdiction:
        """The governments a document speaks for: its catalogue entry's (or its publishers'),
        else the issuer its title, imprint or document number names, else `given`."""
        placed = self.resolver.placed
        publishers = (placed.code(org) for org in facts.publishers)
        catalogue = facts.jurisdiction or tuple(code for code in publishers if code)
        clues = Clues(
            catalogue=tuple(dict.fromkeys(catalogue)),
            heading=document.heading,
            title=facts.title_zh,
            printer=document.imprint.printer if document.imprint else None,
            front=document.front,
            identifier=facts.identifier or document.identifier,
            given=given,
            day=issued_on(document, facts),
        )
        return self.finder.find(clues)
