"""The ontology file in each RDF format /ontology offers, made once per version of the file off
the event loop (parsing and writing it with rdflib takes a tenth of a second) and kept in memory."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

# our format names -> rdflib's
RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
Version = tuple[str, int, int, int]  # path, inode, modification time (ns), size


def version(path: Path) -> Version:
    """What tells one version of the file from another, without reading it."""
    status = path.stat()
    return str(path), status.st_ino, status.st_mtime_ns, status.st_size


def serializations(path: Path) -> dict[str, bytes]:
    """The file in every format, as written (rdflib: an Oxigraph store would keep
    xsd:nonNegativeInteger cardinalities as xsd:integer)."""
    graph = Graph().parse(path)
    return {
        name: graph.serialize(format=rdflib_name, encoding="utf-8")
        for name, rdflib_name in RDFLIB_FORMATS.items()
    }


@dataclass
class OntologyRdf:
    """The serializations of the latest version of an ontology file seen; `parses` counts how
    often a file was read."""

    made: dict[Version, dict[str, bytes]] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    parses: int = 0

    async def get(self, path: Path, format_name: str) -> bytes:
        """The file in that format: made in a thread the first time for its version (concurrent
        first requests wait for the one making it), from memory after."""
        current = version(path)
        known = self.made.get(current)
        if known is None:
            async with self.lock:
                known = self.made.get(current)
                if known is None:
                    self.parses += 1
                    known = await asyncio.to_thread(serializations, path)
                    self.made = {current: known}
        return known[format_name]
