"""Everything curated by hand that a build joins to what the sources say."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.registry.changes import Change
from kg.registry.citations import CitationEntry, CitedDocument
from kg.registry.counterparts import Counterpart
from kg.registry.documents import DocumentFacts, default_facts
from kg.registry.organizations import Registry
from kg.sources.records import SourceDocument


@dataclass(frozen=True)
class Curated:
    registry: Registry
    documents: dict[str, DocumentFacts]  # by the file name of their source
    changes: tuple[Change, ...] = ()
    counterparts: tuple[Counterpart, ...] = ()
    cited: dict[str, CitedDocument] = field(default_factory=dict)  # by id
    citations: tuple[CitationEntry, ...] = ()

    def facts(self, document: SourceDocument) -> DocumentFacts:
        """The catalogue's facts of a source's document, or what the source says of itself."""
        return self.documents.get(document.path.name) or default_facts(document)
