"""The ontology as RDF is made once per version of its file (rdflib takes a tenth of a second to
parse and write it: on the event loop, every request would stall every other)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic

from api.ontology_rdf import RDFLIB_FORMATS, OntologyRdf
from kg.paths import ONTOLOGY

EXTRA = "\n<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"


async def fetch_all(store: OntologyRdf, path: Path) -> dict[str, bytes]:
    """Every format twice, all at once, as concurrent first requests would ask."""
    names = list(RDFLIB_FORMATS) * 2
    made = await asyncio.gather(*(store.get(path, name) for name in names))
    return dict(zip(names, made, strict=True))


def test_concurrent_first_requests_parse_the_file_once(tmp_path: Path) -> None:
    path = tmp_path / "ontology.ttl"
    shutil.copy(ONTOLOGY, path)
    store = OntologyRdf()
    made = asyncio.run(fetch_all(store, path))
    again = asyncio.run(fetch_all(store, path))
    assert store.parses == 1 and again == made
    assert made["turtle"] == Graph().parse(path).serialize(format="turtle", encoding="utf-8")
    for name, rdflib_name in RDFLIB_FORMATS.items():
        assert isomorphic(Graph().parse(data=made[name], format=rdflib_name), Graph().parse(path))


def test_a_new_version_of_the_file_is_parsed_anew(tmp_path: Path) -> None:
    path = tmp_path / "ontology.ttl"
    shutil.copy(ONTOLOGY, path)
    store = OntologyRdf()
    before = asyncio.run(store.get(path, "ntriples"))
    with path.open("a", encoding="utf-8") as file:
        file.write(EXTRA)
    after = asyncio.run(store.get(path, "ntriples"))
    assert store.parses == 2
    assert b"<https://example.org/a>" in after and b"<https://example.org/a>" not in before
    assert len(store.made) == 1  # the old version's are let go
