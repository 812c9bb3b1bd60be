"""The dataset a service starts from: RDF files loaded once, kept as a numbered snapshot (an
N-Quads file each worker loads, or one on-disk store all workers share)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

from api.worker import Snapshot
from kg.graph.iris import BASE
from kg.store.dataset import load_store

ONTOLOGY_IRI = BASE + "ontology"
# Above this much RDF (about 500k triples of Turtle) the workers share one on-disk store by
# default: a copy in each would cost workers + 1 times the memory (bench/serve.py measures it)
SHARED_ABOVE = 32 * 1024 * 1024
NAME = re.compile(r"^dataset-(\d{6})\.(nq|oxigraph)$")


def latest(directory: Path) -> Snapshot | None:
    """The newest snapshot a store directory holds (writes made by an earlier run), if any."""
    if not directory.is_dir():
        return None
    found = sorted((int(m.group(1)), p) for p in directory.iterdir() if (m := NAME.match(p.name)))
    return Snapshot(*found[-1]) if found else None


def shared_by_default(data: Sequence[Path]) -> bool:
    return sum(path.stat().st_size for path in data if path.is_file()) > SHARED_ABOVE


def initial(
    directory: Path, data: Sequence[Path], ontology: Path | None = None, shared: bool = False
) -> Snapshot:
    """Load the files (a bad file raises SourceError naming it and the line), and the ontology
    as its own named graph so its terms dereference like the data's, into snapshot 1."""

    def fill(store: Store) -> None:
        load_store(data, store, bulk=shared)
        if ontology is not None:
            graph = NamedNode(ONTOLOGY_IRI)
            store.load(path=str(ontology), format=RdfFormat.TURTLE, to_graph=graph)

    snapshot = Snapshot.at(directory, 1, shared)
    snapshot.create(fill)
    return snapshot
