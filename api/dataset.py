"""The dataset a service starts from: RDF files loaded once, kept as a numbered N-Quads snapshot."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat

from api.worker import Snapshot
from kg.files import write_atomic
from kg.graph.iris import BASE
from kg.store.dataset import load_store

ONTOLOGY_IRI = BASE + "ontology"

PATTERN = "dataset-*.nq"


def latest(directory: Path) -> Snapshot | None:
    """The newest snapshot a store directory holds (writes made by an earlier run), if any."""
    versions = sorted(int(p.stem.split("-")[1]) for p in directory.glob(PATTERN))
    if not versions:
        return None
    return Snapshot.at(directory, versions[-1])


def initial(directory: Path, data: Sequence[Path], ontology: Path | None = None) -> Snapshot:
    """Load the files (a bad file raises SourceError naming it and the line), and the ontology
    as its own named graph so its terms dereference like the data's, into snapshot 1."""
    store = load_store(data)
    if ontology is not None:
        store.load(path=str(ontology), format=RdfFormat.TURTLE, to_graph=NamedNode(ONTOLOGY_IRI))
    snapshot = Snapshot.at(directory, 1)
    write_atomic({snapshot.path: store.dump(format=RdfFormat.N_QUADS)})
    return snapshot
