"""Loading RDF files into an embedded pyoxigraph store, named graphs kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.errors import SourceError
from kg.paths import INFERRED, LINKS, ONTOLOGY, TRIPLES

FORMATS = {
    ".ttl": RdfFormat.TURTLE,
    ".turtle": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".json": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".n3": RdfFormat.N3,
}


def default_files(warn: Callable[[str], None] = lambda message: None) -> list[Path]:
    """What is served and queried by default: the built graph, the inferred graph where it was
    inferred from it, and the links to other graphs."""
    from kg.reasoning.output import with_inferences

    links = sorted(LINKS.glob("*.trig")) if LINKS.is_dir() else []
    return [*with_inferences(TRIPLES, ONTOLOGY, INFERRED, warn), *links]


def rdf_format(path: Path) -> RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise SourceError(path, None, f"unknown RDF file type (known: {known})") from None


def load_store(paths: Sequence[Path], store: Store | None = None, bulk: bool = False) -> Store:
    """A store (in memory unless given one) holding every file; a parse error names the file and
    line. `bulk` streams each file into an on-disk store without holding it in memory (and
    without a transaction: a caller that needs all or nothing loads into a staging store)."""
    store = store if store is not None else Store()
    for path in paths:
        fmt = rdf_format(path)
        if not path.is_file():
            raise SourceError(path, None, "no such file")
        read = store.bulk_load if bulk else store.load
        try:
            read(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        except SyntaxError as error:
            raise SourceError(path, getattr(error, "lineno", None), error.msg) from error
        except (OSError, ValueError) as error:
            raise SourceError(path, None, str(error)) from error
    return store
