"""Content negotiation: an Accept header and the formats on offer -> the format to answer in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import RdfFormat


@dataclass(frozen=True)
class Format:
    """A format we write, the media type we label it with, and other names clients use."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


SPARQL_JSON = Format("json", "application/sparql-results+json", ("application/json",))
SPARQL_XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")
TURTLE = Format("turtle", "text/turtle", ("application/x-turtle",))
NTRIPLES = Format("ntriples", "application/n-triples", ("text/plain",))
RDFXML = Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"))
JSONLD = Format("jsonld", "application/ld+json", ("application/json",))
HTML = Format("html", "text/html", ("application/xhtml+xml",))

# Offers, best first: the first is what a client that accepts anything gets.
RESULT_FORMATS = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
GRAPH_FORMATS = (TURTLE, NTRIPLES, RDFXML, JSONLD)

# What a graph store or resource upload may be written in (media type -> parser).
RDF_READERS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/trig": RdfFormat.TRIG,
}


@dataclass(frozen=True)
class Range:
    """One entry of an Accept header."""

    media_type: str
    quality: float
    order: int

    def matches(self, media_type: str) -> int:
        """How specifically this range names the type: 3 exact, 2 type/*, 1 */*, 0 not at all."""
        if self.media_type == media_type:
            return 3
        kind = media_type.split("/")[0]
        if self.media_type == f"{kind}/*":
            return 2
        return 1 if self.media_type == "*/*" else 0


def parse_accept(header: str | None) -> list[Range]:
    """An Accept header as ranges; no header accepts anything."""
    if not header or not header.strip():
        return [Range("*/*", 1.0, 0)]
    ranges = []
    for order, part in enumerate(header.split(",")):
        media_type, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        if media_type:
            ranges.append(Range(media_type.lower(), quality, order))
    return ranges


def quality(ranges: Sequence[Range], media_type: str) -> tuple[float, int, int]:
    """The quality the client gives a type: from its most specific matching range."""
    best = max(((r.matches(media_type), -r.order, r.quality) for r in ranges), default=(0, 0, 0.0))
    specificity, order, q = best
    return (q, specificity, order) if specificity else (0.0, 0, 0)


def choose(ranges: Sequence[Range], offered: Sequence[Format]) -> Format | None:
    """The offered format the client likes best (ties go to the earlier offer), or None."""
    best: tuple[tuple[float, int, int], int, Format] | None = None
    for rank, fmt in enumerate(offered):
        score = max(
            [quality(ranges, fmt.media_type), *(alias_quality(ranges, a) for a in fmt.aliases)]
        )
        if score[0] > 0 and (best is None or (score, -rank) > (best[0], best[1])):
            best = (score, -rank, fmt)
    return None if best is None else best[2]


def negotiate(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The offered format an Accept header (as sent) likes best, remembered for headers of the
    usual size: clients send few distinct ones, and a request may otherwise spend more time here
    than on its query (a long header is worked out anew: remembering it would cost memory)."""
    if accept is not None and len(accept) > REMEMBERED_ACCEPT:
        return choose(parse_accept(accept), offered)
    return remembered(accept, offered)


REMEMBERED_ACCEPT = 512


@lru_cache(maxsize=256)
def remembered(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    return choose(parse_accept(accept), offered)


def alias_quality(ranges: Sequence[Range], alias: str) -> tuple[float, int, int]:
    """Other names of a format count only where the client names them exactly."""
    score = quality(ranges, alias)
    return score if score[1] == 3 else (0.0, 0, 0)
