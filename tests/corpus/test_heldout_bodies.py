"""The bodies the held-out documents name, checked against keys made by hand (keys/): each name
as written -> the full official name of the body meant, decided by reading the document."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build import Inputs, graph_from
from kg.graph.iris import POL, PROV
from kg.resolution.keys import RIGHT, UNCONFIRMED, WRONG, judged, load_key, tally

HELDOUT = Path(__file__).parent / "heldout"
CATALOGUE = HELDOUT / "catalogue.csv"  # the government of documents whose text does not say
FILES = sorted(HELDOUT.glob("*.txt"))


def key(path: Path) -> dict[str, str]:
    return load_key(HELDOUT / "keys" / f"{path.stem}.csv")


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """Each held-out document built on its own, as a new user builds it (bodies by rule too)."""
    return {
        path.stem: graph_from(Inputs([path], documents=CATALOGUE, strict=False)) for path in FILES
    }


def test_every_document_has_a_key_for_every_name(graphs: dict[str, Graph]) -> None:
    for path in FILES:
        graph = graphs[path.stem]
        names = {str(graph.value(node, POL.writtenAs)) for node in graph.subjects(PROV.agent)}
        assert names and names <= set(key(path)), path.stem  # built, and every name keyed


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_no_name_is_identified_as_a_body_it_does_not_mean(
    path: Path, graphs: dict[str, Graph]
) -> None:
    assert [v for v in judged(graphs[path.stem], key(path)) if v[2] == WRONG] == []


def test_names_the_keys_name_are_mostly_identified_right(graphs: dict[str, Graph]) -> None:
    verdicts: Counter[str] = Counter()
    keyed = 0  # assignments whose name the key gives a body for
    for path in FILES:
        found = judged(graphs[path.stem], key(path))
        verdicts += tally(found)
        keyed += sum(1 for written, _, _ in found if key(path)[written])
    assert verdicts[WRONG] == 0
    assert verdicts[UNCONFIRMED] <= 2, verdicts  # identified where the key could not tell
    assert verdicts[RIGHT] >= 0.9 * keyed, (verdicts, keyed)  # the README's measure
