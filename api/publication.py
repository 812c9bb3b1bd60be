"""The jobs behind /.well-known/void and /dumps/: the VoID/DCAT description of the served dataset
and its dumps, made in a query worker (kept apart from the routes so that a worker need not load
the web framework to run them)."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat, Store, serialize

from api.jobs import Answer, JobError
from api.negotiation import GRAPH_FORMATS
from kg.publish.describe import DESCRIPTION_PREFIXES, describe, planned_dumps
from kg.publish.dumps import dump_bytes
from kg.publish.partition import partition
from kg.store.results import GRAPH_WRITERS


@dataclass(frozen=True)
class Description:
    """The VoID/DCAT description of the served dataset, in an RDF format."""

    base: str
    endpoint: str
    graph_format: str

    def run(self, store: Store) -> Answer:
        graphs = partition(store)
        dumps = planned_dumps(list(graphs))
        triples = sorted(describe(store, graphs, self.base, dumps, self.endpoint), key=str)
        fmt = next(f for f in GRAPH_FORMATS if f.name == self.graph_format)
        writer = GRAPH_WRITERS[fmt.name]
        prefixes = None if writer == RdfFormat.N_TRIPLES else DESCRIPTION_PREFIXES
        return Answer(serialize(triples, format=writer, prefixes=prefixes), fmt.content_type)


@dataclass(frozen=True)
class DumpFile:
    """One of the dumps the description lists, gzip-compressed."""

    file: str

    def run(self, store: Store) -> Answer:
        graphs = partition(store)
        dump = next((d for d in planned_dumps(list(graphs)) if d.file == self.file), None)
        if dump is None:
            raise JobError(404, f"no dump named {self.file!r}; /.well-known/void lists them")
        headers = (("Content-Disposition", f'attachment; filename="{dump.file}"'),)
        return Answer(dump_bytes(graphs, dump), "application/gzip", headers=headers)
