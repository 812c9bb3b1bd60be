"""`policykg publish`: the dataset's dumps (gzip, byte for byte the same for the same data) and
its VoID/DCAT description, written to a directory all at once or not at all."""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, serialize

from kg.files import write_atomic
from kg.graph.iris import PREFIXES
from kg.publish.describe import DESCRIPTION_PREFIXES, Dump, describe, planned_dumps
from kg.publish.partition import partition

DESCRIPTION = "void.ttl"


def dump_bytes(graphs: dict[NamedNode, list[Quad]], dump: Dump) -> bytes:
    """One dump of the partitioned dataset, gzip-compressed with no time stamp (so the same data
    gives the same bytes)."""
    fmt = getattr(RdfFormat, dump.format)
    if dump.graph is None:
        body = serialize([q for quads in graphs.values() for q in quads], format=fmt)
    else:
        triples = [quad.triple for quad in graphs.get(dump.graph, [])]
        body = serialize(
            triples, format=fmt, prefixes=None if fmt == RdfFormat.N_TRIPLES else PREFIXES
        )
    return gzip.compress(body or b"", mtime=0)


def publish(store: Store, directory: Path, base: str, endpoint: str | None) -> list[Dump]:
    """Write every dump under directory/dumps/ and the description beside them."""
    graphs = partition(store)
    written, outputs = [], {}
    for dump in planned_dumps(list(graphs)):
        content = dump_bytes(graphs, dump)
        outputs[directory / "dumps" / dump.file] = content
        written.append(replace(dump, size=len(content)))
    triples = describe(store, graphs, base, written, endpoint)
    outputs[directory / DESCRIPTION] = serialize(
        sorted(triples, key=str), format=RdfFormat.TURTLE, prefixes=DESCRIPTION_PREFIXES
    )
    write_atomic(outputs)
    return written
